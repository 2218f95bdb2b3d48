/**
 * The data a GS k barcode carries, as the person scanning it would read it. CODE128 data
 * (GS k 73) is not plain text: `{A`, `{B`, `{C` select the code set, `{{` is a literal `{`,
 * `{S` shifts one character and `{1`…`{4` are FNC1–FNC4; in code set C each byte is a pair
 * of digits (Epson ESC/POS, GS k, "CODE128 special characters").
 */
export function barcodeText(symbology: number, data: Uint8Array): string {
  if (symbology === 73) return code128Text(data);
  let text = '';
  for (const byte of data) text += String.fromCharCode(byte);
  return text;
}

function code128Text(data: Uint8Array): string {
  let text = '';
  let set: 'A' | 'B' | 'C' = 'B';
  for (let i = 0; i < data.length; i++) {
    const byte = data[i] ?? 0;
    if (byte === 0x7b /* { */) {
      const code = String.fromCharCode(data[i + 1] ?? 0);
      i++;
      if (code === 'A' || code === 'B' || code === 'C') set = code;
      else if (code === '{') text += '{';
      // {S (shift) and {1…{4 (FNC1–FNC4) are symbols, not data a scanner reports as text.
      continue;
    }
    text += set === 'C' ? String(byte).padStart(2, '0') : String.fromCharCode(byte);
  }
  return text;
}
