import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@app': here('./app'),
      '@native': here('./native'),
      '@main': here('./main'),
      '@backoffice': here('./backoffice'),
    },
  },
  test: {
    include: ['{app,backoffice,main,native,renderer}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
