import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CurrencyCode } from '@app/money/currency';
import type { LedgerTx } from '../kernel/ledger';
import type { TerminalIdentityStore } from '../terminal/terminal-identity';
import type { SyncStore } from './sync-store';
import { settlementBody, settlementTotals } from './settlement-totals';

export interface ClosedBatch {
  batchNo: string;
  zSeq: number;
  nextBatchNo: string;
}

/**
 * Closes the open settlement batch inside the caller's ledger commit: the `z_close` entry,
 * the frozen settlement request and the next batch number commit together. Entries after the close belong to the next batch,
 * so the totals sent for this one can never change while the settlement waits for the
 * host; the host then answers it and nothing the till does meanwhile is held up.
 */
export function closeBatch(deps: {
  db: Database.Database;
  tx: LedgerTx;
  identity: TerminalIdentityStore;
  store: SyncStore;
  currency: CurrencyCode;
  now: Date;
  detail?: Record<string, string | number>;
}): ClosedBatch {
  const { db, tx, identity, store } = deps;
  const { batchNo } = identity.current();
  const entry = tx.append({
    id: randomUUID(),
    type: 'z_close',
    at: deps.now.toISOString(),
    batchNo,
    currency: deps.currency,
    amount: 0,
    tenders: [],
    detail: { ...deps.detail },
  });
  const body = settlementBody({
    batchNo,
    throughSeq: entry.seq,
    ...settlementTotals(db, batchNo),
  });
  store.addSettlement({
    batchNo,
    zSeq: entry.seq,
    settlementId: randomUUID(),
    body,
    createdAt: entry.at,
    attempts: 0,
  });
  return { batchNo, zSeq: entry.seq, nextBatchNo: identity.advanceBatch() };
}
