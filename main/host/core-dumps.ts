import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';

/** Set in the relaunched process, so it never relaunches again. */
const RELAUNCHED = 'COUNTERTOP_CORE_LIMIT_SET';

/**
 * The soft core-file size limit of a process from its /proc/<pid>/limits text, in bytes
 * (Infinity for "unlimited"), or null when the line is missing.
 */
export function softCoreLimit(limits: string): number | null {
  const match = /^Max core file size\s+(\S+)/m.exec(limits);
  if (!match?.[1]) return null;
  return match[1] === 'unlimited' ? Infinity : Number(match[1]);
}

/**
 * A core dump of the till holds whatever was in its heap, track data of a swipe in flight
 * included (PCI DSS 3.3.1). Node cannot call setrlimit(2), so when the core-size limit is
 * not already 0 the launcher runs itself again through `sh -c 'ulimit -c 0; exec …'` (the
 * shell lowers the soft and hard limits, which no child can raise again) and only waits for
 * that process, passing signals on. Returns true when it did: the caller must do nothing else.
 * Linux and macOS only; Windows writes no core files.
 */
export function relaunchWithoutCoreDumps(): boolean {
  if (process.platform === 'win32' || process.env[RELAUNCHED] === '1') return false;
  if (process.platform === 'linux' && currentSoftLimit() === 0) return false;
  const script = process.argv[1];
  if (script === undefined) return false;
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      'ulimit -c 0; exec "$@"',
      'countertop',
      process.execPath,
      ...process.execArgv,
      script,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, [RELAUNCHED]: '1' } },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) =>
    process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)),
  );
  child.on('error', (error) => {
    console.error(`Could not start Countertop without core dumps: ${error.message}`);
    process.exit(1);
  });
  return true;
}

function currentSoftLimit(): number | null {
  try {
    return softCoreLimit(readFileSync('/proc/self/limits', 'utf8'));
  } catch {
    return null;
  }
}
