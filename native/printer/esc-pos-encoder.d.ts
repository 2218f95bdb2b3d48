// Types for the parts of esc-pos-encoder 3 (a wrapper of @point-of-sale/receipt-printer-encoder)
// that Countertop uses; the package ships none.
declare module 'esc-pos-encoder' {
  interface EncoderOptions {
    columns?: number;
    newline?: '\n' | '\n\r';
  }
  export default class EscPosEncoder {
    constructor(options?: EncoderOptions);
    initialize(): this;
    text(value: string): this;
    line(value: string): this;
    newline(count?: number): this;
    bold(value?: boolean): this;
    size(width: number, height: number): this;
    raw(data: number[]): this;
    qrcode(value: string, model?: 1 | 2, size?: number, errorlevel?: 'l' | 'm' | 'q' | 'h'): this;
    barcode(value: string, symbology: 'ean13' | 'code128', height?: number): this;
    pulse(device?: 0 | 1, on?: number, off?: number): this;
    cut(value?: 'full' | 'partial'): this;
    encode(): Uint8Array;
  }
}
