import { appendOnly } from './append-only';

// v6: reports. Summary tables derived from the ledger, kept by main/reports/report-index.ts
// in the same transaction as each entry (never by editing entries), so the owner's
// dashboard over a year and the X/Z of a 10,000-sale day read sums instead of lines.
// Keyed by the shop's business day (its time zone and cut-off, recorded in
// report_state.clock; a change of either rebuilds them from the ledger) and the
// settlement batch (an X or Z is a batch). z_reports: every Z as printed, numbered 1, 2, 3.
export const v6Reports = `
  CREATE TABLE report_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    through_seq INTEGER NOT NULL,
    clock TEXT NOT NULL
  );
  CREATE TABLE report_totals (
    day TEXT NOT NULL, batch_no TEXT NOT NULL, type TEXT NOT NULL, hour INTEGER NOT NULL,
    count INTEGER NOT NULL, amount INTEGER NOT NULL, gross INTEGER NOT NULL,
    discount INTEGER NOT NULL, items INTEGER NOT NULL, rounding INTEGER NOT NULL,
    PRIMARY KEY (day, batch_no, type, hour)
  ) WITHOUT ROWID;
  CREATE TABLE report_taxes (
    day TEXT NOT NULL, batch_no TEXT NOT NULL, tax_class TEXT NOT NULL, rate_bp INTEGER NOT NULL,
    base INTEGER NOT NULL, tax INTEGER NOT NULL,
    PRIMARY KEY (day, batch_no, tax_class, rate_bp)
  ) WITHOUT ROWID;
  CREATE TABLE report_tenders (
    day TEXT NOT NULL, batch_no TEXT NOT NULL, kind TEXT NOT NULL,
    count INTEGER NOT NULL, amount INTEGER NOT NULL, fee INTEGER NOT NULL,
    PRIMARY KEY (day, batch_no, kind)
  ) WITHOUT ROWID;
  CREATE TABLE report_cashiers (
    day TEXT NOT NULL, batch_no TEXT NOT NULL, operator_id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
    count INTEGER NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (day, batch_no, operator_id, type)
  ) WITHOUT ROWID;
  -- Sales by product per business day and batch, and per block of 4, 16, 64 and 256 days
  -- (block = day number ÷ size), so every range of up to 400 days is a few dozen blocks and days,
  -- so a year's top products sum tens of thousands of rows, not 700,000.
  CREATE TABLE report_products (
    day TEXT NOT NULL, batch_no TEXT NOT NULL, product_id TEXT NOT NULL,
    quantity INTEGER NOT NULL, net INTEGER NOT NULL,
    PRIMARY KEY (day, batch_no, product_id)
  ) WITHOUT ROWID;
  CREATE TABLE report_product_blocks (
    size INTEGER NOT NULL, block INTEGER NOT NULL, product_id TEXT NOT NULL,
    quantity INTEGER NOT NULL, net INTEGER NOT NULL,
    PRIMARY KEY (size, block, product_id)
  ) WITHOUT ROWID;
  -- The name a product was last sold under (a report shows what the receipt said).
  CREATE TABLE report_product_names (
    product_id TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_zh TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE report_cash (
    day TEXT NOT NULL, batch_no TEXT NOT NULL,
    float INTEGER NOT NULL, cash_sales INTEGER NOT NULL, cash_returns INTEGER NOT NULL,
    pay_in_count INTEGER NOT NULL, pay_in INTEGER NOT NULL,
    pay_out_count INTEGER NOT NULL, pay_out INTEGER NOT NULL,
    drop_count INTEGER NOT NULL, drops INTEGER NOT NULL, no_sale_count INTEGER NOT NULL,
    shifts_opened INTEGER NOT NULL, shifts_closed INTEGER NOT NULL, counted INTEGER NOT NULL,
    PRIMARY KEY (day, batch_no)
  ) WITHOUT ROWID;
  CREATE TABLE report_corrections (
    seq INTEGER PRIMARY KEY, day TEXT NOT NULL, batch_no TEXT NOT NULL, correction TEXT NOT NULL
  );
  CREATE INDEX report_corrections_day ON report_corrections (day);
  -- A shift is open while close_seq is NULL (staff-detail.ts: shift_open without shift_close).
  CREATE TABLE report_shifts (
    shift_id TEXT PRIMARY KEY, open_seq INTEGER NOT NULL, opened_at TEXT NOT NULL,
    operator_id TEXT NOT NULL, operator_name TEXT NOT NULL, close_seq INTEGER
  );
  CREATE INDEX report_shifts_open ON report_shifts (close_seq) WHERE close_seq IS NULL;
  CREATE TABLE z_reports (
    z_no INTEGER PRIMARY KEY,
    business_day TEXT NOT NULL UNIQUE,
    batch_no TEXT NOT NULL,
    z_seq INTEGER NOT NULL UNIQUE REFERENCES entries (seq),
    closed_at TEXT NOT NULL,
    head_hash TEXT NOT NULL,
    report TEXT NOT NULL
  );
  ${appendOnly('z_reports')}
  `;
