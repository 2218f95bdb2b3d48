import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { NewEntry } from '@app/ledger/entry';
import { handComputedDay, local } from '@app/reports/test-day';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';
import { MERCHANT } from '@backoffice/host/test-support';
import { dashboardFeature } from '@backoffice/dashboard/dashboard-feature';
import { recordAlarm } from '@backoffice/dashboard/alarms';
import {
  addTill,
  storeLedger,
  testScryptCost,
  zCloseAt,
} from '@backoffice/dashboard/dashboard.test-support';
import { tempRunDir } from './support/browser-host';

/**
 * The owner's dashboard in Chromium, served by the back office (`npm run host`): two shops
 * with a till each, both having sold the hand-computed day of app/reports/test-day.ts today
 * (net 30.95, fees 0.11, expected settlement 17.74 per till).
 */
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const PASSWORD = 'owner password 1';

/** The hand-computed day moved to today, at the same local clock times in this machine's zone. */
function today(entries: NewEntry[]): NewEntry[] {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const shift = midnight.getTime() - Date.parse('2026-11-22T00:00:00.000+08:00');
  return entries.map((e) => ({ ...e, at: new Date(Date.parse(e.at) + shift).toISOString() }));
}

async function seed(host: TestHost): Promise<void> {
  const now = Date.now();
  for (const [terminalId, shopId, shopName, lastContactAt] of [
    ['TILLA001', 'SHOP-1', 'Nanjing Road 南京路店', now - 30_000],
    ['TILLB001', 'SHOP-2', 'Huaihai Road 淮海路店', now - 3 * 3_600_000],
  ] as const) {
    await addTill(host.db, {
      merchantId: MERCHANT.merchantId,
      shopId,
      shopName,
      timeZone: ZONE,
      terminalId,
      lastContactAt,
    });
  }
  const zClose = zCloseAt(local('22:00'));
  await storeLedger(host.db, 'TILLA001', today([...handComputedDay(), zClose]), {
    receivedAt: now - 20_000,
  });
  await storeLedger(host.db, 'TILLB001', today(handComputedDay()), {
    receivedAt: now - 10_800_000,
  });
  await host.db.execute(
    `INSERT INTO settlements (terminal_id, settlement_id, batch_no, through_seq, status, settled_at)
     VALUES ('TILLA001', 'S-1', '000001', 99, 'balanced', $1)`,
    [now - 15_000],
  );
  await recordAlarm(host.db, {
    terminalId: 'TILLB001',
    kind: 'chain_broken',
    detail: '{"atSeq":12}',
    at: now - 10_000,
  });
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel(/Login name|登录名/).fill('owner');
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
}

test('the owner sets up a login, signs in, filters by shop and till and downloads CSV', async ({
  page,
}) => {
  const feature = dashboardFeature({
    scryptCost: testScryptCost,
    defaultTimeZone: ZONE,
    staticDir: join(process.cwd(), 'dist/dashboard'),
  });
  const host = await startTestHost({
    dbFile: join(tempRunDir('dashboard'), 'backoffice.sqlite'),
    merchants: [MERCHANT],
    migrations: feature.migrations,
    routes: (db) => feature.routes(db),
  });
  let closed = false;
  try {
    await seed(host);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.addInitScript(() => localStorage.setItem('countertop.dashboard.locale', 'en'));

    // The one-time link `npm run host` prints: choose the owner's login and password.
    await page.goto(`${host.url}${(await feature.setupPath()) ?? ''}`);
    await page.getByLabel('Login name').fill('Owner');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Password again').fill('something else');
    await page.getByRole('button', { name: 'Create the owner' }).click();
    await expect(page.getByRole('alert')).toHaveText('The two passwords differ.');
    await page.getByLabel('Password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create the owner' }).click();
    await expect(page.getByText('The owner’s login “owner” is set up.')).toBeVisible();

    // A wrong password is refused in words, and the password field is emptied.
    await signIn(page, 'not the password');
    await expect(page.getByRole('alert')).toHaveText('Wrong login name or password.');
    await expect(page.getByLabel('Password')).toHaveValue('');
    await page.screenshot({ path: 'test-results/e2e/dashboard-login-failed.png' });
    await signIn(page, PASSWORD);

    // Today, all tills: twice the hand-computed day.
    await expect(page.getByText('Signed in as owner')).toBeVisible();
    await expect(page.getByTestId('card-net')).toContainText('61.90');
    await expect(page.getByTestId('card-sales-count')).toContainText('12');
    await expect(page.getByTestId('card-fees')).toContainText('0.22');
    await expect(page.getByTestId('card-settlement')).toContainText('35.48');
    const tills = page.getByTestId('section-tills');
    await expect(tills.locator('tbody tr')).toHaveCount(2);
    await expect(tills.locator('tfoot')).toContainText('61.90');
    const batches = page.getByTestId('section-batches');
    await expect(batches.getByText('Settled, balanced')).toBeVisible();
    await expect(batches.getByText('Open', { exact: true })).toBeVisible();
    const status = page.getByTestId('section-status');
    await expect(status.getByText('Ledger chain broken')).toBeVisible();
    await expect(status.getByText('No contact for over 15 min')).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/dashboard-1280x800.png', fullPage: true });

    // One shop, then one till.
    await page.getByLabel('Shop', { exact: true }).selectOption({ label: 'Huaihai Road 淮海路店' });
    await expect(page.getByTestId('card-net')).toContainText('30.95');
    await expect(tills.locator('tbody tr')).toHaveCount(1);
    await expect(tills.locator('tbody')).toContainText('TILLB001');
    await page.getByLabel('Shop', { exact: true }).selectOption({ label: 'All shops' });
    await page.getByLabel('Till', { exact: true }).selectOption('TILLA001');
    await expect(tills.locator('tbody tr')).toHaveCount(1);
    await expect(tills.locator('tbody')).toContainText('TILLA001');
    await expect(page.getByTestId('card-settlement')).toContainText('17.74');

    // The per-till CSV of what is on screen, exact decimals.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tills.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const saved = join(tempRunDir('dashboard-csv'), download.suggestedFilename());
    await download.saveAs(saved);
    const csv = readFileSync(saved, 'utf8');
    expect(csv).toContain(',SHOP-1,TILLA001,CNY,6,44.45,3.50,10.00,0.00,30.95,17.85,0.11,17.74');
    expect(csv).not.toContain('TILLB001');

    // A range with nothing sold, and one typed backwards.
    await page.getByLabel('Till', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await expect(page.getByTestId('card-net')).toContainText('61.90');
    await page.getByLabel('From').fill('2030-01-02');
    await page.getByLabel('To').fill('2030-01-01');
    await expect(page.getByText('Choose a start date on or before the end date.')).toBeVisible();

    // 1024 × 768, in Chinese.
    await page.getByRole('button', { name: 'Today' }).click();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByTestId('card-net')).toContainText('净销售额');
    await expect(page.getByTestId('card-net')).toContainText('¥61.90');
    await page.screenshot({ path: 'test-results/e2e/dashboard-1024x768-zh.png', fullPage: true });
    const box = await page.getByTestId('summary-cards').boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1024);

    // The back office goes away: the owner is told, in words, not shown stale numbers as new.
    await host.close();
    closed = true;
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(page.getByRole('alert')).toContainText('无法连接后台');
  } finally {
    if (!closed) await host.close();
  }
});
