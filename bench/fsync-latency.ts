import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow, BenchSection } from './section';
import { nsToMs, summarize, timeNs } from './stats';

const WRITES = 500;
const BLOCK = 4096;
const COMMIT_BYTES = 8 * BLOCK;

/**
 * What one durable write costs on this disk: the floor under every sale commit, which
 * fsyncs the WAL once (RELIABILITY.md). Same temp directory as the ledger benches.
 */
export function measureFsync(bytes = BLOCK): { p50: number; p99: number } {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-bench-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const block = Buffer.alloc(bytes, 0x5a);
  try {
    const samples = Array.from({ length: WRITES }, (_, i) =>
      nsToMs(
        timeNs(() => {
          writeSync(fd, block, 0, bytes, i * bytes);
          fsyncSync(fd);
        }),
      ),
    );
    return summarize(samples);
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const fsyncSection: BenchSection = {
  name: 'fsync',
  description: `raw fsync latency (${WRITES} × write ${BLOCK} B + fsync)`,
  run(): BenchRow[] {
    const { p50, p99 } = measureFsync();
    // A sale commit appends about eight 4 KiB pages to the WAL before its one fsync: the same
    // write shows what the disk itself charges for a commit's bytes.
    const commitSized = measureFsync(COMMIT_BYTES);
    return [
      { section: 'fsync', metric: 'write 4 KiB + fsync p50', value: p50, unit: 'ms' },
      { section: 'fsync', metric: 'write 4 KiB + fsync p99', value: p99, unit: 'ms' },
      { section: 'fsync', metric: 'write 32 KiB + fsync p50', value: commitSized.p50, unit: 'ms' },
      { section: 'fsync', metric: 'write 32 KiB + fsync p99', value: commitSized.p99, unit: 'ms' },
    ];
  },
};
