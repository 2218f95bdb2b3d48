/**
 * Every way a swipe can fail. Each code has an English and a Simplified Chinese message in
 * ./messages.ts, which app/i18n will import; until then these are separate from app/errors.ts.
 */
export const cardErrorCodes = [
  'track_unreadable',
  'no_start_sentinel',
  'no_end_sentinel',
  'track_too_long',
  'invalid_character',
  'lrc_mismatch',
  'unsupported_format',
  'missing_separator',
  'bad_pan',
  'luhn_failed',
  'bad_expiry',
  'card_expired',
  'bad_service_code',
  'track_mismatch',
  'swipe_incomplete',
  'report_malformed',
] as const;

export type CardErrorCode = (typeof cardErrorCodes)[number];

/** A failed swipe. The message is English for logs and never contains card data. */
export interface CardError {
  code: CardErrorCode;
  message: string;
}

export type CardResult<T> = { ok: true; value: T } | { ok: false; error: CardError };

export const cardOk = <T>(value: T): CardResult<T> => ({ ok: true, value });

export const cardFail = <T = never>(code: CardErrorCode, message: string): CardResult<T> => ({
  ok: false,
  error: { code, message },
});
