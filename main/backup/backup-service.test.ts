import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../kernel/ledger';
import { silentLogger } from '../log/logger';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { commitSale } from '../sales/commit-sale';
import { SaleRepository } from '../sales/sale-repository';
import { sampleSale, sampleStaff } from '../sales/sample-sale';
import type { Services } from '../services';
import { call, signInOwner } from '../testing/temp-services';
import { backupFileName, manifestNameOf, manifestSchema } from './backup-folder';
import {
  backupServiceOn,
  mountedFolder,
  restartableTempServices,
  sellCash,
  tempFolder,
} from './backup-test-support';

let open: Services[] = [];
const cleanup: (() => void)[] = [];
afterEach(async () => {
  for (const services of open) await services.close();
  for (const undo of cleanup.splice(0)) undo();
  open = [];
});

async function start() {
  const { services, dataDir } = restartableTempServices();
  open.push(services);
  await signInOwner(services);
  return { services, dataDir };
}

const sha256 = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a backup through the API', () => {
  it('writes a copy the till can read back, with a manifest that describes it', async () => {
    const { services } = await start();
    await sellCash(services, 3);
    const folder = tempFolder('backups');
    await call(services, 'backup.configure', { folder, hour: 2, keepDays: 7 });
    const status = await call(services, 'backup.run', {});
    expect(status.last).toMatchObject({ ok: true, trigger: 'manual', error: null });
    expect(status.running).toBeNull();

    const [copy, ...more] = await call(services, 'backup.list', {});
    expect(more).toHaveLength(0);
    const { terminalId } = await call(services, 'app.info', {});
    expect(copy).toMatchObject({ terminalId, thisTerminal: true, verified: { ok: true } });
    const file = join(folder, copy!.name);
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(folder, manifestNameOf(copy!.name)), 'utf8')),
    );
    expect(manifest).toMatchObject({ terminalId, merchantId: null, sha256: sha256(file) });

    // Opened on its own: a sound database whose chain ends where the till's did.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const chain = new Ledger(db, silentLogger).verify();
    expect(chain).toEqual({ ok: true, count: manifest.headSeq, headHash: manifest.headHash });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    // One self-contained file and its manifest: no -wal, -shm or partial file beside them.
    expect(readdirSync(folder).sort()).toEqual([copy!.name, manifestNameOf(copy!.name)].sort());
  });

  it('reports a missing folder, a read-only stick and a full one, and selling goes on', async () => {
    const { services } = await start();
    const unplugged = join(tempFolder('backups'), 'stick');
    expect(
      await services.dispatch('backup.configure', { folder: unplugged, hour: 2, keepDays: 7 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'backup_folder_missing', params: { folder: unplugged } },
    });

    // Each folder is fine when chosen and goes bad afterwards, as a stick does.
    mkdirSync(unplugged);
    const cases: { dir: string; code: string; spoil: () => void }[] = [
      {
        dir: unplugged,
        code: 'backup_folder_missing',
        spoil: () => rmSync(unplugged, { recursive: true }),
      },
    ];
    // Mounting needs root (as in our CI container); without it only the pulled stick is tried.
    const readOnly = mountedFolder('size=16m');
    const full = mountedFolder('size=64k');
    if (readOnly && full) {
      cleanup.push(readOnly.unmount, full.unmount);
      cases.push(
        {
          dir: readOnly.dir,
          code: 'backup_folder_not_writable',
          spoil: () => execFileSync('mount', ['-o', 'remount,ro', readOnly.dir]),
        },
        { dir: full.dir, code: 'backup_disk_full', spoil: () => undefined },
      );
    }
    for (const { dir, code, spoil } of cases) {
      await call(services, 'backup.configure', { folder: dir, hour: 2, keepDays: 7 });
      spoil();
      const result = await services.dispatch('backup.run', {});
      expect(result, dir).toMatchObject({ ok: false, error: { code, params: { folder: dir } } });
      const status = await call(services, 'backup.status', {});
      expect(status.last).toMatchObject({ ok: false, trigger: 'manual', error: { code } });
      expect(status.running).toBeNull();
      // Nothing half-written is left behind, and the next sale commits.
      const left = existsSync(dir) ? readdirSync(dir) : [];
      expect(left.filter((name) => name.startsWith('countertop-'))).toEqual([]);
      expect(await sellCash(services, 1)).toHaveLength(1);
    }
  });

  it("prunes this till's copies older than the days kept, never the newest or another till's", async () => {
    const { services } = await start();
    const folder = tempFolder('backups');
    await call(services, 'backup.configure', { folder, hour: 2, keepDays: 7 });
    await call(services, 'backup.run', {});
    const [made] = await call(services, 'backup.list', {});
    const { terminalId } = await call(services, 'app.info', {});
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(folder, manifestNameOf(made!.name)), 'utf8')),
    );
    // Earlier copies: this till's 8 and 3 days old, another till's 30 days old.
    const dayMs = 24 * 3_600_000;
    const plant = (terminal: string, ageDays: number): string => {
      const at = new Date(Date.now() - ageDays * dayMs);
      const name = backupFileName(terminal, at);
      writeFileSync(join(folder, name), readFileSync(join(folder, made!.name)));
      const planted = {
        ...manifest,
        file: name,
        terminalId: terminal,
        createdAt: at.toISOString(),
      };
      writeFileSync(join(folder, manifestNameOf(name)), JSON.stringify(planted));
      return name;
    };
    const old = plant(terminalId, 8);
    const recent = plant(terminalId, 3);
    const theirs = plant('CTOTHER1', 30);

    const status = await call(services, 'backup.run', {});
    const names = (await call(services, 'backup.list', {})).map((copy) => copy.name);
    expect(names).toEqual([status.last!.name, made!.name, recent, theirs].sort().reverse());
    expect(names).not.toContain(old);
    expect(existsSync(join(folder, manifestNameOf(old)))).toBe(false);
  });

  it('finds a damaged copy when checked, and refuses to restore it', async () => {
    const { services } = await start();
    await sellCash(services, 2);
    const folder = tempFolder('backups');
    await call(services, 'backup.configure', { folder, hour: 2, keepDays: 7 });
    const { last } = await call(services, 'backup.run', {});
    const name = last!.name!;
    expect(await call(services, 'backup.check', { name })).toMatchObject({
      verified: { ok: true, problems: [] },
    });
    // A bad sector on the stick: bytes in the middle of the file change.
    const file = join(folder, name);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 512);
    writeFileSync(file, bytes);
    const checked = await call(services, 'backup.check', { name });
    expect(checked.verified.ok).toBe(false);
    expect(checked.verified.problems.map((p) => p.kind)).toContain('checksum');
    expect(await services.dispatch('backup.restore', { name })).toMatchObject({
      ok: false,
      error: { code: 'backup_invalid' },
    });
    expect(await services.dispatch('backup.check', { name: '../ledger.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'backup_not_found' },
    });
  });
});

