import { statSync } from 'node:fs';
import type { Product } from '@app/catalog/product';
import { CatalogStore } from '@main/catalog/catalog-store';
import { syntheticCatalog } from '@main/catalog/demo-catalog';
import { FAVOURITES } from '@main/catalog/catalog-store';
import { syntheticCategoryIds } from '@main/catalog/synthetic-catalog';
import { applyPlan, planImport } from '@main/catalog/import-plan';
import { csvHeaderLine, productCsvLine } from '@app/catalog/catalog-csv';
import { defaultTaxClasses } from '@app/tax/tax-class';
import { tempDatabase } from '@main/ledger/temp-database';
import type { BenchRow, BenchSection } from './section';
import { nsToMs, summarize, timeNs } from './stats';
import { searchQueries } from './search-queries';

const PRODUCTS = 1_000_000;
const LOOKUPS = 1_000;
const SEED = 20_261_122;
const SEARCH_LIMIT = 20;
const BARCODE_TARGET_MS = 1;
const SEARCH_TARGET_MS = 20;
const GRID_TARGET_MS = 20;
const GRID_PAGE = 15;
const IMPORT_ROWS = 100_000;
const IMPORT_TARGET_S = 10;

/**
 * A 100,000-row CSV imported into an empty catalog the way the app does it: read, planned
 * (the dry run), then applied in one transaction. Seconds for the whole of it.
 */
function importSeconds(): number {
  const temp = tempDatabase('countertop-bench-import-');
  try {
    const catalog = new CatalogStore(temp.db);
    // As the app's import worker sets up its connection.
    catalog.useImportCache();
    const lines = [csvHeaderLine()];
    for (const product of syntheticCatalog(IMPORT_ROWS, SEED + 1)) {
      lines.push(productCsvLine(product, 'CNY'));
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    let n = 0;
    return (
      nsToMs(
        timeNs(() => {
          const plan = planImport(bytes, {
            catalog,
            currency: 'CNY',
            taxClasses: defaultTaxClasses('en'),
            newId: () => `b${String(n++)}`,
          });
          if (plan.refused.length > 0)
            throw new Error(`bench import refused ${plan.refused.length}`);
          applyPlan(catalog, plan, () => undefined);
        }),
      ) / 1000
    );
  } finally {
    temp.dispose();
  }
}

/** Passes the products through, keeping a spread of them to look up afterwards. */
function* sampling(
  products: Iterable<Product>,
  every: number,
  kept: Product[],
): Generator<Product> {
  let i = 0;
  for (const product of products) {
    if (i++ % every === 0) kept.push(product);
    yield product;
  }
}

export const catalogSection: BenchSection = {
  name: 'catalog',
  description: `${PRODUCTS.toLocaleString('en')} products: build, barcode lookup, name search, grid; CSV import of ${IMPORT_ROWS.toLocaleString('en')}`,
  run(): BenchRow[] {
    const rows = millionProducts();
    // Measured after the million-product database is closed, as an owner's import runs alone.
    const imported = importSeconds();
    return [
      ...rows,
      {
        section: 'catalog',
        metric: `CSV import ${IMPORT_ROWS} products (dry run + apply)`,
        value: imported,
        unit: 's',
        target: `≤ ${IMPORT_TARGET_S} s`,
        pass: imported <= IMPORT_TARGET_S,
      },
    ];
  },
};

/** The million-product catalog: build, barcode lookups, name searches, grid pages. */
function millionProducts(): BenchRow[] {
  const temp = tempDatabase('countertop-bench-catalog-');
  try {
    const catalog = new CatalogStore(temp.db);
    const kept: Product[] = [];
    const buildMs = nsToMs(
      timeNs(() =>
        catalog.upsertMany(sampling(syntheticCatalog(PRODUCTS, SEED), PRODUCTS / LOOKUPS, kept)),
      ),
    );
    temp.db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeMb = statSync(temp.file).size / 1024 / 1024;

    // Shuffled, so lookups do not walk the index in order.
    const codes = kept.map((p) => p.barcode).sort(() => Math.random() - 0.5);
    const lookups = codes.map((code) =>
      nsToMs(
        timeNs(() => {
          if (!catalog.byBarcode(code)) throw new Error(`barcode ${code} not found`);
        }),
      ),
    );
    const queries = searchQueries(LOOKUPS, SEED);
    let empty = 0;
    const searches = queries.map((query) =>
      nsToMs(
        timeNs(() => {
          if (catalog.search(query, SEARCH_LIMIT).length === 0) empty += 1;
        }),
      ),
    );
    // The cashier's grid: a category's first pages (where taps go) and the favourites tab.
    const grids = Array.from({ length: LOOKUPS }, (_, i) => {
      const category =
        i % 10 === 0 ? FAVOURITES : (syntheticCategoryIds[i % syntheticCategoryIds.length] ?? '');
      const offset = GRID_PAGE * (i % 7);
      return nsToMs(
        timeNs(() => {
          if (catalog.grid(category, offset, GRID_PAGE).products.length === 0) {
            throw new Error(`empty grid page ${category} ${String(offset)}`);
          }
        }),
      );
    });
    const barcode = summarize(lookups);
    const search = summarize(searches);
    const grid = summarize(grids);
    return [
      {
        section: 'catalog',
        metric: `build ${PRODUCTS} products`,
        value: buildMs / 1000,
        unit: 's',
      },
      { section: 'catalog', metric: 'database size', value: sizeMb, unit: 'MiB' },
      { section: 'catalog', metric: 'barcode lookup p50', value: barcode.p50, unit: 'ms' },
      {
        section: 'catalog',
        metric: 'barcode lookup p99',
        value: barcode.p99,
        unit: 'ms',
        target: `≤ ${BARCODE_TARGET_MS} ms`,
        pass: barcode.p99 <= BARCODE_TARGET_MS,
      },
      { section: 'catalog', metric: 'name search p50', value: search.p50, unit: 'ms' },
      {
        section: 'catalog',
        metric: 'name search p99',
        value: search.p99,
        unit: 'ms',
        target: `≤ ${SEARCH_TARGET_MS} ms`,
        pass: search.p99 <= SEARCH_TARGET_MS,
      },
      { section: 'catalog', metric: 'name search max', value: search.max, unit: 'ms' },
      { section: 'catalog', metric: 'grid page p50', value: grid.p50, unit: 'ms' },
      {
        section: 'catalog',
        metric: 'grid page p99',
        value: grid.p99,
        unit: 'ms',
        target: `≤ ${GRID_TARGET_MS} ms`,
        pass: grid.p99 <= GRID_TARGET_MS,
      },
      {
        section: 'catalog',
        metric: 'searches with no result',
        value: empty,
        unit: `of ${LOOKUPS}`,
      },
    ];
  } finally {
    temp.dispose();
  }
}
