import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '@app/util/seeded-random';
import { extractZip } from './extract-zip';
import { createZip, dosDateTime } from './zip-writer';

describe('createZip', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'countertop-zip-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an archive that unzip and Python both extract and verify byte for byte', () => {
    const random = seededRandom(5);
    const noise = Uint8Array.from({ length: 5_000 }, () => Math.floor(random() * 256));
    const entries = [
      { name: 'settings.json', data: JSON.stringify({ shopName: '可口可乐小店' }, null, 2) },
      { name: 'logs/countertop.log', data: 'line\n'.repeat(10_000) },
      { name: 'noise.bin', data: noise },
      { name: 'empty.txt', data: '' },
      { name: '说明.txt', data: '中文文件名' },
    ];
    const file = join(dir, 'bundle.zip');
    writeFileSync(file, createZip(entries));
    // Python's zipfile reads every entry and checks its CRC on -t.
    expect(execFileSync('python3', ['-m', 'zipfile', '-t', file], { encoding: 'utf8' })).toMatch(
      /Done testing/,
    );
    const out = join(dir, 'out');
    extractZip(file, out);
    for (const entry of entries) {
      const expected =
        typeof entry.data === 'string' ? Buffer.from(entry.data) : Buffer.from(entry.data);
      expect(readFileSync(join(out, entry.name)).equals(expected), entry.name).toBe(true);
    }
  });

  it('deflates text and stores what does not shrink', () => {
    const random = seededRandom(9);
    const noise = Uint8Array.from({ length: 4_096 }, () => Math.floor(random() * 256));
    const text = createZip([{ name: 'a.txt', data: 'x'.repeat(100_000) }]);
    const stored = createZip([{ name: 'b.bin', data: noise }]);
    expect(text.length).toBeLessThan(1_000);
    // Local header 30 + name 5 + data, central 46 + name 5, end 22.
    expect(stored.length).toBe(30 + 5 + 4_096 + 46 + 5 + 22);
    expect(Buffer.from(stored).readUInt16LE(8)).toBe(0);
  });

  it('refuses names that would extract outside the target folder', () => {
    for (const name of ['../evil', '/etc/passwd', 'a//b', 'a\\b', '']) {
      expect(() => createZip([{ name, data: 'x' }]), name).toThrow(RangeError);
    }
  });

  it('stores times in MS-DOS form', () => {
    // 2026-06-01 13:45:58 local: 1980 + 46, June 1; 13:45, 58 / 2.
    const { time, date } = dosDateTime(new Date(2026, 5, 1, 13, 45, 58));
    expect(date).toBe((46 << 9) | (6 << 5) | 1);
    expect(time).toBe((13 << 11) | (45 << 5) | 29);
  });
});
