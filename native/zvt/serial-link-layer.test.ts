import { describe, expect, it } from 'vitest';
import { apdu, encodeApdu, fromHex, hex } from './apdu';
import type { Apdu } from './apdu';
import { ZvtLinkError } from './link';
import { ACK, NAK, encodeFrame } from './serial-framing';
import { createSerialLinkLayer } from './serial-link-layer';

/** A link layer whose writes are recorded, fed by the test as the terminal. */
function harness(ackTimeoutMs = 1000) {
  const written: string[] = [];
  const received: Apdu[] = [];
  const layer = createSerialLinkLayer(
    (bytes) => written.push(hex(bytes)),
    (message) => received.push(message),
    { ackTimeoutMs },
  );
  return { layer, written, received };
}

const ackApdu = apdu(0x80, 0x00);
const ackFrame = hex(encodeFrame(encodeApdu(ackApdu)));

describe('serial ACK/NAK', () => {
  it('resolves a send when the terminal ACKs the frame', async () => {
    const { layer, written } = harness();
    const sent = layer.send(ackApdu);
    layer.receive(Uint8Array.of(ACK));
    await expect(sent).resolves.toBeUndefined();
    expect(written).toEqual([ackFrame]);
  });

  it('resends after a NAK, up to three times, then gives up', async () => {
    const { layer, written } = harness();
    const sent = layer.send(ackApdu);
    for (let i = 0; i < 4; i++) layer.receive(Uint8Array.of(NAK));
    await expect(sent).rejects.toMatchObject({ code: 'no-ack' });
    expect(written).toEqual([ackFrame, ackFrame, ackFrame, ackFrame]);
  });

  it('succeeds when a resent frame is ACKed', async () => {
    const { layer, written } = harness();
    const sent = layer.send(ackApdu);
    layer.receive(Uint8Array.of(NAK));
    layer.receive(fromHex('10 06'));
    await expect(sent).resolves.toBeUndefined();
    expect(written).toHaveLength(2);
  });

  it('resends when no answer comes within the ACK timeout', async () => {
    const { layer, written } = harness(30);
    const sent = layer.send(ackApdu);
    await expect(sent).rejects.toBeInstanceOf(ZvtLinkError);
    expect(written).toHaveLength(4);
  });

  it('ACKs a good frame and passes the APDU on, NAKs a damaged one', () => {
    const { layer, written, received } = harness();
    const frame = encodeFrame(fromHex('04 FF 01 0E'));
    layer.receive(frame);
    expect(written).toEqual(['06']);
    expect(received).toEqual([apdu(0x04, 0xff, Uint8Array.of(0x0e))]);
    const damaged = frame.slice();
    damaged[damaged.length - 1] = (damaged.at(-1) ?? 0) ^ 0xff;
    layer.receive(damaged);
    expect(written).toEqual(['06', '15']);
    expect(received).toHaveLength(1);
  });

  it('sends one frame at a time, in order', async () => {
    const { layer, written } = harness();
    const first = layer.send(apdu(0x06, 0x01, fromHex('04 00 00 00 00 10 00')));
    const second = layer.send(ackApdu);
    await Promise.resolve();
    expect(written).toHaveLength(1);
    layer.receive(Uint8Array.of(ACK));
    await first;
    await new Promise((done) => setTimeout(done, 0));
    expect(written).toHaveLength(2);
    layer.receive(Uint8Array.of(ACK));
    await expect(second).resolves.toBeUndefined();
  });
});
