import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order. `PRAGMA user_version` holds how many have run; each
 * runs in its own transaction together with the version bump, so a crash mid-migration
 * leaves the previous version intact.
 */
export const migrations: readonly string[] = [
  // v1: the ledger, the sale tables derived from it, the catalog, the print queue, settings.
  `
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
  `,
  // v2: upstream sync. The binding, the upload position, every batch ever frozen (sent
  // again byte-identical until answered) and the settlement of every closed batch.
  `
  CREATE TABLE sync_binding (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    host_url TEXT NOT NULL,
    merchant_id TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    merchant_name TEXT NOT NULL,
    settlement_account TEXT NOT NULL,
    bound_at TEXT NOT NULL
  );

  -- acked_seq: the host holds every entry through it. alarm: JSON of the stop that needs a
  -- person (chain broken, cursor disagrees, sensitive data); uploading waits until cleared.
  CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    acked_seq INTEGER NOT NULL,
    synced_at TEXT,
    alarm TEXT,
    last_error TEXT,
    unreachable_since TEXT
  );
  INSERT INTO sync_state (id, acked_seq) VALUES (1, 0);

  -- A batch's bytes are rebuilt from its immutable entries; body_sha256 proves a resend is
  -- byte-identical. status: open (sent or about to be, outcome unknown), accepted, abandoned
  -- (the cursor showed the host needs another range: a new batch with a new id follows).
  CREATE TABLE sync_batches (
    batch_id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    from_seq INTEGER NOT NULL,
    to_seq INTEGER NOT NULL,
    amount_total INTEGER NOT NULL,
    body_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'abandoned')),
    accepted_through_seq INTEGER,
    closed_at TEXT
  );
  CREATE UNIQUE INDEX sync_batches_one_open ON sync_batches (status) WHERE status = 'open';

  -- The settlement request is frozen when the batch closes (its idempotency key and body).
  CREATE TABLE settlements (
    batch_no TEXT PRIMARY KEY,
    z_seq INTEGER NOT NULL,
    settlement_id TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'balanced', 'unbalanced')),
    answer TEXT,
    answered_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0
  );
  `,
  // v3: card and QR authorizations at the payment host. A row is written before its request
  // is sent, so an authorization whose answer never came is reversed even after a crash.
  // Track 2 is never stored: only the host's answer (masked card, codes).
  `
  CREATE TABLE authorizations (
    auth_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    entry_mode TEXT NOT NULL CHECK (entry_mode IN ('swipe', 'qr')),
    batch_no TEXT NOT NULL,
    trace_no TEXT NOT NULL,
    ref_auth_id TEXT,
    -- The card's keyed hash (card-keyer.ts), for velocity rules; never the number.
    card_key TEXT,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN
      ('sent', 'approved', 'declined', 'reversing', 'reversed', 'not_reversed', 'voided')),
    answer TEXT,
    answered_at TEXT,
    reversal_attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  CREATE INDEX authorizations_status ON authorizations (status);
  CREATE INDEX authorizations_card ON authorizations (card_key, created_at);

  -- Every request a risk rule refused, for the owner (append-only).
  CREATE TABLE risk_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    rule TEXT NOT NULL,
    kind TEXT NOT NULL,
    tender TEXT NOT NULL,
    amount INTEGER NOT NULL,
    card_masked TEXT,
    detail TEXT NOT NULL
  );
  ${appendOnly('risk_events')}
  `,
  // v4: staff, the audit log and shifts (issue #5). Users change (PIN reset, lockout,
  // deactivation); the audit log, like the ledger, is only ever appended to.
  `
  CREATE TABLE staff_users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'owner', 'technician')),
    pin_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
  );

  -- PCI DSS v4 10.2.2: user, event type, time, success or failure, origin, affected object.
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT,
    user_name TEXT,
    user_role TEXT,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    object TEXT,
    origin TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  ${appendOnly('audit_log')}

  -- The till's shifts: one open at a time (one drawer). The ledger's shift_open and
  -- shift_close entries are the record; this table finds the open one without a scan.
  CREATE TABLE shifts (
    id TEXT PRIMARY KEY,
    operator_id TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    operator_role TEXT NOT NULL,
    float_minor INTEGER NOT NULL,
    open_seq INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    close_seq INTEGER,
    closed_at TEXT
  );
  CREATE UNIQUE INDEX shifts_one_open ON shifts (status) WHERE status = 'open';
  `,
  // v5: the catalog the owner manages. Products gain a category, cost, unit (piece or kg),
  // active, stock tracking and favourite flags and a scale item code (PLU); their barcodes
  // move to product_barcodes (one or more each). The table is rebuilt because SQLite cannot
  // drop the old barcode column's UNIQUE; every product keeps its search_doc, so the FTS
  // index stays valid without being rebuilt. Sale lines record a weighed line's grams.
  `
  CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    colour TEXT NOT NULL,
    sort_order INTEGER NOT NULL
  );

  -- barcode: the main code ('' when none); barcodes: every code, main first, space-separated,
  -- for reading a product in one row. product_barcodes is what a scan looks up.
  CREATE TABLE products_v3 (
    id TEXT PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    barcode TEXT NOT NULL,
    barcodes TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    price INTEGER NOT NULL,
    tax_class TEXT NOT NULL,
    category_id TEXT,
    cost INTEGER,
    unit TEXT NOT NULL CHECK (unit IN ('piece', 'kg')),
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    track_stock INTEGER NOT NULL CHECK (track_stock IN (0, 1)),
    favourite INTEGER NOT NULL CHECK (favourite IN (0, 1)),
    plu TEXT UNIQUE,
    search_doc INTEGER NOT NULL UNIQUE
  );
  INSERT INTO products_v3 (id, sku, barcode, barcodes, name_en, name_zh, price, tax_class,
      category_id, cost, unit, active, track_stock, favourite, plu, search_doc)
    SELECT id, sku, barcode, barcode, name_en, name_zh, price, tax_class,
      NULL, NULL, 'piece', 1, 0, 0, NULL, search_doc
    FROM products;

  CREATE TABLE product_barcodes (
    barcode TEXT PRIMARY KEY,
    product_id TEXT NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO product_barcodes (barcode, product_id) SELECT barcode, id FROM products;

  DROP TABLE products;
  ALTER TABLE products_v3 RENAME TO products;
  CREATE INDEX product_barcodes_product ON product_barcodes (product_id);
  -- The cashier's grid: one category's sellable products, favourites first, by name.
  CREATE INDEX products_grid ON products (category_id, favourite DESC, name_en) WHERE active = 1;
  CREATE INDEX products_favourites ON products (name_en) WHERE active = 1 AND favourite = 1;
  CREATE INDEX products_category_sku ON products (category_id, sku);

  -- A till that ran the demo catalog gets its shelves as grid categories.
  INSERT INTO categories (id, name_en, name_zh, colour, sort_order)
    SELECT column1, column2, column3, column4, column5 FROM (VALUES
      ('DRK', 'Drinks', '饮料', '#8ecae6', 10), ('ALC', 'Beer & spirits', '酒类', '#e9c46a', 20),
      ('DRY', 'Dairy', '乳制品', '#bde0fe', 30), ('SNK', 'Snacks', '零食', '#ffd166', 40),
      ('CND', 'Sweets', '糖果巧克力', '#f4a7b9', 50), ('INS', 'Quick meals', '速食', '#ffb4a2', 60),
      ('GRC', 'Groceries', '粮油调味', '#e0c9a6', 70), ('FRS', 'Fresh', '生鲜果蔬', '#b7e4c7', 80),
      ('FRZ', 'Frozen', '冷冻', '#a8dadc', 90), ('BKY', 'Bakery', '烘焙面包', '#f6bd60', 100),
      ('TEA', 'Tea & coffee', '茶饮冲调', '#cdb4db', 110), ('HSH', 'Household', '日用百货', '#d8e2dc', 120),
      ('PCR', 'Personal care', '个人护理', '#ffcad4', 130), ('STN', 'Stationery', '文具', '#c7f9cc', 140),
      ('PET', 'Pets', '宠物用品', '#e5e5e5', 150))
    WHERE EXISTS (SELECT 1 FROM products WHERE id LIKE 'demo-%');
  UPDATE products SET category_id = substr(sku, 1, 3)
    WHERE id LIKE 'demo-%' AND substr(sku, 1, 3) IN (SELECT id FROM categories);

  ALTER TABLE sale_lines ADD COLUMN weight_grams INTEGER;
    `,
  // v6: reports. Summary tables derived from the ledger, kept by main/reports/report-index.ts
  // in the same transaction as each entry (never by editing entries), so the owner's
  // dashboard over a year and the X/Z of a 10,000-sale day read sums instead of lines.
  // Keyed by the shop's business day (its time zone and cut-off, recorded in
  // report_state.clock; a change of either rebuilds them from the ledger) and the
  // settlement batch (an X or Z is a batch). z_reports: every Z as printed, numbered 1, 2, 3.
  `
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
  `,
  // v-next (issue #7): held sales, customers and member points, stock movements.
  `
  -- A parked cart: a work table (not the ledger), deleted when recalled or discarded.
  CREATE TABLE held_sales (
    id TEXT PRIMARY KEY, held_at TEXT NOT NULL, note TEXT NOT NULL,
    operator_id TEXT NOT NULL, operator_name TEXT NOT NULL,
    currency TEXT NOT NULL, total INTEGER NOT NULL, item_count INTEGER NOT NULL,
    cart TEXT NOT NULL,
    -- Overrides the cart used (a manager-approved discount): they go back with it.
    overrides TEXT NOT NULL
  );
  CREATE TABLE customers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL UNIQUE,
    card_barcode TEXT UNIQUE, created_at TEXT NOT NULL
  );
  -- Points earned and redeemed, one row per ledger entry that moved them (sale, refund):
  -- written in the entry's transaction, so a balance is a sum of ledger facts.
  CREATE TABLE points_movements (
    seq INTEGER NOT NULL REFERENCES entries (seq), customer_id TEXT NOT NULL,
    delta INTEGER NOT NULL, PRIMARY KEY (seq, customer_id)
  ) WITHOUT ROWID;
  CREATE INDEX points_movements_customer ON points_movements (customer_id);
  ${appendOnly('points_movements')}
  -- Stock: sales (seq set) and counts (seq NULL, who and why); on hand = Σ delta.
  CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY, product_id TEXT NOT NULL, delta INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'count')), seq INTEGER,
    at TEXT NOT NULL, operator_id TEXT, operator_name TEXT, reason TEXT, counted INTEGER
  );
  CREATE INDEX stock_movements_product ON stock_movements (product_id);
  -- The Stock screen lists tracked products only, by SKU, even in a million-product catalog.
  CREATE INDEX products_tracked ON products (sku) WHERE track_stock = 1;
  ${appendOnly('stock_movements')}
  `,
];

/** The ledger never changes what it committed: corrections are new entries. */
function appendOnly(table: string): string {
  return `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;`;
}

export const schemaVersion = migrations.length;

/** Brings the database up to `schemaVersion`; refuses a database from a newer version. */
export function migrate(db: Database.Database): void {
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  for (;;) {
    // The version is read again inside the write lock: two processes opening the same new
    // database must not both run the same migration.
    const applied = db
      .transaction((): boolean => {
        const current = version();
        if (current > migrations.length) {
          throw new Error(
            `database schema v${current} is newer than this app (v${migrations.length}): update the app`,
          );
        }
        const sql = migrations[current];
        if (sql === undefined) return false;
        db.exec(sql);
        db.pragma(`user_version = ${current + 1}`);
        return true;
      })
      .immediate();
    if (!applied) return;
  }
}
