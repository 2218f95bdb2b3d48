/**
 * Terminal texts are CP437 by the spec and ISO-8859 on some terminals (HARDWARE.md); both
 * agree on ASCII, which is all that receipts and display lines use in practice. Bytes above
 * 0x7F are read as Latin-1 rather than guessed.
 */
export const decodeText = (bytes: Uint8Array): string =>
  String.fromCharCode(...bytes).replace(/\0+$/, '');

export const encodeText = (text: string): Uint8Array =>
  Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? code : 0x3f; // '?' as a printer would show it
  });
