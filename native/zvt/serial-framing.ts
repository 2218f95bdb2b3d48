/**
 * ZVT serial transport framing (PA00P016; ecrterm transmission/transport_serial.py):
 * DLE STX, the APDU with every DLE doubled, DLE ETX, then the CRC low byte and high byte.
 * The receiver answers each frame with ACK (06) or NAK (15). Some terminals prefix those with
 * DLE; the reader accepts both forms.
 */
import { crc16Zvt } from './crc';

export const DLE = 0x10;
export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;

export function encodeFrame(apduBytes: Uint8Array): Uint8Array {
  const crc = crc16Zvt(Uint8Array.of(ETX), crc16Zvt(apduBytes));
  const out: number[] = [DLE, STX];
  for (const byte of apduBytes) {
    out.push(byte);
    if (byte === DLE) out.push(DLE);
  }
  out.push(DLE, ETX, crc & 0xff, crc >> 8);
  return Uint8Array.from(out);
}

export type FrameEvent =
  | { readonly kind: 'frame'; readonly apdu: Uint8Array; readonly crcOk: boolean }
  | { readonly kind: 'ack' }
  | { readonly kind: 'nak' }
  /** A DLE inside a frame followed by something other than DLE or ETX: the frame is lost. */
  | { readonly kind: 'broken-frame' };

type State = 'idle' | 'idle-dle' | 'body' | 'body-dle' | 'crc-lo' | 'crc-hi';

/** Turns the byte stream into frames and acknowledgements; noise between frames is dropped. */
export function createFrameReader(): { push(chunk: Uint8Array): FrameEvent[] } {
  let state: State = 'idle';
  let body: number[] = [];
  let crcLo = 0;
  return {
    push(chunk) {
      const events: FrameEvent[] = [];
      for (const byte of chunk) {
        switch (state) {
          case 'idle':
            if (byte === ACK) events.push({ kind: 'ack' });
            else if (byte === NAK) events.push({ kind: 'nak' });
            else if (byte === DLE) state = 'idle-dle';
            break;
          case 'idle-dle':
            state = 'idle';
            if (byte === STX) {
              body = [];
              state = 'body';
            } else if (byte === ACK) events.push({ kind: 'ack' });
            else if (byte === NAK) events.push({ kind: 'nak' });
            else if (byte === DLE) state = 'idle-dle';
            break;
          case 'body':
            if (byte === DLE) state = 'body-dle';
            else body.push(byte);
            break;
          case 'body-dle':
            if (byte === DLE) {
              body.push(DLE);
              state = 'body';
            } else if (byte === ETX) {
              state = 'crc-lo';
            } else {
              events.push({ kind: 'broken-frame' });
              state = byte === STX ? 'body' : 'idle';
              body = [];
            }
            break;
          case 'crc-lo':
            crcLo = byte;
            state = 'crc-hi';
            break;
          case 'crc-hi': {
            const apdu = Uint8Array.from(body);
            const expected = crc16Zvt(Uint8Array.of(ETX), crc16Zvt(apdu));
            events.push({ kind: 'frame', apdu, crcOk: expected === (crcLo | (byte << 8)) });
            state = 'idle';
            break;
          }
        }
      }
      return events;
    },
  };
}
