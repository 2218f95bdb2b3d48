import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { WritePace } from './write-pace';

const CHUNK = 1024 * 1024;
/**
 * Copies a file in 1 MiB chunks, hashing what it read, and makes it durable under its final
 * name only once it is complete (written as `<name>.partial`, fsynced, renamed, the folder
 * fsynced): a pulled USB stick or a full disk never leaves a file that looks whole.
 * Runs on a worker: every call blocks.
 */
export function copyFileHashed(
  source: string,
  destination: string,
  onProgress: (done: number, total: number) => void,
): { sha256: string; bytes: number } {
  const partial = `${destination}.partial`;
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const from = openSync(source, 'r');
  let to: number | null = null;
  try {
    const total = fstatSync(from).size;
    to = openSync(partial, 'w');
    let done = 0;
    const pace = new WritePace(partial);
    for (
      let n = readSync(from, buffer, 0, CHUNK, null);
      n > 0;
      n = readSync(from, buffer, 0, CHUNK, null)
    ) {
      hash.update(buffer.subarray(0, n));
      for (let written = 0; written < n;) written += writeSync(to, buffer, written, n - written);
      done += n;
      pace.written(done);
      onProgress(done, total);
    }
    pace.close();
    closeSync(to);
    to = null;
    commitFile(partial, destination);
    return { sha256: hash.digest('hex'), bytes: done };
  } catch (error) {
    if (to !== null) closeSync(to);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    closeSync(from);
  }
}

/** Makes a complete file durable under its final name: fsync it, rename it, fsync the folder. */
export function commitFile(partial: string, destination: string): void {
  const fd = openSync(partial, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, destination);
  syncFolder(dirname(destination));
}

/** fsync of a folder makes a rename in it durable; some file systems (SMB shares) refuse it. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The file itself is fsynced; the rename is as durable as the file system allows.
  }
}

/**
 * The online backup copies page 1 as it is, so the copy says "WAL" and opening it read-only
 * would want -wal and -shm files beside it (on a USB stick, or a read-only one). A rollback
 * journal copy is one self-contained file; the app turns WAL back on when it opens it.
 */
export function useRollbackJournal(file: string, nativeBinding?: string): void {
  const db = new Database(file, {
    fileMustExist: true,
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
  });
  try {
    // A staged snapshot needs no durability of its own: no fsync for the switch.
    db.pragma('synchronous = OFF');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
