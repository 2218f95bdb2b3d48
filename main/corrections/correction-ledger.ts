import type Database from 'better-sqlite3';
import type { PriorCorrection } from '@app/corrections/correction-plan';
import type { JsonValue, LedgerEntry } from '@app/ledger/entry';
import type { CorrectionView } from '@app/api/correction-schemas';
import { operatorOf } from '@app/reports/entry-detail';
import { entryReader } from '../ledger/entry-reader';
import type { EntryReader } from '../ledger/entry-reader';

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: JsonValue | undefined): JsonObject[] =>
  Array.isArray(v) ? v.filter(isObject) : [];
const int = (v: JsonValue | undefined): number =>
  typeof v === 'number' && Number.isSafeInteger(v) ? v : 0;

/** The voids and refunds of a sale, oldest first, as the ledger holds them. */
export class CorrectionLedger {
  private readonly entries: EntryReader;

  constructor(db: Database.Database) {
    this.entries = entryReader(db);
  }

  entriesOf(saleId: string): LedgerEntry[] {
    return this.entries.correctionsOf(saleId);
  }

  /** An entry by id: whether a correction whose commit had an unknown outcome is in. */
  entry(id: string): LedgerEntry | null {
    return this.entries.byId(id);
  }

  priorOf(saleId: string): PriorCorrection[] {
    return this.entriesOf(saleId).map(priorCorrectionOf);
  }

  summariesOf(saleId: string): CorrectionView['corrections'] {
    return this.entriesOf(saleId).map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      type: entry.type === 'void' ? 'void' : 'refund',
      amountMinor: -entry.amount,
      operatorName: operatorOf(entry.detail).name,
      reason: typeof entry.detail.reason === 'string' ? entry.detail.reason : '',
    }));
  }
}

/** What a correction entry (main/corrections/correction-entry.ts) took back. */
export function priorCorrectionOf(entry: LedgerEntry): PriorCorrection {
  const { detail } = entry;
  return {
    type: entry.type === 'void' ? 'void' : 'refund',
    lines: objects(detail.lines).map((line) => ({
      lineId: typeof line.lineId === 'string' ? line.lineId : '',
      quantity: int(line.quantity),
    })),
    legs: objects(detail.tenders).map((tender) => ({
      legIndex: int(tender.legIndex),
      amountMinor: int(tender.amountMinor),
    })),
    roundingMinor: int(detail.roundingMinor),
  };
}
