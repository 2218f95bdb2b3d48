import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SocatPtyPair {
  /** Ends socat (SIGTERM, then SIGKILL after `graceMs`): both ptys hang up, both links go. */
  kill(graceMs?: number): Promise<void>;
}

/**
 * Two linked ptys, like a null-modem cable: `socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B`. Resolves once both links exist.
 */
export async function startSocatPtyPair(linkA: string, linkB: string): Promise<SocatPtyPair> {
  const socat = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${linkA}`, `pty,raw,echo=0,link=${linkB}`],
    { stdio: 'ignore' },
  );
  const spawnFailed = new Promise<Error>((done) => socat.once('error', done));
  const exited = new Promise<void>((done) => socat.once('exit', () => done()));
  const deadline = Date.now() + 5000;
  while (!(existsSync(linkA) && existsSync(linkB))) {
    if (Date.now() > deadline || socat.exitCode !== null || socat.pid === undefined) {
      socat.kill();
      const cause = await Promise.race([spawnFailed, delay(20).then(() => null)]);
      throw new Error(
        cause
          ? `socat: ${cause.message} (is socat installed?)`
          : `socat did not create ${linkA} and ${linkB}`,
      );
    }
    await delay(20);
  }
  return {
    kill: async (graceMs = 2000) => {
      if (socat.exitCode !== null || socat.signalCode !== null) return;
      socat.kill('SIGTERM');
      // A loaded machine must not leave a test waiting on a socat that ignores SIGTERM.
      const escalate = setTimeout(() => socat.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(escalate);
    },
  };
}

const delay = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
