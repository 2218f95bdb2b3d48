import { Ledger } from '@main/kernel/ledger';
import { silentLogger } from '@main/log/logger';
import { tempDatabase } from '@main/ledger/temp-database';
import { commitSale } from '@main/sales/commit-sale';
import { SaleRepository } from '@main/sales/sale-repository';
import { sampleSale, sampleStaff } from '@main/sales/sample-sale';
import { measureFsync } from './fsync-latency';
import { rowKey } from './section';
import type { BenchContext, BenchRow, BenchSection } from './section';
import { nsToMs, summarize, timeNs } from './stats';

const SALES = 2_000;
/** A commit is one WAL fsync plus SQLite's own work: at most half an fsync more at p99. */
const RATIO_TARGET = 1.5;

export const saleCommitSection: BenchSection = {
  name: 'commit',
  description: `${SALES} sales of 3 lines through commitSale at synchronous=FULL, WAL checkpoints off the sale path as in the app`,
  run(context: BenchContext): BenchRow[] {
    const fsyncP99 =
      context.get(rowKey({ section: 'fsync', metric: 'write 4 KiB + fsync p99' }))?.value ??
      measureFsync().p99;
    // As the app opens it: automatic checkpoints off (IdleCheckpointer runs them when idle).
    const temp = tempDatabase('countertop-bench-commit-', { checkpoint: 'manual' });
    try {
      const ledger = new Ledger(temp.db, silentLogger);
      const repository = new SaleRepository(temp.db);
      // Built beforehand so only the commit is timed.
      const sales = Array.from({ length: SALES }, () => sampleSale({ lines: 3 }));
      const samples: number[] = [];
      const total = timeNs(() => {
        for (const sale of sales) {
          samples.push(nsToMs(timeNs(() => commitSale(ledger, repository, sale, sampleStaff))));
        }
      });
      const { p50, p99, max } = summarize(samples);
      const ratio = p99 / fsyncP99;
      return [
        { section: 'commit', metric: 'sale commit p50', value: p50, unit: 'ms' },
        { section: 'commit', metric: 'sale commit p99', value: p99, unit: 'ms' },
        { section: 'commit', metric: 'sale commit max', value: max, unit: 'ms' },
        {
          section: 'commit',
          metric: 'throughput',
          value: SALES / (nsToMs(total) / 1000),
          unit: 'sales/s',
        },
        {
          section: 'commit',
          metric: 'p99 commit / p99 fsync',
          value: ratio,
          unit: '×',
          target: `≤ ${RATIO_TARGET}`,
          pass: ratio <= RATIO_TARGET,
        },
      ];
    } finally {
      temp.dispose();
    }
  },
};
