import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running one of the app's worker scripts: the bundle built next to the
 * app's (dist/main/<bundled>), or, when the app runs from source (tests, `npm run bench`),
 * the TypeScript source loaded through tsx's API.
 */
export function startWorker(bundled: string, source: string, workerData: unknown): Worker {
  const built = typeof __dirname === 'string' ? join(__dirname, bundled) : '';
  if (built !== '' && existsSync(built)) return new Worker(built, { workerData });
  const root = process.cwd();
  const sourceUrl = pathToFileURL(join(root, source)).href;
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(sourceUrl)}, {
    parentURL: ${JSON.stringify(pathToFileURL(join(root, 'package.json')).href)},
    tsconfig: ${JSON.stringify(join(root, 'tsconfig.main.json'))},
  }));`;
  return new Worker(boot, { eval: true, workerData });
}
