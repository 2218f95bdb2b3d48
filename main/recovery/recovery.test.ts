import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RestoreOutcome } from '@app/api/contract';
import { sellCash, tempFolder } from '../backup/backup-test-support';
import { silentLogger } from '../log/logger';
import { restartableServices } from '../restartable-services';
import type { Services } from '../services';
import { call, signInOwner, TEST_OWNER, tempServices } from '../testing/temp-services';
import { servicesOrRecovery } from './services-or-recovery';

let running: Services[] = [];
afterEach(async () => {
  for (const services of running) await services.close();
  running = [];
});

/** The till as the hosts start it: restartable, with recovery when the ledger will not open. */
function startTill(dataDir: string): Services {
  const services = restartableServices(
    servicesOrRecovery(
      (replaceLedger) => tempServices(dataDir, undefined, { replaceLedger }).services,
      { dataDir, log: silentLogger },
    ),
  );
  running.push(services);
  return services;
}

/** A till that sold, backed up to a folder, sold once more, then stopped. */
async function tillWithBackup(): Promise<{ dataDir: string; folder: string; sold: string[] }> {
  const dataDir = tempFolder('till');
  const folder = tempFolder('stick');
  const till = startTill(dataDir);
  await signInOwner(till);
  const sold = await sellCash(till, 3);
  await call(till, 'backup.configure', { folder, hour: 2, keepDays: 7 });
  await call(till, 'backup.run', {});
  await sellCash(till, 1);
  await till.close();
  running = [];
  return { dataDir, folder, sold };
}

const damages: [string, (file: string) => void][] = [
  ['is not a database any more', (file) => writeFileSync(file, Buffer.alloc(8192, 0x5a))],
  [
    'has a malformed schema page',
    (file) => {
      const bytes = readFileSync(file);
      bytes.fill(0xff, 100, 4096);
      writeFileSync(file, bytes);
    },
  ],
];

describe('a ledger too damaged to open', () => {
  it.each(damages)('that %s starts the till in recovery, not a crash', async (_, damage) => {
    const { dataDir, folder } = await tillWithBackup();
    damage(join(dataDir, 'ledger.sqlite'));

    const till = startTill(dataDir);
    const status = await till.dispatch('session.status', {});
    expect(status).toMatchObject({ ok: false, error: { code: 'ledger_unreadable' } });
    expect(await till.dispatch('sale.payCash', { tenderedMinor: 100 })).toMatchObject({
      ok: false,
      error: { code: 'ledger_unreadable' },
    });
    // The backup folder was noted beside the ledger when the owner chose it.
    expect(await call(till, 'recovery.status', {})).toMatchObject({ dataDir, folder });
  });

  it('an owner restores the newest backup with a PIN from that backup, and sells on', async () => {
    const { dataDir, folder, sold } = await tillWithBackup();
    const ledger = join(dataDir, 'ledger.sqlite');
    writeFileSync(ledger, 'not a ledger');
    const till = startTill(dataDir);
    const [copy] = await call(till, 'recovery.list', { folder });
    expect(copy?.headSeq).toBeGreaterThan(0);

    expect(
      await till.dispatch('recovery.restore', { folder, name: copy!.name, ownerPin: '9999' }),
    ).toMatchObject({ ok: false, error: { code: 'recovery_pin_wrong' } });
    expect(readFileSync(ledger, 'utf8')).toBe('not a ledger');

    const restored = new Promise<RestoreOutcome>((resolve) =>
      till.bus.subscribe((event, payload) => {
        if (event === 'backup.restored') resolve(payload as RestoreOutcome);
      }),
    );
    const outcome = await call(till, 'recovery.restore', {
      folder,
      name: copy!.name,
      ownerPin: TEST_OWNER.pin,
    });
    expect(outcome).toMatchObject({ ok: true, name: copy!.name });
    expect(await restored).toMatchObject({ ok: true, name: copy!.name });

    // The damaged file is kept aside; the till runs on the copy with every backed-up sale.
    expect(readFileSync(join(outcome.asideDir!, 'ledger.sqlite'), 'utf8')).toBe('not a ledger');
    expect(await call(till, 'session.status', {})).toMatchObject({ state: 'signedOut' });
    await signInOwner(till);
    const listed = (await call(till, 'sale.list', { limit: 50 })).map((sale) => sale.id);
    expect(listed.sort()).toEqual([...sold].sort());
    expect(await sellCash(till, 1)).toHaveLength(1);
    expect(await till.dispatch('recovery.status', {})).toMatchObject({
      ok: false,
      error: { code: 'not_in_recovery' },
    });
  });

  it('five wrong PINs make restoring wait', async () => {
    const { dataDir, folder } = await tillWithBackup();
    writeFileSync(join(dataDir, 'ledger.sqlite'), 'not a ledger');
    const till = startTill(dataDir);
    const [copy] = await call(till, 'recovery.list', { folder });
    const attempt = () =>
      till.dispatch('recovery.restore', { folder, name: copy!.name, ownerPin: '1111' });
    for (let i = 0; i < 5; i += 1) {
      expect(await attempt()).toMatchObject({ error: { code: 'recovery_pin_wrong' } });
    }
    expect(
      await till.dispatch('recovery.restore', {
        folder,
        name: copy!.name,
        ownerPin: TEST_OWNER.pin,
      }),
    ).toMatchObject({ ok: false, error: { code: 'recovery_locked' } });
    expect(existsSync(join(dataDir, 'ledger.sqlite.restoring'))).toBe(false);
  });

  it('a folder that is not there gets a clear refusal', async () => {
    const { dataDir } = await tillWithBackup();
    writeFileSync(join(dataDir, 'ledger.sqlite'), 'not a ledger');
    const till = startTill(dataDir);
    expect(await till.dispatch('recovery.list', { folder: '/nowhere/usb' })).toMatchObject({
      ok: false,
      error: { code: 'backup_folder_missing' },
    });
  });
});
