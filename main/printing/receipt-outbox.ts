import { randomUUID } from 'node:crypto';
import type { LedgerEntry } from '@app/ledger/entry';
import type { ReceiptDocument } from '@app/receipt/receipt-document';
import type { SaleRecord } from '@app/sale/sale';
import type { Ledger } from '../kernel/ledger';
import { saleFromEntry } from '../sales/sale-entry';
import { PrintJobStore } from './print-job-store';
import type { PrintService } from './print-service';

export interface ReceiptOutboxDeps {
  ledger: Ledger;
  printing: Pick<PrintService, 'resume' | 'openForCash'>;
  saleReceipt: (sale: SaleRecord) => ReceiptDocument;
  correctionReceipt: (entry: LedgerEntry, sale: SaleRecord) => ReceiptDocument;
  /** The sale a void or refund corrects, read inside the correction's transaction. */
  saleById: (id: string) => SaleRecord | null;
}

/**
 * A committed sale, void or refund owes a receipt: its print job is a row written in the
 * entry's own transaction (an outbox), so a crash can neither lose the receipt of a sale
 * nor print one for a sale that did not commit. After the commit the spooler is woken, and
 * the drawer opens when cash changed hands (after the receipt: PrintService.openForCash).
 */
export function followWithReceipts(deps: ReceiptOutboxDeps): void {
  const { ledger, printing } = deps;
  const jobs = new PrintJobStore(ledger.connection);
  const queue = (entry: LedgerEntry, saleId: string | null, document: ReceiptDocument) =>
    jobs.insert({ id: randomUUID(), saleId, kind: 'receipt', createdAt: entry.at, document });

  ledger.follow(['sale'], (entry) => {
    queue(entry, entry.id, deps.saleReceipt(saleFromEntry(entry)));
  });
  ledger.follow(['void', 'refund'], (entry) => {
    const sale = entry.refId === undefined ? null : deps.saleById(entry.refId);
    if (sale) queue(entry, null, deps.correctionReceipt(entry, sale));
  });
  ledger.onCommitted((entry) => {
    if (!['sale', 'void', 'refund'].includes(entry.type)) return;
    printing.resume();
    if (entry.tenders.some((tender) => tender.method === 'cash')) printing.openForCash();
  });
}
