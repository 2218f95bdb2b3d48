// v5: the catalog the owner manages. Products gain a category, cost, unit (piece or kg),
// active, stock tracking and favourite flags and a scale item code (PLU); their barcodes
// move to product_barcodes (one or more each). The table is rebuilt because SQLite cannot
// drop the old barcode column's UNIQUE; every product keeps its search_doc, so the FTS
// index stays valid without being rebuilt. Sale lines record a weighed line's grams.
export const v5Catalog = `
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
    `;
