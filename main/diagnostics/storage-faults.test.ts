/**
 * Disk faults that used to end the till, against the services as the app composes them: a log
 * that cannot be written and a WAL checkpoint that fails with EIO. The sale is committed once
 * and answered, the fault reaches the screen (the `diagnostics.storage` event and Diagnostics),
 * and the checkpoint is tried again until it works.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StorageHealthView } from '@app/api/contract';
import { demoCatalog } from '../catalog/demo-catalog';
import { createServices } from '../services';
import type { Services, ServicesOptions } from '../services';
import { call, signInOwner, testScryptCost } from '../testing/temp-services';

const open: Services[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Services with their own file logger (not the tests' silent one), as the app runs them. */
async function start(dataDir: string, onDatabase?: ServicesOptions['onDatabase']) {
  const services = createServices({
    dataDir,
    host: 'browser',
    version: 'test',
    scryptCost: testScryptCost,
    ...(onDatabase ? { onDatabase } : {}),
  });
  open.push(services);
  const storage: StorageHealthView[] = [];
  services.bus.on('diagnostics.storage', (view) => storage.push(view));
  await signInOwner(services);
  return { services, storage };
}

async function sellOne(services: Services) {
  await call(services, 'cart.scan', { code: demoCatalog()[0]!.barcode });
  const total = (await call(services, 'cart.get', {})).totals.totalMinor;
  return call(services, 'sale.payCash', { tenderedMinor: total });
}

function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const look = (): void => {
      if (predicate()) resolve();
      else if (Date.now() > deadline) reject(new Error('timed out'));
      else setTimeout(look, 50);
    };
    look();
  });
}

describe('disk faults while selling', () => {
  it('a log that cannot be written costs no sale and is shown', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'countertop-faults-'));
    // The log folder's name is a file: every log write fails (ENOTDIR), even for root.
    writeFileSync(join(dataDir, 'logs'), 'not a folder');
    const { services, storage } = await start(dataDir);

    const sale = await sellOne(services);
    const again = await call(services, 'sale.get', { saleId: sale.id });
    expect(again.id).toBe(sale.id);
    expect(
      (await call(services, 'sale.list', { limit: 50 })).filter((s) => s.id === sale.id),
    ).toHaveLength(1);

    await until(() => storage.some((view) => view.log.failing), 2_000);
    const { storage: shown } = await call(services, 'diagnostics.system', {});
    expect(shown.log.failing).toBe(true);
    expect(shown.log.lastError).toMatch(/^E(NOTDIR|EXIST)/);
    expect(shown.log.failures).toBeGreaterThan(0);
    // And the till still answers the next request.
    expect((await sellOne(services)).seq).toBe(sale.seq + 1);
  });

  it('a checkpoint failing with EIO is reported, retried, and selling goes on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'countertop-faults-'));
    let eio = true;
    const { services, storage } = await start(dataDir, (db) => {
      const pragma = db.pragma.bind(db);
      db.pragma = (source: string, options?: Database.PragmaOptions) => {
        if (eio && source.startsWith('wal_checkpoint(PASSIVE)')) {
          throw new Database.SqliteError('disk I/O error', 'SQLITE_IOERR');
        }
        return pragma(source, options);
      };
    });
    const sale = await sellOne(services);

    // The idle checkpoint runs after 2 s without commands: watch events, do not poll commands.
    await until(() => storage.some((view) => view.checkpoint.failing), 8_000);
    expect(storage.at(-1)?.checkpoint).toMatchObject({
      failing: true,
      lastError: 'SQLITE_IOERR: disk I/O error',
    });
    expect((await sellOne(services)).seq).toBe(sale.seq + 1);

    eio = false;
    await until(() => storage.at(-1)?.checkpoint.failing === false, 10_000);
    const { storage: shown } = await call(services, 'diagnostics.system', {});
    expect(shown.checkpoint.failing).toBe(false);
    expect(shown.checkpoint.failures).toBeGreaterThan(0);
  }, 30_000);
});
