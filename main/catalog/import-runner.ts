import type { ErrorCode } from '@app/errors';
import type { ImportPlan } from './import-plan';
import { startWorker } from '../workers/start-worker';

export interface ImportJob {
  file: string;
  nativeBinding?: string;
  plan: Pick<ImportPlan, 'adds' | 'changes' | 'newCategories'>;
}

export type WorkerMessage =
  | { kind: 'progress'; done: number }
  | { kind: 'done'; written: number }
  | { kind: 'failed'; code: ErrorCode | null; message: string };

export type ImportOutcome =
  { ok: true; written: number } | { ok: false; code: ErrorCode | null; message: string };

/** Applies a plan somewhere; the service does not care where. */
export type ImportRunner = (
  job: ImportJob,
  onProgress: (done: number) => void,
) => Promise<ImportOutcome>;

/** Runs the import in a worker thread with its own database connection. */
export const workerImportRunner: ImportRunner = (job, onProgress) =>
  new Promise((resolve) => {
    const worker = startWorker('catalog-import-worker.cjs', 'main/catalog/import-worker.ts', job);
    let settled = false;
    const finish = (outcome: ImportOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.done);
      else if (message.kind === 'done') finish({ ok: true, written: message.written });
      else finish({ ok: false, code: message.code, message: message.message });
    });
    worker.on('error', (error) => finish({ ok: false, code: null, message: error.message }));
    worker.on('exit', (code) =>
      finish({ ok: false, code: null, message: `import worker exited with ${String(code)}` }),
    );
  });
