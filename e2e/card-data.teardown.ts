import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { describeFindings, scanForCardData } from '@main/testing/card-data-scan';
import { e2eRunRoot } from './support/run-root';

/**
 * Issue #6 "Never stored": after every other e2e test (this is the e2e project's teardown),
 * every file the run wrote (each till's ledger, its -wal and -shm, logs, print queue,
 * support bundles, saved CSVs, the test hosts' stores) holds no card number and no track.
 */
test('no card number or track data in any database, WAL, log or bundle the e2e run wrote', () => {
  const root = e2eRunRoot();
  const tills = readdirSync(root).filter((name) => name.startsWith('data-'));
  // A scan of an empty folder proves nothing: every spec's till must be in it, each with
  // the ledger and log the app writes on start.
  expect(tills.length, `till data folders under ${root}`).toBeGreaterThan(0);
  const notStarted = tills.filter((name) => !existsSync(join(root, name, 'ledger.sqlite')));
  const scan = scanForCardData(root);
  const summary =
    `${String(scan.files)} files, ${String(scan.bytes)} bytes: ${String(scan.databases)} ` +
    `databases, ${String(scan.wals)} WALs, ${String(scan.logs)} logs, ` +
    `${String(scan.archives)} archives, from ${String(tills.length)} tills`;
  test.info().annotations.push({ type: 'scanned', description: summary });
  console.log(`card-data scan of ${root}: ${summary}`);

  expect(notStarted, 'till folders without a ledger (--data-dir not honoured?)').toEqual([]);
  expect(scan.databases).toBeGreaterThanOrEqual(tills.length);
  expect(scan.logs).toBeGreaterThanOrEqual(tills.length);
  expect(scan.findings.length, `card data found:\n${describeFindings(scan.findings)}`).toBe(0);

  // Kept when anything was found (above) or when asked to, for a person to look at.
  if (!process.env.COUNTERTOP_E2E_KEEP) rmSync(root, { recursive: true, force: true });
});
