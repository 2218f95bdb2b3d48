import { GS } from './escpos-commands';

/** QR capacity in bytes (binary mode) at error level M, version 40. */
const QR_MAX_BYTES = 2331;

/**
 * GS ( k commands for a QR code with UTF-8 data (Epson ESC/POS, GS ( k, cn 49): model 2,
 * module size 6, error level M, store the data, print it — the same settings the encoder
 * uses, for data it cannot send.
 */
export function qrCommands(data: string): number[] {
  const bytes = new TextEncoder().encode(data);
  if (bytes.length > QR_MAX_BYTES)
    throw new RangeError(
      `QR data too long: ${String(bytes.length)} bytes, at most ${String(QR_MAX_BYTES)}`,
    );
  const store = bytes.length + 3; // cn fn m before the data
  return [
    ...[GS, 0x28, 0x6b, 4, 0, 49, 65, 50, 0], // fn 65: model 2
    ...[GS, 0x28, 0x6b, 3, 0, 49, 67, 6], // fn 67: module size 6 dots
    ...[GS, 0x28, 0x6b, 3, 0, 49, 69, 49], // fn 69: error correction level M
    ...[GS, 0x28, 0x6b, store & 0xff, store >> 8, 49, 80, 48, ...bytes], // fn 80: store
    ...[GS, 0x28, 0x6b, 3, 0, 49, 81, 48], // fn 81: print
  ];
}

/**
 * The data to hand the encoder for a barcode, or an Error saying why a printer would refuse
 * it: EAN-13 is 12 digits (the printer adds the check digit) or 13 with a correct one;
 * CODE128 here is printable ASCII in code set B, where "{" must be sent as "{{" (GS k 73).
 */
export function checkBarcode(data: string, symbology: 'ean13' | 'code128'): string {
  if (symbology === 'ean13') {
    if (!/^\d{12,13}$/.test(data))
      throw new Error(`EAN-13 barcode "${data}" is not 12 or 13 digits`);
    if (data.length === 13 && ean13CheckDigit(data.slice(0, 12)) !== Number(data[12]))
      throw new Error(`EAN-13 barcode "${data}" has a wrong check digit`);
    return data;
  }
  if (!/^[\x20-\x7e]+$/.test(data))
    throw new Error(`CODE128 barcode "${data}" must be printable ASCII and not empty`);
  const value = `{B${data.replace(/\{/g, '{{')}`;
  if (value.length > 255)
    throw new Error(`CODE128 barcode too long: ${String(data.length)} characters`);
  return value;
}

/** GS1 check digit: weights 1 and 3 from the left over 12 digits. */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += Number(first12[k]) * (k % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}
