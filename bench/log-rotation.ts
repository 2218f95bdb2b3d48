import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileLogger, LOG_ROTATION } from '../main/log/logger';
import type { BenchRow, BenchSection } from './section';

const LINES = 1_000_000;
// Under the logger's buffer (20,000 lines): a busy till never logs this much between turns.
const BURST = 5_000;
const CAP_BYTES = (LOG_ROTATION.keep + 1) * LOG_ROTATION.maxBytes;

/** Writes a million log lines with the app's rotation and measures the folder afterwards. */
export async function measureLogRotation(): Promise<{
  folderBytes: number;
  files: number;
  linesPerS: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-bench-log-'));
  try {
    const log = createFileLogger(join(dir, 'countertop.log'));
    const started = process.hrtime.bigint();
    for (let i = 0; i < LINES; i += 1) {
      // A typical line: what a sale commit logs.
      log.info('sale committed', {
        seq: i,
        saleId: '0b7e4c1a-3f2d-4e8b-9a6c-5d1e2f3a4b5c',
        totalMinor: 1_250,
      });
      if (i % BURST === BURST - 1) await log.flush();
    }
    await log.flush();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const names = readdirSync(dir);
    const folderBytes = names.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    return { folderBytes, files: names.length, linesPerS: LINES / seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const logRotationSection: BenchSection = {
  name: 'log',
  description: `${LINES.toLocaleString('en')} log lines with size rotation (${String(LOG_ROTATION.keep)} kept × ${String(LOG_ROTATION.maxBytes / 1024 / 1024)} MiB)`,
  async run(): Promise<BenchRow[]> {
    const { folderBytes, files, linesPerS } = await measureLogRotation();
    return [
      {
        section: 'log',
        metric: 'log folder after 1,000,000 lines',
        value: folderBytes / 1024 / 1024,
        unit: 'MiB',
        target: `≤ ${String(CAP_BYTES / 1024 / 1024)} MiB`,
        pass: folderBytes <= CAP_BYTES,
      },
      { section: 'log', metric: 'log files kept', value: files, unit: 'files' },
      { section: 'log', metric: 'log lines written', value: linesPerS, unit: 'lines/s' },
    ];
  },
};
