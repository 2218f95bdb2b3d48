import type Database from 'better-sqlite3';
import type { LedgerEntry, TenderMethod } from '@app/ledger/entry';
import type { CurrencyCode } from '@app/money/currency';
import type { SaleRecord, SaleSummary } from '@app/sale/sale';
import { saleFromEntry } from './sale-entry';

interface SummaryRow {
  id: string;
  seq: number;
  at: string;
  currency: CurrencyCode;
  paid: number;
  item_count: number;
  methods: string | null;
}

const TENDER_METHODS: readonly string[] = ['cash', 'card', 'qr', 'other'] satisfies TenderMethod[];
const isTenderMethod = (value: string): value is TenderMethod => TENDER_METHODS.includes(value);

const toSummary = (row: SummaryRow): SaleSummary => ({
  id: row.id,
  seq: row.seq,
  at: row.at,
  currency: row.currency,
  paidMinor: row.paid,
  itemCount: row.item_count,
  tenderMethods: (row.methods ?? '').split(',').filter(isTenderMethod),
});

const SUMMARY = `SELECT s.id, s.seq, s.at, s.currency, s.paid, s.item_count,
    (SELECT group_concat(method, ',') FROM
      (SELECT method FROM sale_tenders t WHERE t.sale_id = s.id ORDER BY t.tender_no)) AS methods
  FROM sales s`;

/**
 * The sale tables: a queryable copy of what each sale's ledger entry holds, written in the
 * same transaction as the entry (commitSale). The entry stays the record of truth: get()
 * rebuilds a sale from it.
 */
export class SaleRepository {
  private readonly saleStmt;
  private readonly lineStmt;
  private readonly taxStmt;
  private readonly tenderStmt;
  private readonly latestStmt;
  private readonly beforeStmt;
  private readonly bodyStmt;
  private readonly bySeqStmt;

  constructor(db: Database.Database) {
    this.saleStmt = db.prepare(
      `INSERT INTO sales (id, seq, at, batch_no, currency, subtotal, discount, tax, total,
         rounding, paid, item_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.lineStmt = db.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, product_id, sku, barcode, name_en, name_zh,
         unit_price, quantity, gross, line_discount, order_discount, net, tax, tax_class,
         weight_grams)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.taxStmt = db.prepare(
      'INSERT INTO sale_taxes (sale_id, tax_class, rate_bp, base, tax) VALUES (?, ?, ?, ?, ?)',
    );
    this.tenderStmt = db.prepare(
      `INSERT INTO sale_tenders (sale_id, tender_no, method, amount, tendered, change)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.latestStmt = db.prepare<[number], SummaryRow>(`${SUMMARY} ORDER BY s.seq DESC LIMIT ?`);
    this.beforeStmt = db.prepare<[number, number], SummaryRow>(
      `${SUMMARY} WHERE s.seq < ? ORDER BY s.seq DESC LIMIT ?`,
    );
    this.bodyStmt = db.prepare<[string], { body: string }>(
      'SELECT e.body FROM sales s JOIN entries e ON e.id = s.id WHERE s.id = ?',
    );
    this.bySeqStmt = db.prepare<[number], { body: string }>(
      `SELECT body FROM entries WHERE seq = ? AND type = 'sale'`,
    );
  }

  /** Writes the sale's rows. Call inside the transaction that appends its ledger entry. */
  insert(sale: SaleRecord): void {
    const { totals } = sale;
    this.saleStmt.run(
      sale.id,
      sale.seq,
      sale.at,
      sale.batchNo,
      sale.currency,
      totals.subtotalMinor,
      totals.discountMinor,
      totals.taxMinor,
      totals.totalMinor,
      sale.roundingMinor,
      sale.paidMinor,
      totals.itemCount,
    );
    sale.lines.forEach((line, i) => {
      this.lineStmt.run(
        sale.id,
        i + 1,
        line.productId,
        line.sku,
        line.barcode,
        line.nameEn,
        line.nameZh,
        line.unitPriceMinor,
        line.quantity,
        line.grossMinor,
        line.lineDiscountMinor,
        line.orderDiscountMinor,
        line.netMinor,
        line.taxMinor,
        line.taxClass,
        line.measure?.kind === 'weight' ? line.measure.grams : null,
      );
    });
    for (const tax of totals.taxes) {
      this.taxStmt.run(sale.id, tax.taxClass, tax.rateBp, tax.baseMinor, tax.taxMinor);
    }
    sale.tenders.forEach((tender, i) => {
      this.tenderStmt.run(
        sale.id,
        i + 1,
        tender.method,
        tender.amountMinor,
        tender.tenderedMinor,
        tender.changeMinor,
      );
    });
  }

  /** Newest first; `beforeSeq` pages back from a receipt number (exclusive). */
  list(options: { limit: number; beforeSeq?: number }): SaleSummary[] {
    const rows =
      options.beforeSeq === undefined
        ? this.latestStmt.all(options.limit)
        : this.beforeStmt.all(options.beforeSeq, options.limit);
    return rows.map(toSummary);
  }

  /** The sale printed with this receipt number, if that entry is a sale. */
  getBySeq(seq: number): SaleRecord | null {
    const row = this.bySeqStmt.get(seq);
    return row ? saleFromEntry(JSON.parse(row.body) as LedgerEntry) : null;
  }

  get(id: string): SaleRecord | null {
    const row = this.bodyStmt.get(id);
    return row ? saleFromEntry(JSON.parse(row.body) as LedgerEntry) : null;
  }
}
