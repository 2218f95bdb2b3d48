import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs a TypeScript file of ours in its own Node process (tests that kill -9 it). tsx
 * resolves the @app/… aliases from the tsconfig that declares them.
 */
export function spawnTsChild(file: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.main.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Calls `onLine` with each complete stdout line as it arrives. */
export function onStdoutLines(
  child: ChildProcessWithoutNullStreams,
  onLine: (line: string) => void,
) {
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
}
