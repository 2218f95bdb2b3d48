import { createHash } from 'node:crypto';
import { canonicalJson } from '@app/ledger/canonical-json';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { JsonValue, LedgerEntry } from '@app/ledger/entry';

export type ChainVerdict =
  { ok: true; count: number; headHash: string } | { ok: false; atSeq: number; reason: string };

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
export function hashEntry(entry: Omit<LedgerEntry, 'hash'>): string {
  return sha256Hex(canonicalJson(entryJson(entry)));
}

/**
 * The entry's hash and its stored body (the canonical JSON with the hash), canonicalizing
 * each member once. In RFC 8785 order (UTF-16 code units) the members before "hash" are
 * amount, at, batchNo, currency and detail; id, prevHash, refId, seq, tenders and type
 * follow it. A test holds this against canonicalJson of the whole entry.
 */
export function sealEntry(entry: Omit<LedgerEntry, 'hash'>): { hash: string; body: string } {
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

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Checks seq runs 1, 2, 3 … without gaps, each prevHash links to the entry before, and
 * each hash matches its content. Stops at the first entry that does not. */
export function verifyChain(entries: Iterable<LedgerEntry>): ChainVerdict {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return { ok: false, atSeq: entry.seq, reason: `expected seq ${expectedSeq}` };
    }
    if (entry.prevHash !== prevHash) {
      return { ok: false, atSeq: entry.seq, reason: 'prevHash does not match the previous hash' };
    }
    if (hashEntry(entry) !== entry.hash) {
      return { ok: false, atSeq: entry.seq, reason: 'hash does not match the entry' };
    }
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, count: expectedSeq - 1, headHash: prevHash };
}
