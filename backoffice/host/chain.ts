import { createHash } from 'node:crypto';
import { hashEntryWith, sealEntryWith } from '@app/ledger/entry-seal';
import type { LedgerEntry } from '@app/ledger/entry';

/** The terminal's hash chain, computed with Node's SHA-256: the host checks every entry it
 * receives against the same canonical form the till sealed it with. */
const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const hashEntry = (entry: Omit<LedgerEntry, 'hash'>): string =>
  hashEntryWith(sha256Hex, entry);
export const sealEntry = (entry: Omit<LedgerEntry, 'hash'>): { hash: string; body: string } =>
  sealEntryWith(sha256Hex, entry);
