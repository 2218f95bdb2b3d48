import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { CatalogStore } from '@main/catalog/catalog-store';
import { syntheticCatalog } from '@main/catalog/demo-catalog';
import { openDatabase } from '@main/ledger/database';
import { chromiumPath } from '../playwright.config';
import { startBrowserHost } from '../e2e/support/browser-host';
import type { RunningHost } from '../e2e/support/browser-host';
import type { BenchRow, BenchSection } from './section';
import { summarize } from './stats';
import { armClock, installScreenClock, readClock } from './screen-timing';
import type { Split } from './screen-timing';

const PRODUCTS = 1_000_000;
const SEED = 20_261_122;
const SIGN_INS = 40;
const SCANS = 600;
/** Lines per sale before it is cancelled: a long basket, never a cart of hundreds. */
const LINES_PER_SALE = 30;
const FIRST_PAINT_TARGET_MS = 300;
const SCAN_TARGET_MS = 50;
const OWNER = { name: 'Bench Owner', pin: '2468' };

/** The app as `npm start` runs it: the renderer with Vite, main with esbuild. */
function buildApp(): void {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
}

async function openTill(browser: Browser, host: RunningHost): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await installScreenClock(page);
  await page.goto(host.launchUrl);
  return page;
}

/** First start: the set-up wizard and a shift, as a shop's first morning. */
async function setUp(page: Page): Promise<void> {
  await page.getByTestId('setup-locale').selectOption('en');
  await page.getByTestId('setup-ownerName').fill(OWNER.name);
  await page.getByTestId('setup-pin').fill(OWNER.pin);
  await page.getByTestId('setup-pinAgain').fill(OWNER.pin);
  await page.getByTestId('setup-shopName').fill('Bench Shop');
  await page.getByTestId('setup-shopAddress').fill('1 Bench Road');
  await page.getByTestId('setup-finish').click();
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('shift-float').fill('0');
  await page.getByTestId('shift-open').click();
  await page.getByTestId('shift-totals').waitFor();
}

/** A million products written into the stopped till's database, as a bulk import leaves them. */
function seedCatalog(dataDir: string, kept: string[]): void {
  const db = openDatabase(join(dataDir, 'ledger.sqlite'));
  try {
    let i = 0;
    const every = Math.floor(PRODUCTS / SCANS);
    const products = (function* () {
      for (const product of syntheticCatalog(PRODUCTS, SEED)) {
        if (i++ % every === 0) kept.push(product.barcode);
        yield product;
      }
    })();
    new CatalogStore(db).upsertMany(products);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** From Enter on the PIN to the painted Sell screen (scan field and total), `SIGN_INS` times. */
async function signIns(page: Page): Promise<Split[]> {
  const samples: Split[] = [];
  for (let i = 0; i < SIGN_INS; i += 1) {
    await page.getByTestId('login-input').fill(OWNER.pin);
    await armClock(page, '[data-testid="scan-input"], [data-testid="total"]', 2, '.lock-screen');
    await page.keyboard.press('Enter');
    samples.push(await readClock(page));
    await page.getByTestId('session-lock').click();
    await page.getByTestId('login-input').waitFor();
  }
  return samples;
}

/** From Enter after a barcode to the painted cart line, for each of `codes`. */
async function scans(page: Page, codes: readonly string[]): Promise<Split[]> {
  const samples: Split[] = [];
  const input = page.getByTestId('scan-input');
  let lines = 0;
  for (const code of codes) {
    if (lines === LINES_PER_SALE) {
      await page.getByTestId('cart-clear').click();
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('cart-line').first().waitFor({ state: 'detached' });
      lines = 0;
    }
    await input.fill(code);
    await armClock(page, '[data-testid="cart-line"]', lines + 1);
    await input.press('Enter');
    samples.push(await readClock(page));
    lines += 1;
  }
  return samples;
}

/**
 * p50 and p99 of the whole (Enter to painted frame, against the target), then of its parts:
 * main's (Enter to its first answer), the page's update, and the wait for the painted frame.
 */
function rows(what: string, samples: readonly Split[], targetMs: number): BenchRow[] {
  const whole = summarize(samples.map((s) => s.total));
  const main = summarize(samples.map((s) => s.main));
  const render = summarize(samples.map((s) => s.render));
  const paint = summarize(samples.map((s) => s.paint));
  const row = (metric: string, value: number, target?: number): BenchRow => ({
    section: 'till-screen',
    metric,
    value,
    unit: 'ms',
    ...(target === undefined ? {} : { target: `≤ ${String(target)} ms`, pass: value <= target }),
  });
  return [
    row(`${what} p50`, whole.p50, targetMs),
    row(`${what} p99`, whole.p99, targetMs),
    row(`${what}: main's answer p50`, main.p50),
    row(`${what}: main's answer p99`, main.p99),
    row(`${what}: answer to page updated p50`, render.p50),
    row(`${what}: answer to page updated p99`, render.p99),
    row(`${what}: page updated to painted p50`, paint.p50),
    row(`${what}: page updated to painted p99`, paint.p99),
  ];
}

export const tillScreenSection: BenchSection = {
  name: 'till-screen',
  description: `The built app in Chromium through the browser host with ${PRODUCTS.toLocaleString('en')} products: Sell painted after sign-in (${SIGN_INS}×), a scan's line painted (${SCANS}×)`,
  async run(): Promise<BenchRow[]> {
    buildApp();
    const dataDir = mkdtempSync(join(tmpdir(), 'countertop-bench-screen-'));
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    let host: RunningHost | null = null;
    try {
      host = await startBrowserHost(dataDir);
      await setUp(await openTill(browser, host));
      await host.stop();
      const codes: string[] = [];
      seedCatalog(dataDir, codes);
      codes.sort(() => Math.random() - 0.5);

      host = await startBrowserHost(dataDir);
      const page = await openTill(browser, host);
      await page.getByTestId(`login-user-${OWNER.name}`).click();
      const loadBefore = loadavg()[0] ?? 0;
      const signIn = await signIns(page);
      await page.getByTestId('login-input').fill(OWNER.pin);
      await page.keyboard.press('Enter');
      await page.getByTestId('scan-input').waitFor();
      const scan = await scans(page, codes);
      await page.screenshot({ path: 'bench/results/till-screen.png' });
      // The tails are the machine's as much as the till's: say how busy it was.
      const load = Math.max(loadBefore, loadavg()[0] ?? 0);
      return [
        ...rows('Sell painted after sign-in', signIn, FIRST_PAINT_TARGET_MS),
        ...rows('scan to line painted', scan, SCAN_TARGET_MS),
        {
          section: 'till-screen',
          metric: 'machine load (1 min average) while measuring',
          value: load,
          unit: `on ${String(cpus().length)} CPUs`,
        },
      ];
    } finally {
      await host?.stop();
      await browser.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
