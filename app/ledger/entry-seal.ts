import { canonicalJson } from './canonical-json';
import type { JsonValue, LedgerEntry } from './entry';

/** Lowercase hex SHA-256 of a UTF-8 string. Passed in, so this module stays free of Node. */
export type Sha256Hex = (text: string) => string;

/**
 * The entry as the spec's JSON object, without its hash. Fields are listed one by one so a
 * stray property on the object can never slip into (or out of) what is hashed, and an
 * absent refId stays absent rather than becoming null.
 */
export function entryJson(entry: Omit<LedgerEntry, 'hash'>): { [key: string]: JsonValue } {
  return {
    seq: entry.seq,
    id: entry.id,
    type: entry.type,
    at: entry.at,
    batchNo: entry.batchNo,
    currency: entry.currency,
    amount: entry.amount,
    tenders: entry.tenders.map((t) => ({ method: t.method, amount: t.amount })),
    ...(entry.refId !== undefined ? { refId: entry.refId } : {}),
    detail: entry.detail,
    prevHash: entry.prevHash,
  };
}

/**
 * upstream-sync-v1 "Ledger entries": lowercase hex SHA-256 of the canonical JSON (RFC 8785)
 * of the entry without its hash field.
 */
export function hashEntryWith(sha256Hex: Sha256Hex, entry: Omit<LedgerEntry, 'hash'>): string {
  return sha256Hex(canonicalJson(entryJson(entry)));
}

/**
 * The entry's hash and its stored body (the canonical JSON with the hash), canonicalizing
 * each member once. In RFC 8785 order (UTF-16 code units) the members before "hash" are
 * amount, at, batchNo, currency and detail; id, prevHash, refId, seq, tenders and type
 * follow it. A test holds this against canonicalJson of the whole entry.
 */
export function sealEntryWith(
  sha256Hex: Sha256Hex,
  entry: Omit<LedgerEntry, 'hash'>,
): { hash: string; body: string } {
  const json = entryJson(entry);
  const member = (key: string): string => {
    const value = json[key];
    return value === undefined ? '' : `"${key}":${canonicalJson(value)}`;
  };
  const before = BEFORE_HASH.map(member).join(',');
  const after = AFTER_HASH.map(member)
    .filter((text) => text !== '')
    .join(',');
  const hash = sha256Hex(`{${before},${after}}`);
  return { hash, body: `{${before},"hash":"${hash}",${after}}` };
}

const BEFORE_HASH = ['amount', 'at', 'batchNo', 'currency', 'detail'];
const AFTER_HASH = ['id', 'prevHash', 'refId', 'seq', 'tenders', 'type'];
