import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { checkBatch } from '@backoffice/host/batch-checks';
import { issueBindingCode } from '@backoffice/host/binding';
import { openBackOfficeDatabase } from '@backoffice/store/open-database';
import { startPgCluster } from '@backoffice/testing/pg-cluster';
import { tillChain, uploadAll } from '@backoffice/testing/simulated-till';
import type { TillStats } from '@backoffice/testing/simulated-till';
import { onStdoutLines, spawnTsChild } from '@main/testing/ts-child';
import type { BenchRow, BenchSection } from './section';
import { summarize } from './stats';

const TILLS = Number(process.env.BENCH_INGEST_TILLS ?? 50);
const BATCHES_PER_TILL = Number(process.env.BENCH_INGEST_BATCHES ?? 6);
const BATCH_SIZE = 500;
const TARGET_ENTRIES_PER_S = 10_000;
const MERCHANT_ID = '898310048160001'; // the merchant `npm run host` serves

const hostScript = fileURLToPath(new URL('../backoffice/host/run.ts', import.meta.url));

/** `npm run host -- --database <url>` in its own process, as the back office runs. */
function startBackOfficeProcess(database: string): Promise<{
  url: string;
  proc: ChildProcessWithoutNullStreams;
}> {
  const proc = spawnTsChild(hostScript, ['--port', '0', '--database', database]);
  return new Promise((resolve, reject) => {
    onStdoutLines(proc, (line) => {
      const url = /at (http:\/\/\S+)/.exec(line)?.[1];
      if (url !== undefined) resolve({ url, proc });
    });
    proc.on('error', reject);
    proc.on('close', (status) => reject(new Error(`back office exited (${String(status)})`)));
  });
}

const CLOCK_TICKS_PER_S = 100;

/** CPU seconds (user + system) each process has used so far, by pid; gone ones are left out. */
function cpuSeconds(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // /proc/<pid>/stat: fields 14 and 15 (after the parenthesized name) are utime, stime.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S);
    } catch {
      // The process has ended.
    }
  }
  return used;
}

/** The PostgreSQL server of the cluster and its children (a backend per connection). */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.split(') ')[1]?.split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** CPU seconds used between two readings, summed over the processes in the later one. */
const cpuSpent = (before: Map<number, number>, after: Map<number, number>): number =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);

/** The back office's CPU per 500-entry batch for the checks before storing (parse, schema, hashes). */
function verifyCostMs(entries: ReturnType<typeof tillChain>): number {
  const batch = {
    batchId: '0b3f4a4e-8c55-4d1e-9f59-0c0a5d6e7f80',
    terminalId: 'BENCH000',
    fromSeq: 1,
    toSeq: entries.length,
    entries,
    count: entries.length,
    amountTotal: entries.reduce((sum, e) => sum + e.amount, 0),
  };
  const text = JSON.stringify(batch);
  const raw = Buffer.from(text);
  const rounds = 20;
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    const json = JSON.parse(raw.toString('utf8')) as unknown;
    const checked = checkBatch(
      { terminalId: 'BENCH000', idempotencyKey: batch.batchId, raw, text, json },
      batch.batchId,
    );
    if ('reply' in checked || checked.brokenAt !== null) throw new Error('the bench batch is bad');
  }
  return (performance.now() - started) / rounds;
}

export const backofficeIngestSection: BenchSection = {
  name: 'backoffice-ingest',
  description: `ingestion into PostgreSQL: ${TILLS} tills upload ${BATCHES_PER_TILL} signed batches of ${BATCH_SIZE} entries each at once, over HTTP, to the back office in its own process`,
  async run(): Promise<BenchRow[]> {
    const cluster = startPgCluster();
    let host: Awaited<ReturnType<typeof startBackOfficeProcess>> | undefined;
    try {
      const database = cluster.createDatabase('bench');
      host = await startBackOfficeProcess(database);
      const db = await openBackOfficeDatabase(database, { poolSize: 2 });
      const ctx = { db, now: Date.now, timeZone: 'Asia/Shanghai' };
      const tills = [];
      for (let i = 1; i <= TILLS; i += 1) {
        const terminalId = `BENCH${String(i).padStart(3, '0')}`;
        const bindingCode = await issueBindingCode(ctx, MERCHANT_ID);
        const answer = await fetch(`${host.url}/v1/bind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            merchantId: MERCHANT_ID,
            terminalId,
            bindingCode,
            deviceName: terminalId,
          }),
        });
        const { terminalSecret } = (await answer.json()) as { terminalSecret: string };
        tills.push({
          terminalId,
          secret: Buffer.from(terminalSecret, 'base64'),
          entries: tillChain(BATCHES_PER_TILL * BATCH_SIZE, {
            startMs: Date.now() - 86_400_000,
            days: 1,
          }),
        });
      }
      const verifyMs = verifyCostMs(tills[0]?.entries.slice(0, BATCH_SIZE) ?? []);

      const hostPid = host.proc.pid ?? 0;
      const dataDir = join(cluster.dir, 'data');
      const hostBefore = cpuSeconds([hostPid]);
      const pgBefore = cpuSeconds(postgresPids(dataDir));
      const started = performance.now();
      const stats: TillStats[] = await Promise.all(
        tills.map((till) =>
          uploadAll({ ...till, batchSize: BATCH_SIZE, hosts: [host?.url ?? ''] }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const hostCpu = cpuSpent(hostBefore, cpuSeconds([hostPid]));
      const pgCpu = cpuSpent(pgBefore, cpuSeconds(postgresPids(dataDir)));
      const [stored] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM entries');
      const total = TILLS * BATCHES_PER_TILL * BATCH_SIZE;
      if (stored?.n !== total) throw new Error(`stored ${String(stored?.n)} of ${total} entries`);
      await db.close();
      const rate = total / seconds;
      const perBatch = summarize(stats.flatMap((s) => s.batchMs));
      return [
        {
          section: 'backoffice-ingest',
          metric: `${TILLS} tills, ${BATCH_SIZE}-entry batches`,
          value: rate,
          unit: 'entries/s',
          target: `≥ ${TARGET_ENTRIES_PER_S.toLocaleString('en')}`,
          pass: rate >= TARGET_ENTRIES_PER_S,
        },
        { section: 'backoffice-ingest', metric: 'batch p50', value: perBatch.p50, unit: 'ms' },
        { section: 'backoffice-ingest', metric: 'batch p99', value: perBatch.p99, unit: 'ms' },
        {
          section: 'backoffice-ingest',
          metric: 'back office CPU per 1,000 entries',
          value: (hostCpu * 1e6) / total,
          unit: 'ms',
        },
        {
          section: 'backoffice-ingest',
          metric: 'PostgreSQL CPU per 1,000 entries',
          value: (pgCpu * 1e6) / total,
          unit: 'ms',
        },
        {
          // What the two cores would carry if the bench had them to itself.
          section: 'backoffice-ingest',
          metric: 'CPU-bound rate on 2 idle cores',
          value: (2 * total) / (hostCpu + pgCpu),
          unit: 'entries/s',
        },
        {
          // The CPU share that must stay: canonical JSON and SHA-256 of every entry.
          section: 'backoffice-ingest',
          metric: 'checks per batch (parse, schema, hashes)',
          value: verifyMs,
          unit: 'ms',
        },
      ];
    } finally {
      host?.proc.kill('SIGTERM');
      cluster.stop();
    }
  },
};
