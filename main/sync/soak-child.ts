import { writeSync } from 'node:fs';
import type { SyncStatus } from '@app/api/contract';
import { createServices } from '../services';
import { closeShift, signInOwner } from '../testing/temp-services';
import { silentLogger } from '../log/logger';

/**
 * The till in soak.test.ts: the real services (ledger, sale service, sync engine) in their
 * own process, so the test can kill -9 it at any moment.
 *   sell <dataDir> [hostUrl merchantId terminalId bindingCode]: binds if asked, then sells
 *     until killed, writing each committed sale's seq to stdout after its commit.
 *   settle <dataDir>: uploads everything, closes the batch, waits for the settlement and
 *     writes the final sync status as JSON.
 */
const [mode, dataDir, hostUrl, merchantId, terminalId, bindingCode] = process.argv.slice(2);
if ((mode !== 'sell' && mode !== 'settle') || dataDir === undefined) {
  throw new Error(
    'usage: soak-child.ts sell|settle <dataDir> [hostUrl merchantId terminalId code]',
  );
}

const services = createServices({
  dataDir,
  host: 'browser',
  version: 'soak',
  log: silentLogger,
  syncTimeoutMs: 400,
  // The spec's 1 s … 300 s, compressed so a round of faults takes seconds.
  syncRetryLimits: { firstMs: 20, maxMs: 400 },
});

async function call(name: string, input: unknown): Promise<unknown> {
  const result = await services.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const status = async (): Promise<SyncStatus> => (await call('sync.status', {})) as SyncStatus;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sell(): Promise<void> {
  if (hostUrl && merchantId && terminalId && bindingCode) {
    await call('sync.bind', { hostUrl, merchantId, terminalId, bindingCode });
  }
  for (let i = 0; ; i += 1) {
    await call('cart.scan', { code: i % 2 === 0 ? '6911001000019' : '6931039000010' });
    const sale = (await call('sale.payCash', { tenderedMinor: 1_000 })) as { seq: number };
    writeSync(1, `${sale.seq}\n`);
    await pause(5);
  }
}

async function settle(): Promise<void> {
  const deadline = Date.now() + 60_000;
  const waitFor = async (done: (s: SyncStatus) => boolean): Promise<SyncStatus> => {
    for (;;) {
      await call('sync.now', {});
      await pause(100);
      const s = await status();
      if (done(s)) return s;
      if (s.alarm) throw new Error(`sync alarm: ${JSON.stringify(s.alarm)}`);
      if (Date.now() > deadline) throw new Error(`not settled in time: ${JSON.stringify(s)}`);
    }
  };
  await waitFor((s) => s.unsynced === 0);
  await closeShift(services);
  await call('sync.closeBatch', {});
  const final = await waitFor((s) => s.unsynced === 0 && s.pendingSettlements === 0);
  const settlements = await call('sync.settlements', {});
  writeSync(1, JSON.stringify({ status: final, settlements }) + '\n');
  await services.close();
}

// Selling and closing the batch need a signed-in person with an open shift (issue #5).
signInOwner(services)
  .then(() => (mode === 'sell' ? sell() : settle()))
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
