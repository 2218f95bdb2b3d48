/**
 * The ACK/NAK half of the serial transport, independent of the port so it can be tested on
 * bytes: every frame sent waits for ACK; NAK or silence resends it, up to three times
 * (PA00P016; ecrterm transport_serial.py). Received frames are ACKed when their CRC is good
 * and NAKed otherwise, which makes the sender repeat them.
 */
import { decodeApdu, encodeApdu } from './apdu';
import type { Apdu } from './apdu';
import { ACK, NAK, createFrameReader, encodeFrame } from './serial-framing';
import { ZvtLinkError } from './link';

export interface SerialLinkLayerOptions {
  /** Wait for ACK/NAK after a frame ("T3" in open implementations; 5 s). */
  readonly ackTimeoutMs?: number;
  /** Resends after the first try. */
  readonly retries?: number;
}

export interface SerialLinkLayer {
  /** Bytes from the port. */
  receive(chunk: Uint8Array): void;
  send(message: Apdu): Promise<void>;
  /** Rejects whatever waits for an ACK (the port went away). */
  fail(error: ZvtLinkError): void;
}

export function createSerialLinkLayer(
  write: (bytes: Uint8Array) => void,
  onApdu: (message: Apdu) => void,
  options: SerialLinkLayerOptions = {},
): SerialLinkLayer {
  const ackTimeoutMs = options.ackTimeoutMs ?? 5000;
  const retries = options.retries ?? 3;
  const reader = createFrameReader();
  let waiting: { ack(): void; nak(): void; fail(error: ZvtLinkError): void } | null = null;
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;

  const sendFrame = (frame: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      let attempt = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        waiting = null;
      };
      const tryOnce = () => {
        if (attempt > retries) {
          done();
          reject(new ZvtLinkError('no-ack', `no ACK after ${String(retries + 1)} tries`));
          return;
        }
        attempt++;
        write(frame);
        clearTimeout(timer);
        timer = setTimeout(tryOnce, ackTimeoutMs);
      };
      waiting = {
        ack: () => {
          done();
          resolve();
        },
        nak: tryOnce,
        fail: (error) => {
          done();
          reject(error);
        },
      };
      tryOnce();
    });

  return {
    receive(chunk) {
      for (const event of reader.push(chunk)) {
        if (event.kind === 'ack') waiting?.ack();
        else if (event.kind === 'nak') waiting?.nak();
        else if (event.kind === 'broken-frame') write(Uint8Array.of(NAK));
        else if (!event.crcOk) write(Uint8Array.of(NAK));
        else {
          write(Uint8Array.of(ACK));
          const decoded = decodeApdu(event.apdu);
          if (decoded.kind === 'apdu') onApdu(decoded.apdu);
        }
      }
    },
    send(message) {
      // One frame in flight at a time: the serial line is half-duplex by protocol. With none
      // pending the frame goes out at once, so an ACK right after the write finds its waiter.
      const frame = encodeFrame(encodeApdu(message));
      const start = () => sendFrame(frame);
      const sent = pending === 0 ? start() : queue.then(start);
      pending++;
      queue = sent
        .catch(() => undefined)
        .finally(() => {
          pending--;
        });
      return sent;
    },
    fail(error) {
      waiting?.fail(error);
    },
  };
}
