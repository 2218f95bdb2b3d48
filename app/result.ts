import type { ErrorCode } from './errors';

/** The outcome of anything a person or a device can feed bad data into. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface AppError {
  code: ErrorCode;
  /** Values the translated message interpolates, e.g. `{ barcode: '123' }`. */
  params?: Record<string, string | number>;
  /** English fallback for logs; the screen shows the translation of `code`. */
  message: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  params?: Record<string, string | number>,
): Result<T> => ({ ok: false, error: params ? { code, message, params } : { code, message } });

/** Thrown inside services; turned into a `fail` at the API edge. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
