import { statSync } from 'node:fs';
import type { Product } from '@app/catalog/product';
import { CatalogStore } from '@main/catalog/catalog-store';
import { syntheticCatalog } from '@main/catalog/demo-catalog';
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
  description: `${PRODUCTS.toLocaleString('en')} products: build, barcode lookup, name search`,
  run(): BenchRow[] {
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
      const barcode = summarize(lookups);
      const search = summarize(searches);
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
  },
};
