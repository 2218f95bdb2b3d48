import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '@app/errors';
import type { ImportPlan } from './import-plan';

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

/**
 * The worker: the script built next to the app's bundle (dist/main), or, when the app runs
 * from source (tests, `npm run bench`), the TypeScript source loaded through tsx's API.
 */
function startWorker(job: ImportJob): Worker {
  const bundled = typeof __dirname === 'string' ? join(__dirname, 'catalog-import-worker.cjs') : '';
  if (bundled !== '' && existsSync(bundled)) return new Worker(bundled, { workerData: job });
  const root = process.cwd();
  const source = pathToFileURL(join(root, 'main/catalog/import-worker.ts')).href;
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(source)}, {
    parentURL: ${JSON.stringify(pathToFileURL(join(root, 'package.json')).href)},
    tsconfig: ${JSON.stringify(join(root, 'tsconfig.main.json'))},
  }));`;
  return new Worker(boot, { eval: true, workerData: job });
}

/** Runs the import in a worker thread with its own database connection. */
export const workerImportRunner: ImportRunner = (job, onProgress) =>
  new Promise((resolve) => {
    const worker = startWorker(job);
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
