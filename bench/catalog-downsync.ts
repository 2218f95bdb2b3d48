import { startPgCluster } from '@backoffice/testing/pg-cluster';
import {
  backOfficeProduct,
  downsyncTill,
  publish,
  startDownsyncHost,
} from '@main/downsync/downsync-test-support';
import type { BenchRow, BenchSection } from './section';

const PRODUCTS = Number(process.env.BENCH_DOWNSYNC_PRODUCTS ?? 10_000);
const TARGET_S = 5;

/**
 * downsync-v1 on PostgreSQL: a till holds the back office's catalog of 10,000 products; the
 * owner changes every price in one change; the time from the owner's request until the till
 * has applied the last page (its own SQLite transactions, barcodes and search index
 * included), at the till's default page size.
 */
export const catalogDownsyncSection: BenchSection = {
  name: 'catalog-downsync',
  description: `a catalog change of ${PRODUCTS.toLocaleString('en')} products, owner to till`,
  async run(): Promise<BenchRow[]> {
    const cluster = startPgCluster();
    const host = await startDownsyncHost(cluster.createDatabase('bench'));
    const till = await downsyncTill(host, 'CTBENCH1');
    try {
      const numbers = Array.from({ length: PRODUCTS }, (_, i) => i + 1);
      await publish(
        host,
        numbers.map((n) => backOfficeProduct(n)),
      );
      const loadStarted = performance.now();
      await till.downsync.syncNow();
      const loadS = (performance.now() - loadStarted) / 1000;

      const started = performance.now();
      const version = await publish(
        host,
        numbers.map((n) => backOfficeProduct(n, 500 + n)),
      );
      const published = performance.now();
      const state = await till.downsync.syncNow();
      const totalS = (performance.now() - started) / 1000;
      const applied = state.version === version && till.catalog.byId('p1')?.priceMinor === 501;
      return [
        { section: 'downsync', metric: 'first load of the catalog', value: loadS, unit: 's' },
        {
          section: 'downsync',
          metric: 'owner change stored',
          value: (published - started) / 1000,
          unit: 's',
        },
        {
          section: 'downsync',
          metric: `${PRODUCTS.toLocaleString('en')}-product change applied on the till`,
          value: totalS,
          unit: 's',
          target: `≤ ${TARGET_S}`,
          pass: applied && totalS <= TARGET_S,
        },
      ];
    } finally {
      till.temp.dispose();
      await host.close();
      cluster.stop();
    }
  },
};
