import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download is unreachable on these machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  tsconfig: './tsconfig.tools.json',
  // One folder per run for every till's data; the card-data scan reads it after all specs.
  globalSetup: './e2e/support/global-setup.ts',
  projects: [
    { name: 'e2e', testMatch: '**/*.spec.ts', teardown: 'card-data scan' },
    { name: 'card-data scan', testMatch: '**/card-data.teardown.ts' },
  ],
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1366, height: 800 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
