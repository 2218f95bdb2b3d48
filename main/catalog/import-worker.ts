import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '@app/result';
import { openDatabase } from '../ledger/database';
import { SettingsStore } from '../settings/settings-store';
import { CatalogStore } from './catalog-store';
import { applyPlan } from './import-plan';
import type { ImportJob, WorkerMessage } from './import-runner';

/**
 * Applies a planned import on its own connection, in one transaction, off the main thread:
 * the main thread keeps delivering progress to the screen while this one writes. A failure
 * rolls the whole import back and is reported as a value.
 */
const job = workerData as ImportJob;
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
const db = openDatabase(job.file, {
  checkpoint: 'manual',
  ...(job.nativeBinding === undefined ? {} : { nativeBinding: job.nativeBinding }),
});
try {
  const taxClasses = new SettingsStore(db).get().taxClasses.map((c) => c.id);
  const catalog = new CatalogStore(db, () => taxClasses);
  catalog.useImportCache();
  const written = applyPlan(catalog, job.plan, (done) => post({ kind: 'progress', done }));
  post({ kind: 'done', written });
} catch (error) {
  post({
    kind: 'failed',
    code: error instanceof DomainError ? error.code : null,
    message: error instanceof Error ? error.message : String(error),
  });
} finally {
  db.close();
}