describe('the online copy', () => {
  let temp: TempDatabase | null = null;
  afterEach(() => temp?.dispose());

  it('lets sales commit while it copies, and the copy is the ledger as of one moment', async () => {
    temp = tempDatabase('countertop-backup-', { checkpoint: 'manual' });
    const { db } = temp;
    const ledger = new Ledger(db, silentLogger);
    const repository = new SaleRepository(db);
    for (let i = 0; i < 300; i += 1) commitSale(ledger, repository, sampleSale(), sampleStaff);
    const folder = tempFolder('backups');
    // One page per step: the copy takes many steps, with sales committing between them.
    const backup = backupServiceOn(temp, folder, { pagesPerStep: 1 });
    const done = backup.run('manual');
    const backingUp = { now: true };
    void done.finally(() => (backingUp.now = false));
    let whileCopying = 0;
    let during = 0;
    while (backingUp.now && backup.status().running?.phase !== 'verifying') {
      const phase = backup.status().running?.phase;
      commitSale(ledger, repository, sampleSale(), sampleStaff);
      during += 1;
      if (phase === 'copying') whileCopying += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const status = await done;
    expect(status.last).toMatchObject({ ok: true });
    expect(whileCopying).toBeGreaterThan(10);
    expect(ledger.verify()).toMatchObject({ ok: true, count: 300 + during });
    const copy = new Database(join(folder, status.last!.name!), { readonly: true });
    // A snapshot: the chain up to some sale of this run, exactly as the till has it.
    const copied = new Ledger(copy, silentLogger).verify();
    if (!copied.ok) throw new Error(`copy chain broken at ${copied.atSeq}`);
    expect(copied.count).toBeGreaterThanOrEqual(300);
    expect(copied.count).toBeLessThan(300 + during);
    expect(copied.headHash).toBe(ledger.hashAt(copied.count));
    copy.close();
  });
});
