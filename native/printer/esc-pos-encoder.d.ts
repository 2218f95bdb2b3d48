// Types for the parts of esc-pos-encoder 3 (a wrapper of @point-of-sale/receipt-printer-encoder)
// that Countertop uses; the package ships none.
declare module 'esc-pos-encoder' {
  interface EncoderOptions {
    /** Font A characters per line: 32 (58 mm), 42, 44 or 48 (80 mm). */
    columns?: number;
    newline?: '\n' | '\n\r';
  }
  export default class EscPosEncoder {
    constructor(options?: EncoderOptions);
    initialize(): this;
    raw(data: number[]): this;
    newline(count?: number): this;
    align(value: 'left' | 'center' | 'right'): this;
    qrcode(value: string, model?: 1 | 2, size?: number, errorlevel?: 'l' | 'm' | 'q' | 'h'): this;
    barcode(value: string, symbology: 'ean13' | 'code128', height?: number): this;
    cut(value?: 'full' | 'partial'): this;
    encode(): Uint8Array;
  }
}
