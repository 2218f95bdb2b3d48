import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SettlementView, SyncStatus } from '@app/api/contract';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { LedgerEntry } from '@app/ledger/entry';
import { seededRandom } from '@app/util/seeded-random';
import { hashEntry } from '../ledger/hash-chain';
import { openDatabase } from '../ledger/database';
import { LedgerStore } from '../ledger/ledger-store';
import { onStdoutLines, spawnTsChild } from '../testing/ts-child';
import { MERCHANT } from '@backoffice/host/test-support';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';
import { noFaults } from '@backoffice/host/faults';
import type { Faults } from '@backoffice/host/faults';

const child = fileURLToPath(new URL('./soak-child.ts', import.meta.url));
const TERMINAL_ID = 'CTSOAK01';
const ROUNDS = 6;
const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);

/** Every fault of the issue, one or two per round, at random ("the host injects at random"). */
const FAULTS: Partial<Faults>[] = [
  { dropAfterStore: { probability: 0.3 } },
  { fail500: { probability: 0.3 } },
  { fail503: { probability: 0.2, retryAfterS: 0 } },
  { fail429: { probability: 0.2, retryAfterS: 0 } },
  { delayMs: 450 }, // beyond the child's 400 ms timeout: every answer is lost
  { duplicateDelivery: true },
  { clockSkewS: 900 },
  { clockSkewS: -700 },
];

/** Sells in the child until it has committed `atLeast` sales past a random moment, then kill -9. */
function sellUntilKilled(
  args: string[],
  atLeast: number,
  onSeq: (seq: number) => void,
  midway: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawnTsChild(child, ['sell', ...args]);
    let stderr = '';
    let count = 0;
    onStdoutLines(proc, (line) => {
      onSeq(Number(line));
      count += 1;
      if (count === Math.floor(atLeast / 2)) midway();
      if (count >= atLeast) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`soak child stopped by itself: ${stderr}`));
    });
  });
}

function settleInChild(
  dataDir: string,
): Promise<{ status: SyncStatus; settlements: SettlementView[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawnTsChild(child, ['settle', dataDir]);
    let out = '';
    let stderr = '';
    onStdoutLines(proc, (line) => (out = line));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('close', (code) => {
      if (code === 0)
        resolve(JSON.parse(out) as { status: SyncStatus; settlements: SettlementView[] });
      else reject(new Error(`settle failed (${String(code)}): ${stderr}`));
    });
  });
}

describe(`soak: sales, host faults and kill -9 (seed ${seed}, SOAK_SEED to replay)`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-soak-'));
  let host: TestHost | null = null;
  afterAll(async () => {
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with every entry on the host exactly once, a verified chain and a balanced settlement', async () => {
    const random = seededRandom(seed);
    const dataDir = join(dir, 'till');
    const testHost = await startTestHost({
      merchants: [MERCHANT],
      dbFile: join(dir, 'host.sqlite'),
      random,
    });
    host = testHost;
    const acknowledged: number[] = [];
    const bind = [testHost.url, MERCHANT.merchantId, TERMINAL_ID];

    for (let round = 0; round < ROUNDS; round += 1) {
      // Round 0 binds the till first, on a quiet host; every later round has faults.
      const first = round === 0 ? {} : (FAULTS[Math.floor(random() * FAULTS.length)] ?? {});
      const second = round === 0 ? {} : (FAULTS[Math.floor(random() * FAULTS.length)] ?? {});
      testHost.setFaults({ ...first, ...second });
      const args =
        round === 0
          ? [dataDir, ...bind, await testHost.issueBindingCode(MERCHANT.merchantId)]
          : [dataDir];
      // Half the rounds also restart the host while the till is selling.
      const restartMidway = random() < 0.5;
      await sellUntilKilled(
        args,
        20 + Math.floor(random() * 60),
        (seq) => acknowledged.push(seq),
        () => {
          if (restartMidway) void testHost.restart();
        },
      );
      testHost.setFaults(noFaults);
    }

    const { status, settlements } = await settleInChild(dataDir);
    expect(status.alarm).toBeNull();

    // The till's ledger holds every acknowledged sale; the host holds exactly the ledger.
    const db = openDatabase(join(dataDir, 'ledger.sqlite'));
    const ledger = new LedgerStore(db);
    const head = ledger.head().seq;
    const local = ledger.entriesFrom(1, head);
    db.close();
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(acknowledged.every((seq) => seq <= head)).toBe(true);

    const held = await testHost.entries(TERMINAL_ID);
    expect(held.map((e) => e.seq)).toEqual(local.map((e) => e.seq));
    expect(held).toEqual(local);
    expect(verifies(held)).toBe(true);
    expect(held.at(-1)?.type).toBe('z_close');

    expect(settlements[0]).toMatchObject({ batchNo: '000001', status: 'balanced' });
    expect(status).toMatchObject({ unsynced: 0, ackedSeq: head, batchNo: '000002' });
    // Children killed and restarted over and over: with other test files loading both cores
    // this can pass the default 30 s.
  }, 180_000);
});

/** The host's copy chains from the genesis hash and every hash is the hash of its entry. */
function verifies(entries: readonly LedgerEntry[]): boolean {
  let prev = GENESIS_HASH;
  return entries.every((entry, i) => {
    const { hash, ...rest } = entry;
    const ok = entry.seq === i + 1 && entry.prevHash === prev && hashEntry(rest) === hash;
    prev = hash;
    return ok;
  });
}
