import { constants, promises as fs } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSerialScannerSim } from './scanner-sim';

/** Reads what arrives at the reader's end of the pty until `count` bytes came. */
async function readBytes(path: string, count: number): Promise<number[]> {
  const handle = await fs.open(path, constants.O_RDONLY | constants.O_NOCTTY);
  const got: number[] = [];
  try {
    while (got.length < count) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, null);
      got.push(...buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return got;
}

describe('scanner simulator', () => {
  it.each([
    ['cr', [0x0d]],
    ['lf', [0x0a]],
    ['crlf', [0x0d, 0x0a]],
    ['tab', [0x09]],
    ['none', []],
  ] as const)('sends the code in ASCII and the %s suffix', async (suffix, tail) => {
    const link = join(tmpdir(), `ct-scanner-sim-${suffix}-${process.pid}`);
    const sim = await startSerialScannerSim({ link, suffix, gapMs: 1 });
    const reading = readBytes(sim.scannerPath, 8 + tail.length);
    await sim.scan('96385074');
    expect(await reading).toEqual([0x39, 0x36, 0x33, 0x38, 0x35, 0x30, 0x37, 0x34, ...tail]);
    await sim.close();
    expect(existsSync(link)).toBe(false);
  });
});
