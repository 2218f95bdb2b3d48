/**
 * Packed BCD as ZVT uses it (PA00P015 §"Data formats"): two decimal digits per byte, high nibble
 * first. Terminals put 'E' in a nibble for a masked digit and 'F' as padding of odd lengths.
 */

/** "978" → [0x09, 0x78] for bytes = 2: left-padded with zeros. Digits only. */
export function encodeBcd(digits: string, bytes: number): Uint8Array {
  if (!/^\d*$/.test(digits) || digits.length > bytes * 2) {
    throw new RangeError(`BCD: "${digits}" does not fit ${bytes} bytes`);
  }
  const padded = digits.padStart(bytes * 2, '0');
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    out[i] = (Number(padded[2 * i]) << 4) | Number(padded[2 * i + 1]);
  }
  return out;
}

/** Nibbles as upper-case hex characters: "0978", or "474843EEEEEE7743" for a masked PAN. */
export function decodeBcd(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += (byte >> 4).toString(16) + (byte & 0x0f).toString(16);
  return text.toUpperCase();
}

/** A non-negative integer as fixed-width BCD (amounts are 6 bytes = 12 digits). */
export function encodeBcdNumber(value: number, bytes: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`BCD: ${value} is not a count`);
  return encodeBcd(String(value), bytes);
}

/** Null when a nibble is not a decimal digit (a corrupt or masked field). */
export function decodeBcdNumber(bytes: Uint8Array): number | null {
  const text = decodeBcd(bytes);
  return /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * LL-var / LLL-var length prefix: each length digit in the low nibble of a byte whose high
 * nibble is F, so 8 is "F0 F8" and 73 as LLL is "F0 F7 F3" (ecrterm tests/test_parsing.py).
 */
export function encodeVarLength(length: number, digits: 2 | 3): Uint8Array {
  const text = String(length);
  if (!Number.isSafeInteger(length) || length < 0 || text.length > digits) {
    throw new RangeError(`ZVT ${digits === 2 ? 'LL' : 'LLL'}-var: length ${length} too long`);
  }
  return Uint8Array.from(text.padStart(digits, '0'), (digit) => 0xf0 | Number(digit));
}

/** Null when the prefix bytes are missing or not F0…F9. */
export function decodeVarLength(bytes: Uint8Array, offset: number, digits: 2 | 3): number | null {
  let length = 0;
  for (let i = 0; i < digits; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined || byte >> 4 !== 0x0f || (byte & 0x0f) > 9) return null;
    length = length * 10 + (byte & 0x0f);
  }
  return length;
}
