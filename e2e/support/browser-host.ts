import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { e2eRunRoot } from './run-root';

export interface RunningHost {
  launchUrl: string;
  stop(): Promise<void>;
}

/** A till's data folder, under this run's root: the card-data scan reads it after the run. */
export const tempDataDir = (): string => mkdtempSync(join(e2eRunRoot(), 'data-'));

/** Any other folder a spec writes (a saved download, a test host's store), under the root too. */
export const tempRunDir = (kind: string): string => mkdtempSync(join(e2eRunRoot(), `${kind}-`));

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
