import type { CurrencyCode } from '../money/currency';

/** upstream-sync-v1 "Ledger entries": the entry types the host accepts. */
export const entryTypes = [
  'sale',
  'void',
  'refund',
  'reversal',
  'pay_in',
  'pay_out',
  'no_sale',
  'shift_open',
  'shift_close',
  'z_close',
] as const;
export type EntryType = (typeof entryTypes)[number];

export type TenderMethod = 'cash' | 'card' | 'qr' | 'other';

export interface EntryTender {
  method: TenderMethod;
  /** Signed like the entry's amount. */
  amount: number;
}

/** A JSON value as canonical JSON (RFC 8785) can hash it: no undefined, no NaN, no functions. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** An entry as the terminal commits it and the host receives it (upstream-sync-v1). */
export interface LedgerEntry {
  seq: number;
  id: string;
  type: EntryType;
  /** RFC 3339 UTC with milliseconds, e.g. 2026-11-22T10:00:00.000Z. */
  at: string;
  batchNo: string;
  currency: CurrencyCode;
  amount: number;
  tenders: EntryTender[];
  refId?: string;
  detail: { [key: string]: JsonValue };
  prevHash: string;
  hash: string;
}

/** What a caller supplies; the ledger assigns seq, prevHash and hash. */
export type NewEntry = Omit<LedgerEntry, 'seq' | 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);
