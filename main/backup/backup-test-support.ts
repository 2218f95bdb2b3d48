import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCatalog } from '../catalog/demo-catalog';
import type { BackupStatus } from '@app/api/contract';
import type { TempDatabase } from '../ledger/temp-database';
import { silentLogger } from '../log/logger';
import type { Services } from '../services';
import { SettingsStore } from '../settings/settings-store';
import { TerminalIdentityStore } from '../terminal/terminal-identity';
import { BackupService } from './backup-service';
import { BackupSettingsStore } from './backup-settings';
import { restartableServices } from '../restartable-services';
import { call, tempServices } from '../testing/temp-services';

/** Services on a temporary data folder as the hosts hold them: a restore can restart them. */
export function restartableTempServices(dataDir = tempFolder('test')) {
  const services = restartableServices(
    (replaceLedger) => tempServices(dataDir, undefined, { replaceLedger }).services,
  );
  return { services, dataDir };
}

/** `n` cash sales of one demo product each, through the API; their ids in order. */
export async function sellCash(services: Services, n: number): Promise<string[]> {
  const product = demoCatalog()[0];
  if (!product) throw new Error('the demo catalog is empty');
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    await call(services, 'cart.scan', { code: product.barcode });
    const sale = await call(services, 'sale.payCash', { tenderedMinor: product.priceMinor });
    ids.push(sale.id);
  }
  return ids;
}

export const tempFolder = (kind: string): string =>
  mkdtempSync(join(tmpdir(), `countertop-${kind}-`));

/**
 * A small tmpfs mounted on a fresh folder: a USB stick that is full (`size`) or mounted
 * read-only (`ro`). Needs the right to mount (root in CI's container); null where there is none.
 */
export function mountedFolder(options: string): { dir: string; unmount: () => void } | null {
  const dir = tempFolder('mount');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A backup service on a bare ledger database (tests and the bench), backing up to `folder`:
 * no other service around it, so what a sale meets during a backup is the backup alone.
 */
export function backupServiceOn(
  temp: TempDatabase,
  folder: string,
  options: { pagesPerStep?: number; emit?: (status: BackupStatus) => void } = {},
): BackupService {
  const identity = new TerminalIdentityStore(temp.db);
  const settings = new BackupSettingsStore(new SettingsStore(temp.db));
  settings.set({ folder, hour: 2, keepDays: 7 });
  return new BackupService({
    db: temp.db,
    ledgerFile: temp.file,
    dataDir: temp.dir,
    settings,
    terminalId: () => identity.current().terminalId,
    appVersion: 'test',
    emit: options.emit ?? (() => undefined),
    log: silentLogger,
    ...(options.pagesPerStep === undefined ? {} : { pagesPerStep: options.pagesPerStep }),
  });
}
