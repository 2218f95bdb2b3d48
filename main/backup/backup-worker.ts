import { readlinkSync, rmSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { commitFile, copyFileHashed, useRollbackJournal } from './copy-file';
import { copySnapshot } from './snapshot-copy';
import { verifyCopy } from './verify-copy';
import type { Verification } from './verify-copy';
import type { BackupJob, BackupWorkerMessage, JobPhase } from './backup-runner';

/**
 * The work of a backup or a restore, off the main thread so sales never wait for it: the
 * online copy of the ledger onto the owner's folder (a USB stick, a network share), copying
 * a backup back beside the ledger, and reading a copy back to verify it.
 */
const job = workerData as BackupJob;
lowerPriority();
const post = (message: BackupWorkerMessage): void => parentPort?.postMessage(message);

/** Progress at most every 1 % of a phase: the screen needs no more. */
function reporter(phase: JobPhase): (done: number, total: number) => void {
  let reported = -1;
  return (done, total) => {
    const percent = Math.floor((done / Math.max(total, 1)) * 100);
    if (percent === reported) return;
    reported = percent;
    post({ kind: 'progress', phase, done, total });
  };
}

async function backUp(ledger: string, destination: string): Promise<Verification> {
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    await copySnapshot(ledger, partial, {
      onProgress: reporter('copying'),
      ...(job.kind === 'backup' && job.pagesPerStep !== undefined
        ? { pagesPerStep: job.pagesPerStep }
        : {}),
      ...(job.nativeBinding === undefined ? {} : { nativeBinding: job.nativeBinding }),
    });
    useRollbackJournal(partial, job.nativeBinding);
    commitFile(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  post({ kind: 'progress', phase: 'verifying', done: 0, total: 0 });
  return verifyCopy(destination, job.nativeBinding);
}

function copyAndVerify(source: string, destination: string, plainJournal: boolean): Verification {
  if (plainJournal) useRollbackJournal(source, job.nativeBinding);
  const copied = copyFileHashed(source, destination, reporter('writing'));
  post({ kind: 'progress', phase: 'verifying', done: 0, total: copied.bytes });
  const verification = verifyCopy(destination, job.nativeBinding);
  if (verification.sha256 !== copied.sha256) {
    verification.ok = false;
    verification.problems.push({
      kind: 'checksum',
      detail: 'the file read back differs from what was written',
    });
  }
  return verification;
}

async function run(): Promise<Verification> {
  switch (job.kind) {
    case 'backup':
      return backUp(job.ledger, job.destination);
    case 'copy':
      return copyAndVerify(job.source, job.destination, job.plainJournal);
    case 'verify':
      post({ kind: 'progress', phase: 'verifying', done: 0, total: 0 });
      return verifyCopy(job.file, job.nativeBinding);
  }
}

run().then(
  (verification) => post({ kind: 'done', verification }),
  (error: unknown) => {
    const code =
      error instanceof Error && 'code' in error && typeof error.code === 'string'
        ? error.code
        : null;
    post({ kind: 'failed', code, message: error instanceof Error ? error.message : String(error) });
  },
);

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
