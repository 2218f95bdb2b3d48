// Builds what `npm start` and Electron run: the renderer with Vite, main and preload with esbuild.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const quiet = process.argv.includes('--quiet');

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });
// The owner's dashboard, served by the back office (backoffice/dashboard).
await viteBuild({ configFile: 'vite.dashboard.config.ts', logLevel: quiet ? 'warn' : 'info' });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  tsconfig: 'tsconfig.main.json',
  logLevel: 'warning',
  define: { 'process.env.COUNTERTOP_VERSION': JSON.stringify(version) },
  // Native modules load from node_modules (unpacked from asar in a packaged app).
  external: [
    'electron',
    'better-sqlite3',
    'serialport',
    'node-hid',
    'bufferutil',
    'utf-8-validate',
  ],
};

await esbuild({
  ...common,
  entryPoints: {
    start: 'main/start.ts',
    'electron-main': 'main/electron/electron-main.ts',
    // CSV imports are applied on a worker thread (main/catalog/import-runner.ts).
    'catalog-import-worker': 'main/catalog/import-worker.ts',
    // Backups are written and verified on a worker thread (main/backup/backup-runner.ts).
    'backup-worker': 'main/backup/backup-worker.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
});

// A sandboxed preload can require only a few Electron modules: everything else is bundled.
await esbuild({
  ...common,
  entryPoints: { preload: 'main/electron/preload.ts' },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});
if (!quiet) console.log('Built dist/renderer, dist/dashboard and dist/main.');
