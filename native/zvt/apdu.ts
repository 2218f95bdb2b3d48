/**
 * ZVT APDU (PA00P015 §2 "APDU"): control field CLASS INSTR, a length, then data. The length is
 * one byte, or FF followed by two bytes little-endian when the data is 255 bytes or more
 * (Wireshark packet-zvt.c dissect_zvt_apdu reads it the same way).
 */
export interface Apdu {
  readonly cls: number;
  readonly instr: number;
  readonly data: Uint8Array;
}

export const MAX_APDU_DATA = 0xffff;

export const apdu = (cls: number, instr: number, data: Uint8Array = new Uint8Array()): Apdu => ({
  cls,
  instr,
  data,
});

export function encodeApdu(message: Apdu): Uint8Array {
  const { data } = message;
  if (data.length > MAX_APDU_DATA) throw new RangeError(`ZVT APDU: ${data.length} bytes of data`);
  const header =
    data.length < 0xff
      ? [message.cls, message.instr, data.length]
      : [message.cls, message.instr, 0xff, data.length & 0xff, data.length >> 8];
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}

export type ApduDecode =
  | { readonly kind: 'apdu'; readonly apdu: Apdu; readonly size: number }
  | { readonly kind: 'incomplete' };

/** Reads one APDU at offset; 'incomplete' while the bytes so far are a prefix of one. */
export function decodeApdu(bytes: Uint8Array, offset = 0): ApduDecode {
  const cls = bytes[offset];
  const instr = bytes[offset + 1];
  const short = bytes[offset + 2];
  if (cls === undefined || instr === undefined || short === undefined)
    return { kind: 'incomplete' };
  let start = offset + 3;
  let length = short;
  if (short === 0xff) {
    const lo = bytes[offset + 3];
    const hi = bytes[offset + 4];
    if (lo === undefined || hi === undefined) return { kind: 'incomplete' };
    length = lo | (hi << 8);
    start = offset + 5;
  }
  if (bytes.length < start + length) return { kind: 'incomplete' };
  const data = bytes.slice(start, start + length);
  return { kind: 'apdu', apdu: { cls, instr, data }, size: start + length - offset };
}

/** Over TCP APDUs arrive back to back with no framing (PA00P016 TCP/IP): cut the stream. */
export function createApduStream(): { push(chunk: Uint8Array): Apdu[] } {
  let pending = new Uint8Array();
  return {
    push(chunk) {
      const joined = new Uint8Array(pending.length + chunk.length);
      joined.set(pending);
      joined.set(chunk, pending.length);
      const out: Apdu[] = [];
      let offset = 0;
      for (;;) {
        const next = decodeApdu(joined, offset);
        if (next.kind === 'incomplete') break;
        out.push(next.apdu);
        offset += next.size;
      }
      pending = joined.slice(offset);
      return out;
    },
  };
}

/** "06 01" for logs: control fields carry no card data. */
export const controlField = (message: Apdu): string =>
  [message.cls, message.instr].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

export const isAck = (message: Apdu): boolean => message.cls === 0x80 && message.instr === 0x00;
export const isNack = (message: Apdu): boolean => message.cls === 0x84;
export const is = (message: Apdu, cls: number, instr: number): boolean =>
  message.cls === cls && message.instr === instr;

export const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

export const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (pair) => parseInt(pair, 16));

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
