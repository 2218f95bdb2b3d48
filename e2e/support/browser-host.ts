import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  launchUrl: string;
  stop(): Promise<void>;
}

export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'countertop-e2e-'));

/**
 * Starts the built app as `npm start` would (dist/main/start.cjs, browser host, no window)
 * and waits for the URL it prints: an app event, not a sleep.
 */
export async function startBrowserHost(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    ['dist/main/start.cjs', '--browser', '--no-open', `--data-dir=${dataDir}`, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${String(code)}:\n${output}`)));
    setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
  });
  // A host that dies mid-test leaves only "disconnected" on screen: show why.
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`browser host exited: ${String(code ?? signal)}\n`);
  });
  let stopping = false;
  return {
    launchUrl,
    stop: () => {
      stopping = true;
      return stop(child);
    },
  };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
