/**
 * CRC of the ZVT serial transport (PA00P016): CRC-16/CCITT in its reflected form, polynomial
 * 0x8408, initial value 0, no final XOR (the catalogue's "CRC-16/KERMIT"). It covers the
 * APDU before DLE doubling plus the ETX byte, and is sent low byte first. Checked against
 * python ecrterm (crc.py TABLE_XMODEM16, transport_serial.py SerialMessage._get_crc) and a
 * captured frame in its tests; see crc.test.ts.
 */
const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
    table[i] = crc;
  }
  return table;
})();

export function crc16Zvt(bytes: Uint8Array, initial = 0): number {
  let crc = initial;
  for (const byte of bytes) crc = (crc >>> 8) ^ (TABLE[(crc ^ byte) & 0xff] ?? 0);
  return crc;
}
