import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private PostgreSQL cluster in a temporary folder, for tests and benches. The server
 * refuses to run as root, so as root it runs as `nobody` (uid 65534, via setpriv) in a folder
 * that user owns. It listens on a Unix socket in that folder only: no TCP port to collide.
 */
export interface PgCluster {
  /** `postgres:///postgres?host=<dir>&user=<user>`: the cluster's maintenance database. */
  readonly url: string;
  readonly dir: string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): string;
  /** Stops the server (fast shutdown: sessions end, committed work is kept); start() again. */
  stopServer(): void;
  startServer(): void;
  /** Stops the server (immediate shutdown) and removes the folder. */
  stop(): void;
}

const NOBODY = 65534;

/** Debian installs PostgreSQL under /usr/lib/postgresql/<major>/bin; the newest wins. */
export function findPgBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const major = majors[0];
  if (major === undefined) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): run npm run setup',
    );
  }
  return join(root, major, 'bin');
}

export function startPgCluster(options: { settings?: Record<string, string> } = {}): PgCluster {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'countertop-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
  const user = asRoot ? 'nobody' : (process.env['USER'] ?? 'postgres');
  const spawn = (command: string, args: string[]) => {
    const argv = asRoot
      ? [
          '--reuid',
          String(NOBODY),
          '--regid',
          String(NOBODY),
          '--clear-groups',
          join(bin, command),
          ...args,
        ]
      : args;
    return spawnSync(asRoot ? 'setpriv' : join(bin, command), argv, { encoding: 'utf8' });
  };
  const run = (command: string, args: string[]): void => {
    const result = spawn(command, args);
    if (result.status !== 0) {
      throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '--auth=trust', '--username', user, '--encoding=UTF8', '--no-locale']);
  const settings = {
    listen_addresses: "''",
    unix_socket_directories: `'${dir}'`,
    ...options.settings,
  };
  const serverOptions = Object.entries(settings)
    .map(([key, value]) => `-c ${key}=${value}`)
    .join(' ');
  const startServer = (): void =>
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', 'start']);
  startServer();
  const urlOf = (database: string): string =>
    `postgres:///${database}?host=${encodeURIComponent(dir)}&user=${user}`;
  let stopped = false;
  return {
    url: urlOf('postgres'),
    dir,
    createDatabase(name: string): string {
      execFileSync(join(bin, 'createdb'), ['-h', dir, '-U', user, name]);
      return urlOf(name);
    },
    stopServer(): void {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    startServer,
    stop(): void {
      if (stopped) return;
      stopped = true;
      try {
        // The folder goes next: no checkpoint to wait for. A server already stopped is fine.
        spawn('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
