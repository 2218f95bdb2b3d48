import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';
import { connectApi } from './api-client';
import type { ApiClient } from './api-client';
import { onStdoutLines } from './ts-child';

const root = fileURLToPath(new URL('../..', import.meta.url));
const child = fileURLToPath(new URL('./api-host-child.ts', import.meta.url));

let bundle: Promise<string> | null = null;

/**
 * The child bundled once per test process, as `npm run build` bundles the app: a till that
 * restarts in well under a second, where compiling it afresh at each start would take
 * seconds. It lives under node_modules so its native modules resolve from there.
 */
function bundledChild(): Promise<string> {
  bundle ??= (async () => {
    const outfile = join(
      root,
      'node_modules',
      '.cache',
      'countertop-test',
      `till-${process.pid}.cjs`,
    );
    await build({
      entryPoints: [child],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      tsconfig: join(root, 'tsconfig.main.json'),
      logLevel: 'warning',
      // The simulators' "started directly?" check reads import.meta, which a CJS bundle lacks.
      logOverride: { 'empty-import-meta': 'silent' },
      external: [
        'electron',
        'better-sqlite3',
        'serialport',
        'node-hid',
        'bufferutil',
        'utf-8-validate',
      ],
    });
    return outfile;
  })();
  return bundle;
}

/** A till in a process of its own (api-host-child.ts), driven over its WebSocket API. */
export interface TillProcess {
  pid: number;
  api: ApiClient;
  /** kill -9, resolved once the process is gone. */
  kill9(): Promise<void>;
  /** A clean stop (SIGTERM), as a shutdown. */
  stop(): Promise<void>;
}

export async function startTillProcess(dataDir: string): Promise<TillProcess> {
  const proc = spawn(process.execPath, [await bundledChild(), dataDir], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => proc.once('close', () => resolve()));
  const ready = await new Promise<string[]>((resolve, reject) => {
    onStdoutLines(proc, (line) => line.startsWith('READY ') && resolve(line.split(' ')));
    void exited.then(() => reject(new Error(`till process ended at start: ${stderr}`)));
  });
  const [, url = '', token = '', pid = ''] = ready;
  const api = await connectApi(url, token);
  return {
    pid: Number(pid),
    api,
    kill9: async () => {
      proc.kill('SIGKILL');
      await exited;
      api.close();
    },
    stop: async () => {
      api.close();
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

import type { Caller } from './temp-services';

/** strace attached to every thread of a till; `detach` lets the till run on untraced. */
export interface Strace {
  /** What strace prints as it traces (with -o FILE: only its own messages). */
  output: NodeJS.ReadableStream;
  detach(): Promise<void>;
  kill(): void;
}

/** Attaches `strace -f -p PID ARGS`; resolves once every thread of the till is traced. */
export async function attachStrace(pid: number, args: readonly string[]): Promise<Strace> {
  const strace = spawn('strace', ['-f', '-p', String(pid), ...args]);
  const closed = new Promise<void>((resolve) => strace.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    strace.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('attached')) resolve();
    });
    strace.once('error', reject);
    void closed.then(() => reject(new Error(`strace ended: ${seen}`)));
  });
  return {
    output: strace.stderr,
    detach: async () => {
      strace.kill('SIGINT');
      await closed;
    },
    kill: () => strace.kill('SIGKILL'),
  };
}

/** Only the WAL's fsyncs: the commit's, and a checkpoint's. */
const walSyncs = (wal: string): string[] => ['-e', 'trace=fsync,fdatasync', '-P', wal];

/**
 * The deterministic crash of issue "exactly once": strace holds the first fsync of the WAL
 * after it returns (the commit is durable), the till is killed with -9 while it is held, so
 * the commit is on disk and its answer never left. `act` starts the command that commits; a
 * command sent just before keeps the idle checkpoint from taking that first fsync.
 */
export async function crashAfterCommitFsync(
  till: TillProcess,
  wal: string,
  act: (call: Caller) => Promise<unknown>,
): Promise<void> {
  const strace = await attachStrace(till.pid, [
    ...walSyncs(wal),
    '-e',
    'inject=fsync,fdatasync:delay_exit=20000000:when=1',
  ]);
  const held = new Promise<void>((resolve) => {
    strace.output.on('data', (chunk: Buffer) => chunk.toString().includes('DELAYED') && resolve());
  });
  await till.api.call('cart.get', {});
  const answered = act(till.api.call).then(
    () => 'answered',
    () => 'answered',
  );
  const first = await Promise.race([held.then(() => 'held'), answered]);
  if (first !== 'held') throw new Error('the command answered before its commit fsync was held');
  // SIGKILL first, then strace: released from the held fsync, the till dies before it returns.
  const gone = till.kill9();
  strace.kill();
  await gone;
}

/**
 * The first fsync of the WAL fails with EIO while `act` runs (an unknown outcome); returns
 * what the command answered. The till stays up; strace detaches afterwards.
 */
export async function failCommitFsync<T>(
  till: TillProcess,
  wal: string,
  act: (call: Caller) => Promise<T>,
): Promise<T> {
  const strace = await attachStrace(till.pid, [
    ...walSyncs(wal),
    '-e',
    'inject=fsync,fdatasync:error=EIO:when=1',
  ]);
  await till.api.call('cart.get', {});
  try {
    return await act(till.api.call);
  } finally {
    await strace.detach();
  }
}
