import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../services';
import { call, signInOwner, tempServices } from '../testing/temp-services';

let services: Services;
let dataDir: string;

beforeEach(async () => {
  ({ services, dataDir } = tempServices());
  await signInOwner(services);
});
afterEach(() => services.close());

describe('diagnostics commands', () => {
  it('tails the log by level, with a card number that slipped into it struck out', async () => {
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    const record = (level: string, message: string, extra = {}) =>
      JSON.stringify({ at: '2026-11-23T06:00:00.000Z', level, message, ...extra }) + '\n';
    appendFileSync(
      join(dataDir, 'logs', 'countertop.log'),
      record('info', 'started') +
        record('warn', 'printer slow', { detail: 'card 4111 1111 1111 1111 seen' }) +
        record('error', 'print failed'),
    );
    const all = await call(services, 'diagnostics.logTail', {});
    expect(all.lines.map((l) => l.message)).toEqual(['started', 'printer slow', 'print failed']);
    expect(JSON.stringify(all)).not.toContain('1111 1111');
    const warnings = await call(services, 'diagnostics.logTail', { minLevel: 'warn', lines: 1 });
    expect(warnings.lines.map((l) => l.level)).toEqual(['error']);
  });

  it('checks the database and its chain, and reports this computer', async () => {
    const health = await call(services, 'diagnostics.database', { full: true });
    expect(health.integrity).toMatchObject({ check: 'integrity_check', ok: true });
    expect(health.chain?.ok).toBe(true);
    expect(health.files.databaseBytes).toBeGreaterThan(0);
    const system = await call(services, 'diagnostics.system', {});
    expect(system.appVersion).toBe('test');
    expect(system.versions.sqlite).toMatch(/^3\./);
    expect(system.dataDir).toBe(dataDir);
  });

  it('exports a support bundle into the data folder and hands its bytes back', async () => {
    const bundle = await call(services, 'diagnostics.exportBundle', {});
    expect(bundle.path.startsWith(join(dataDir, 'support'))).toBe(true);
    expect(existsSync(bundle.path)).toBe(true);
    const bytes = Buffer.from(bundle.base64, 'base64');
    expect(bytes.equals(readFileSync(bundle.path))).toBe(true);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(bundle.sizeBytes).toBe(bytes.length);
  });
});
