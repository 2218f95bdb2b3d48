import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectSystemInfo, diskSpace } from './system-info';

describe('collectSystemInfo', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'countertop-sysinfo-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports versions, OS, CPUs, memory, uptime and the data dir', () => {
    const versions: Partial<Record<string, string>> = process.versions;
    const info = collectSystemInfo({ dataDir: dir, appVersion: '1.2.3', sqliteVersion: '3.53.0' });
    expect(info.appVersion).toBe('1.2.3');
    expect(info.versions).toEqual({
      node: process.versions.node,
      electron: versions.electron ?? null,
      chrome: versions.chrome ?? null,
      sqlite: '3.53.0',
    });
    expect(info.os.platform).toBe(process.platform);
    expect(info.cpuCount).toBe(cpus().length);
    expect(info.memory.totalBytes).toBeGreaterThan(info.memory.freeBytes);
    expect(info.uptimeSeconds.system).toBeGreaterThanOrEqual(info.uptimeSeconds.process);
    expect(info.dataDir).toBe(dir);
  });

  it('names the Electron and Chromium versions when running in Electron', () => {
    const info = collectSystemInfo({
      dataDir: dir,
      versions: { node: '22.1.0', electron: '40.0.0', chrome: '144.0.7559.0' },
    });
    expect(info.versions).toMatchObject({
      node: '22.1.0',
      electron: '40.0.0',
      chrome: '144.0.7559.0',
    });
  });
});

describe('diskSpace', () => {
  it('agrees with df on the free space of the data dir', () => {
    const space = diskSpace(tmpdir());
    expect(space).not.toBeNull();
    // df -k --output=avail: 1 KiB blocks available to this user, as statfs' bavail.
    const avail = Number(
      execFileSync('df', ['-k', '--output=avail', tmpdir()], { encoding: 'utf8' })
        .trim()
        .split('\n')[1],
    );
    // Other processes write meanwhile: within 64 MiB.
    expect(Math.abs(space!.freeBytes - avail * 1024)).toBeLessThan(64 * 1024 * 1024);
    expect(space!.totalBytes).toBeGreaterThanOrEqual(space!.freeBytes);
  });

  it('is null for a folder that does not exist', () => {
    expect(diskSpace('/nonexistent/countertop')).toBeNull();
  });
});
