import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Opens the till in a Chromium app window (no tabs, no address bar); false if none found. */
export function openChromiumApp(url: string, profileDir: string): boolean {
  const binary = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!binary) return false;
  const args = [
    `--app=${url}`,
    `--user-data-dir=${join(profileDir)}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to start as root with its sandbox on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(binary, args, { stdio: 'ignore', detached: true });
  child.unref();
  return true;
}
