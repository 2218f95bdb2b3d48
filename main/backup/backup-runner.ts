import { startWorker } from '../workers/start-worker';
import type { Verification } from './verify-copy';

export type BackupJob =
  | {
      kind: 'backup';
      /** The live ledger, read from a snapshot of the worker's own connection. */
      ledger: string;
      destination: string;
      pagesPerStep?: number;
      nativeBinding?: string;
    }
  | {
      kind: 'copy';
      source: string;
      destination: string;
      /** Turn the source's journal from WAL to a rollback journal first (a fresh snapshot). */
      plainJournal: boolean;
      nativeBinding?: string;
    }
  | { kind: 'verify'; file: string; nativeBinding?: string };

export type JobPhase = 'copying' | 'writing' | 'verifying';

export type BackupWorkerMessage =
  | { kind: 'progress'; phase: JobPhase; done: number; total: number }
  | { kind: 'done'; verification: Verification }
  | { kind: 'failed'; code: string | null; message: string };

/** A file system error from the worker, with its errno code (ENOSPC, EACCES, …) kept. */
export class BackupIoError extends Error {
  constructor(
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'BackupIoError';
  }
}

export interface RunningJob {
  done: Promise<Verification>;
  /** Stops the worker (the services are closing); `done` rejects. */
  cancel: () => void;
}

/** Runs a job somewhere; the service does not care where (tests may run it in-line). */
export type BackupRunner = (
  job: BackupJob,
  onProgress: (phase: JobPhase, done: number, total: number) => void,
) => RunningJob;

/** Runs the job on a worker thread, which reads and writes with blocking calls. */
export const workerBackupRunner: BackupRunner = (job, onProgress) => {
  const worker = startWorker('backup-worker.cjs', 'main/backup/backup-worker.ts', job);
  const done = new Promise<Verification>((resolve, reject) => {
    worker.on('message', (message: BackupWorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.phase, message.done, message.total);
      else if (message.kind === 'done') resolve(message.verification);
      else reject(new BackupIoError(message.code, message.message));
    });
    worker.on('error', (error) => reject(new BackupIoError(null, error.message)));
    worker.on('exit', (code) =>
      reject(new BackupIoError(null, `backup worker exited with ${String(code)}`)),
    );
  });
  return { done, cancel: () => void worker.terminate() };
};
