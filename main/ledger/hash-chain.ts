import { createHash } from 'node:crypto';
import { entryJson, hashEntryWith, sealEntryWith } from '@app/ledger/entry-seal';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { LedgerEntry } from '@app/ledger/entry';

export type ChainVerdict =
  { ok: true; count: number; headHash: string } | { ok: false; atSeq: number; reason: string };

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export { entryJson };
export const hashEntry = (entry: Omit<LedgerEntry, 'hash'>): string =>
  hashEntryWith(sha256Hex, entry);
export const sealEntry = (entry: Omit<LedgerEntry, 'hash'>): { hash: string; body: string } =>
  sealEntryWith(sha256Hex, entry);

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
