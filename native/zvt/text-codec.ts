import iconv from 'iconv-lite';

/**
 * The character set of a terminal's texts. PA00P015 says CP437 ("HÄNDLERBELEG" arrives as
 * 48 8E 4E …); some terminals send ISO-8859-1 instead, so it is a per-terminal setting.
 */
export type ZvtCharset = 'cp437' | 'latin1';

/** Terminal text to a string; padding NULs at the end are dropped. */
export const decodeText = (bytes: Uint8Array, charset: ZvtCharset = 'cp437'): string =>
  iconv.decode(Buffer.from(bytes), charset).replace(/\0+$/, '');

/** A string as the terminal's bytes; a character the set lacks becomes '?', as a printer shows it. */
export const encodeText = (text: string, charset: ZvtCharset = 'cp437'): Uint8Array =>
  Uint8Array.from(iconv.encode(text, charset));
