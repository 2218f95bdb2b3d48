import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCatalog } from '../catalog/demo-catalog';
import type { Services } from '../services';
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
