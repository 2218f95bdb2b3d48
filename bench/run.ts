import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [-- --only=fsync,commit,catalog]`. The root tsconfig.json declares no path
 * aliases, so under plain `tsx` the `@main/…` imports would not resolve: this entry point
 * re-runs itself with tsx pointed at tsconfig.tools.json, then loads the bench.
 */
const tsconfig = fileURLToPath(new URL('../tsconfig.tools.json', import.meta.url));

if (process.env.TSX_TSCONFIG_PATH === undefined) {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
  });
  process.exitCode = result.status ?? 1;
} else {
  const { runBench } = await import('./runner');
  await runBench(process.argv.slice(2));
}
