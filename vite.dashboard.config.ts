import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The owner's dashboard (backoffice/dashboard/web), served by the back office at /dashboard/. */
export default defineConfig({
  root: here('./backoffice/dashboard/web'),
  base: './',
  resolve: { alias: { '@app': here('./app') } },
  build: {
    outDir: here('./dist/dashboard'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
