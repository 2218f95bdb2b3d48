import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { copyFileHashed, useRollbackJournal } from './copy-file';
import { verifyCopy } from './verify-copy';
import type { BackupJob, BackupWorkerMessage } from './backup-runner';

/**
 * The slow half of a backup or a restore, off the main thread so sales never wait for it:
 * writing the copy onto the owner's folder (a USB stick, a network share) and reading it
 * back to verify it.
 */
const job = workerData as BackupJob;
lowerPriority();
const post = (message: BackupWorkerMessage): void => parentPort?.postMessage(message);

try {
  if (job.kind === 'copy') {
    if (job.plainJournal) useRollbackJournal(job.source, job.nativeBinding);
    // Progress at most every 1 % of the file: the screen needs no more.
    let reported = -1;
    const copied = copyFileHashed(job.source, job.destination, (done, total) => {
      const percent = Math.floor((done / Math.max(total, 1)) * 100);
      if (percent === reported) return;
      reported = percent;
      post({ kind: 'progress', phase: 'writing', done, total });
    });
    post({ kind: 'progress', phase: 'verifying', done: 0, total: copied.bytes });
    const verification = verifyCopy(job.destination, job.nativeBinding);
    if (verification.sha256 !== copied.sha256) {
      verification.ok = false;
      verification.problems.push({
        kind: 'checksum',
        detail: 'the file read back differs from what was written',
      });
    }
    post({ kind: 'done', verification });
  } else {
    post({ kind: 'progress', phase: 'verifying', done: 0, total: 0 });
    post({ kind: 'done', verification: verifyCopy(job.file, job.nativeBinding) });
  }
} catch (error) {
  const code =
    error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
  post({ kind: 'failed', code, message: error instanceof Error ? error.message : String(error) });
}

/**
 * This thread runs at the lowest CPU priority: on a busy till (two cores are common) the
 * main thread, which commits sales, always goes first. Linux applies a nice value to the
 * one thread whose ID is given; elsewhere this does nothing and the copy just takes its turn.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, constants.priority.PRIORITY_LOW);
  } catch {
    // No /proc, or not allowed: the default priority.
  }
}
