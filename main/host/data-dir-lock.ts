import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** Who holds a data folder: what the lock file says. */
export interface LockHolder {
  pid: number;
  startedAt: string;
}

export type DataDirLock =
  { ok: true; file: string; release(): void } | { ok: false; file: string; holder: LockHolder };

export const LOCK_FILE = 'countertop.lock';

/**
 * One till per data folder: two processes on one ledger would run two carts and two
 * uploaders. The lock is a file created with O_EXCL holding this process's id; a file left
 * by a process that is gone (a crash, kill -9, a power cut) is taken over.
 */
export function lockDataDir(
  dataDir: string,
  isAlive: (pid: number) => boolean = processExists,
): DataDirLock {
  const file = join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (create(file, mine)) {
      return { ok: true, file, release: () => releaseIfMine(file, mine.pid) };
    }
    const holder = readHolder(file);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      return { ok: false, file, holder };
    }
    removeStale(file, holder);
  }
  const holder = readHolder(file);
  return { ok: false, file, holder: holder ?? { pid: 0, startedAt: '' } };
}

/** The message a second launch prints. */
export function describeHeldLock(dataDir: string, lock: { file: string; holder: LockHolder }) {
  return (
    `Countertop is already running on the data folder ${dataDir}: process ${String(lock.holder.pid)}` +
    `${lock.holder.startedAt ? `, started ${lock.holder.startedAt},` : ''} holds ${lock.file}. ` +
    'Use that window, or stop that process first. To run a second till, give it its own ' +
    'folder with --data-dir.'
  );
}

function create(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) {
      return null;
    }
    return {
      pid: parsed.pid,
      startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : '',
    };
  } catch {
    // Gone since, or torn by a crash between create and write: either way not a live holder.
    return null;
  }
}

/**
 * Moves the stale file aside before deleting it, and only deletes what was moved if it is
 * still the stale holder's: a launch that took the lock in between keeps it.
 */
function removeStale(file: string, stale: LockHolder | null): void {
  const aside = `${file}.${String(process.pid)}`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  const moved = readHolder(aside);
  if (moved?.pid === stale?.pid) {
    unlinkSync(aside);
    return;
  }
  // Someone else's live lock was moved: put it back unless yet another launch took the name.
  try {
    linkSync(aside, file);
  } catch {
    // The name is taken again: that launch holds the folder now.
  }
  unlinkSync(aside);
}

function releaseIfMine(file: string, pid: number): void {
  if (readHolder(file)?.pid !== pid) return;
  try {
    unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
