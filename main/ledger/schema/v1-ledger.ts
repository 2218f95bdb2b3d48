import { appendOnly } from './append-only';

// v1: the ledger, the sale tables derived from it, the catalog, the print queue, settings.
export const v1Ledger = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- upstream-sync-v1 "Ledger entries": body is the entry's canonical JSON including hash;
  -- the other columns are copies for queries and indexes.
  CREATE TABLE entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    batch_no TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount INTEGER NOT NULL,
    ref_id TEXT,
    body TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX entries_batch_type ON entries (batch_no, type);

  -- Each commit writes every B-tree page it touches to the WAL before its fsync, so the
  -- sale tables keep to one B-tree each where they can: sales is keyed by its ledger seq
  -- (the rowid) and the line tables are WITHOUT ROWID (no separate primary-key index).
  CREATE TABLE sales (
    seq INTEGER PRIMARY KEY REFERENCES entries (seq),
    id TEXT NOT NULL UNIQUE REFERENCES entries (id),
    at TEXT NOT NULL,
    batch_no TEXT NOT NULL,
    currency TEXT NOT NULL,
    subtotal INTEGER,
    discount INTEGER,
    tax INTEGER,
    total INTEGER,
    rounding INTEGER,
    paid INTEGER,
    item_count INTEGER
  );

  CREATE TABLE sale_lines (
    sale_id TEXT NOT NULL REFERENCES sales (id),
    line_no INTEGER NOT NULL,
    product_id TEXT NOT NULL,
    sku TEXT NOT NULL,
    barcode TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    unit_price INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    gross INTEGER NOT NULL,
    line_discount INTEGER NOT NULL,
    order_discount INTEGER NOT NULL,
    net INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    tax_class TEXT NOT NULL,
    PRIMARY KEY (sale_id, line_no)
  ) WITHOUT ROWID;

  CREATE TABLE sale_taxes (
    sale_id TEXT NOT NULL REFERENCES sales (id),
    tax_class TEXT NOT NULL,
    rate_bp INTEGER NOT NULL,
    base INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    PRIMARY KEY (sale_id, tax_class)
  ) WITHOUT ROWID;

  CREATE TABLE sale_tenders (
    sale_id TEXT NOT NULL REFERENCES sales (id),
    tender_no INTEGER NOT NULL,
    method TEXT NOT NULL,
    amount INTEGER NOT NULL,
    tendered INTEGER NOT NULL,
    change INTEGER NOT NULL,
    PRIMARY KEY (sale_id, tender_no)
  ) WITHOUT ROWID;

  ${appendOnly('entries')}
  ${appendOnly('sales')}
  ${appendOnly('sale_lines')}
  ${appendOnly('sale_taxes')}
  ${appendOnly('sale_tenders')}

  -- search_doc is the product's stable row number in products_fts. The implicit rowid of a
  -- table with a TEXT primary key may change on VACUUM, which would silently point the
  -- search index at the wrong products.
  CREATE TABLE products (
    id TEXT PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    barcode TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    price INTEGER NOT NULL,
    tax_class TEXT NOT NULL,
    search_doc INTEGER NOT NULL UNIQUE
  );

  -- Contentless: the text lives in products already. Every CJK character is stored as its
  -- own token (catalog-search-terms.ts), so a Chinese phrase query finds any substring.
  -- The prefix indexes keep one- to three-letter prefix queries from merging thousands of
  -- term lists on a large catalog.
  CREATE VIRTUAL TABLE products_fts USING fts5 (
    name_en, name_zh, codes,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
  );

  CREATE TABLE print_jobs (
    id TEXT PRIMARY KEY,
    sale_id TEXT,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    document TEXT NOT NULL
  );
  CREATE INDEX print_jobs_status ON print_jobs (status, created_at);

  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `;
