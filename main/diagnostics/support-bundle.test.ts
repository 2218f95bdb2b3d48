import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeTrack1, encodeTrack2 } from '@app/card/encode-track';
import { testCards } from '@app/card/test-cards';
import { createFileLogger } from '../log/logger';
import { LedgerStore } from '../ledger/ledger-store';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { SettingsStore } from '../settings/settings-store';
import { extractZip } from './extract-zip';
import { BUNDLE_FILES, buildSupportBundle, writeSupportBundle } from './support-bundle';
import type { SupportBundleInputs } from './support-bundle';

const visa = testCards.visa;
const unionpay = testCards.unionpayDebit2;
const track2 = encodeTrack2(visa, true);
const track1 = encodeTrack1(unionpay, false);
// 32 bytes as main/sync/secret-store.ts keeps them (base64), and a host's bearer token.
const terminalSecret = Buffer.from(
  Array.from({ length: 32 }, (_, i) => (i * 73 + 11) & 0xff),
).toString('base64');
const bearer = 'eyJhbGciOiJIUzI1NiJ9.eyJ0ZXJtaW5hbCI6IkNUNFg3UTJNIn0.c2lnbmF0dXJl';
const binding = 'binding-code-7391';

describe('support bundle', () => {
  let temp: TempDatabase;
  let inputs: SupportBundleInputs;

  beforeEach(() => {
    temp = tempDatabase('countertop-bundle-');
    const ledger = new LedgerStore(temp.db);
    temp.db.transaction(() =>
      ledger.append({
        id: randomUUID(),
        type: 'pay_in',
        at: '2026-06-01T08:00:00.000Z',
        batchNo: '000001',
        currency: 'CNY',
        amount: 10_000,
        tenders: [{ method: 'cash', amount: 10_000 }],
        detail: { reason: 'float' },
      }),
    )();
    const settings = new SettingsStore(temp.db);
    settings.update({ shopName: 'Lucky Corner Store', receiptFooter: `Paid by ${visa.pan}` });
    settings.setValue('printer.config', { kind: 'network', host: '192.168.1.50', port: 9100 });
    settings.setValue('sync.debug', {
      hostUrl: 'http://127.0.0.1:8787',
      terminalSecret,
      lastHeader: `Authorization: Bearer ${bearer}`,
      note: `swipe ${track2}`,
    });

    const logFile = join(temp.dir, 'logs', 'countertop.log');
    const log = createFileLogger(logFile);
    log.info('services started', { host: 'browser', terminalId: 'CT4X7Q2M' });
    log.warn('reader sent', { raw: `${track1}${track2}` });
    log.error('upload failed', { status: 503, header: `Bearer ${bearer}` });
    log.info(`card 4111 1111 1111 1111 read, secret ${terminalSecret}`);
    log.info('bound', { code: binding });
    log.info('printer ready', { printer: 'TM-T20III' });
    log.flushSync();

    inputs = {
      db: temp.db,
      databaseFile: temp.file,
      dataDir: temp.dir,
      logFile,
      devices: [
        { role: 'printer', name: 'TM-T20III', connection: 'tcp://192.168.1.50:9100' },
        { role: 'card-reader', name: 'MSR90', lastSwipe: track2, pan: visa.pan },
      ],
      syncStatus: { state: 'unsynced', unsynced: 3, token: bearer },
      knownSecrets: [binding],
      appVersion: '0.1.0-test',
      now: new Date('2026-06-01T13:45:58.123Z'),
    };
  });
  afterEach(() => temp.dispose());

  const unpack = (file: string): Map<string, string> => {
    const out = join(temp.dir, 'unpacked');
    extractZip(file, out);
    return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
  };

  it('holds every file, with none of the secrets and all of the real content', () => {
    const file = writeSupportBundle(join(temp.dir, 'support'), inputs);
    expect(file).toBe(join(temp.dir, 'support', 'countertop-support-20260601-134558.zip'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const files = unpack(file);
    expect([...files.keys()].sort()).toEqual([...BUNDLE_FILES].sort());

    const everything = [...files.values()].join('\n');
    const digitsOnly = everything.replace(/[ -]/g, '');
    for (const secret of [visa.pan, unionpay.pan, terminalSecret, bearer, binding]) {
      expect(digitsOnly.includes(secret.replace(/[ -]/g, '')), secret).toBe(false);
    }
    for (const secret of [track2, track1, '=3012101', 'ZHANG', 'LI/SI']) {
      expect(everything.includes(secret), secret).toBe(false);
    }

    const log = files.get('log-tail.jsonl')!;
    expect(log.trim().split('\n')).toHaveLength(6);
    expect(log).toContain('services started');
    expect(log).toContain('CT4X7Q2M');
    expect(log).toContain('"status":503');
    expect(log).toContain('printer ready');

    const settings = JSON.parse(files.get('settings.json')!) as {
      shop: Record<string, unknown>;
      stored: Record<string, Record<string, unknown>>;
    };
    expect(settings.shop.shopName).toBe('Lucky Corner Store');
    expect(settings.shop.receiptFooter).toBe('Paid by [redacted]');
    expect(settings.stored['printer.config']).toEqual({
      kind: 'network',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(settings.stored['sync.debug']!.hostUrl).toBe('http://127.0.0.1:8787');
    expect(settings.stored['sync.debug']!.terminalSecret).toBe('[redacted]');

    const devices = JSON.parse(files.get('devices.json')!) as Record<string, unknown>[];
    expect(devices[0]).toEqual({
      role: 'printer',
      name: 'TM-T20III',
      connection: 'tcp://192.168.1.50:9100',
    });
    expect(devices[1]).toMatchObject({ role: 'card-reader', name: 'MSR90', pan: '[redacted]' });
    expect(JSON.parse(files.get('sync-status.json')!)).toEqual({
      state: 'unsynced',
      unsynced: 3,
      token: '[redacted]',
    });

    const health = JSON.parse(files.get('database-health.json')!) as Record<string, unknown>;
    const head = new LedgerStore(temp.db).head();
    expect(health).toMatchObject({
      integrity: { check: 'quick_check', ok: true },
      entryCount: 1,
      chain: { ok: true, count: 1, headHash: head.hash },
    });
    const system = JSON.parse(files.get('system-info.json')!) as Record<string, unknown>;
    expect(system).toMatchObject({ appVersion: '0.1.0-test', dataDir: temp.dir });
    expect(JSON.parse(files.get('manifest.json')!)).toMatchObject({
      createdAt: '2026-06-01T13:45:58.123Z',
      logTail: { lines: 6, skipped: 0, capped: false },
    });
  });

  it('records a part that cannot be read instead of failing the whole bundle', () => {
    temp.db.prepare("INSERT INTO settings (key, value) VALUES ('broken', '{not json')").run();
    const file = writeSupportBundle(temp.dir, { ...inputs, logFile: join(temp.dir, 'none.log') });
    const files = unpack(file);
    const settings = JSON.parse(files.get('settings.json')!) as {
      shop: Record<string, unknown>;
      stored: Record<string, unknown>;
    };
    expect(settings.stored.broken).toEqual({ error: expect.stringMatching(/JSON/) as unknown });
    expect(settings.shop.shopName).toBe('Lucky Corner Store');
    expect(files.get('log-tail.jsonl')).toBe('\n');
  });

  it('builds the same archive bytes that it writes', () => {
    const bytes = buildSupportBundle(inputs);
    // PK\x03\x04 first, and the end record's signature 22 bytes from the end.
    expect(Buffer.from(bytes).readUInt32LE(0)).toBe(0x04034b50);
    expect(Buffer.from(bytes).readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(Buffer.from(bytes).readUInt16LE(bytes.length - 12)).toBe(BUNDLE_FILES.length);
  });
});
