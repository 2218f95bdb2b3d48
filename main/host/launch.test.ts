/**
 * `npm start` from source in its own process, as a shop would launch it twice by accident:
 * the second launch on the same data folder stops and names the process that holds it, and
 * the till runs with core dumps off even when the shell allowed them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onStdoutLines, spawnTsChild } from '../testing/ts-child';
import { LOCK_FILE } from './data-dir-lock';
import { softCoreLimit } from './core-dumps';

const root = fileURLToPath(new URL('../..', import.meta.url));
const running: ChildProcessWithoutNullStreams[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map(stop));
});

function launch(dataDir: string, shell = ''): ChildProcessWithoutNullStreams {
  const args = ['main/start.ts', '--browser', '--no-open', `--data-dir=${dataDir}`];
  const child = shell
    ? // `shell` runs first in a shell that then becomes the launch (e.g. to allow core dumps).
      spawn(
        '/bin/sh',
        ['-c', `${shell}; exec "$@"`, 'sh', process.execPath, '--import', 'tsx', ...args],
        {
          cwd: root,
          env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.main.json') },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      )
    : spawnTsChild(args[0] ?? '', args.slice(1));
  running.push(child);
  return child;
}

/** Resolves the launch URL once the host is serving, or rejects with what it printed. */
function started(child: ChildProcessWithoutNullStreams): Promise<string> {
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    onStdoutLines(child, (line) => {
      output += line + '\n';
      const match = /^Open: (\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${String(code)}: ${output}`)));
  });
}

function exited(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const lockHolder = (dataDir: string): { pid: number } =>
  JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };

describe('launching the browser host', () => {
  it('refuses a second launch on the same data folder and names the process holding it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'countertop-launch-'));
    const first = launch(dataDir);
    await started(first);
    const { pid } = lockHolder(dataDir);

    const second = await exited(launch(dataDir));
    expect(second.code).toBe(75);
    expect(second.stderr).toContain(`already running on the data folder ${dataDir}`);
    expect(second.stderr).toContain(`process ${String(pid)}`);

    // The first one is untouched and releases the folder when it stops.
    expect(first.exitCode).toBeNull();
    await stop(first);
    await started(launch(dataDir));
  }, 60_000);

  it('takes over the lock of a till that was killed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'countertop-launch-'));
    await started(launch(dataDir));
    const { pid } = lockHolder(dataDir);
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));

    await started(launch(dataDir));
    expect(lockHolder(dataDir).pid).not.toBe(pid);
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'runs with core dumps off even when the shell allowed them',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'countertop-launch-'));
      // Raising the soft limit to the hard one is allowed; if the hard limit is 0 already,
      // dumps are off whatever the app does, and the check below holds all the same.
      await started(launch(dataDir, 'ulimit -S -c $(ulimit -H -c) 2>/dev/null'));
      const limits = readFileSync(`/proc/${String(lockHolder(dataDir).pid)}/limits`, 'utf8');
      expect(softCoreLimit(limits)).toBe(0);
      expect(/^Max core file size\s+\S+\s+(\S+)/m.exec(limits)?.[1]).toBe('0');
    },
    60_000,
  );
});
