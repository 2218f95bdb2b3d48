import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RestoreOutcome } from '@app/api/contract';
import type { Services } from '../services';
import { call, signInOwner } from '../testing/temp-services';
import { manifestNameOf, manifestSchema } from './backup-folder';
import { restartableTempServices, sellCash, tempFolder } from './backup-test-support';

let open: Services[] = [];
afterEach(async () => {
  for (const services of open) await services.close();
  open = [];
});

async function till() {
  const started = restartableTempServices();
  open.push(started.services);
  await signInOwner(started.services);
  return started;
}

function restored(services: Services): Promise<RestoreOutcome> {
  return new Promise((resolve) => {
    const off = services.bus.on('backup.restored', (outcome) => {
      off();
      resolve(outcome);
    });
  });
}

describe('restore', () => {
  it("refuses another till's backup unless its terminal ID is typed, then takes it on", async () => {
    const folder = tempFolder('share');
    const other = await till();
    const theirSales = await sellCash(other.services, 2);
    await call(other.services, 'backup.configure', { folder, hour: 2, keepDays: 7 });
    const { last } = await call(other.services, 'backup.run', {});
    const theirTerminal = (await call(other.services, 'app.info', {})).terminalId;

    const { services } = await till();
    await call(services, 'backup.configure', { folder, hour: 2, keepDays: 7 });
    const ours = (await call(services, 'app.info', {})).terminalId;
    const [listed] = await call(services, 'backup.list', {});
    expect(listed).toMatchObject({
      name: last!.name,
      terminalId: theirTerminal,
      thisTerminal: false,
    });

    const refusal = {
      ok: false,
      error: {
        code: 'backup_other_terminal',
        params: { backupTerminal: theirTerminal, thisTerminal: ours },
      },
    };
    const name = last!.name!;
    expect(await services.dispatch('backup.restore', { name })).toMatchObject(refusal);
    expect(
      await services.dispatch('backup.restore', { name, confirmTerminalId: ours }),
    ).toMatchObject(refusal);

    const done = restored(services);
    const outcome = await call(services, 'backup.restore', {
      name,
      confirmTerminalId: theirTerminal.toLowerCase(),
    });
    expect(await done).toEqual(outcome);
    expect((await call(services, 'app.info', {})).terminalId).toBe(theirTerminal);
    await signInOwner(services);
    const listedSales = (await call(services, 'sale.list', { limit: 10 })).map((s) => s.id);
    expect(listedSales.sort()).toEqual([...theirSales].sort());
  });

  it('goes back to the ledger it had when the restored one will not start', async () => {
    const { services } = await till();
    const sold = await sellCash(services, 2);
    const folder = tempFolder('stick');
    await call(services, 'backup.configure', { folder, hour: 2, keepDays: 7 });
    const name = (await call(services, 'backup.run', {})).last!.name!;
    // A sound copy from a newer version of the app (its schema is ahead of ours): the
    // manifest is rewritten to match, so only starting on it can fail.
    const file = join(folder, name);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const manifestFile = join(folder, manifestNameOf(name));
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, sha256 }));
    const after = await sellCash(services, 1);

    const done = restored(services);
    await call(services, 'backup.restore', { name });
    const outcome = await done;
    expect(outcome).toMatchObject({ ok: false, asideDir: null, error: { code: 'restore_failed' } });
    expect(outcome.error?.params?.reason).toContain('newer than this app');
    await signInOwner(services);
    const listed = (await call(services, 'sale.list', { limit: 10 })).map((s) => s.id);
    expect(listed.sort()).toEqual([...sold, ...after].sort());
    expect(await call(services, 'diagnostics.database', { full: true })).toMatchObject({
      integrity: { ok: true },
      chain: { ok: true },
    });
  });
});
