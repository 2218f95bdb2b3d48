import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { parseDecimal } from '@app/money/format';
import { summaryOfCsv } from '@app/reports/csv';
import { startBrowserHost, tempDataDir, tempRunDir } from './support/browser-host';
import { sellTwoItemsForCash } from './support/cash-sale-flow';
import { closeShift, OWNER, setUpAndSignIn } from './support/staff';
import { goTo } from './support/nav';

/** The exact minor units a figure on screen stands for (its data-minor attribute). */
const minorOf = async (page: Page, testId: string): Promise<number> =>
  Number(await page.getByTestId(testId).getAttribute('data-minor'));

const FIGURES = [
  'gross',
  'discounts',
  'sales',
  'refunds',
  'voids',
  'net',
  'tax',
  'fees',
  'settlement',
];

test('the owner runs an X and a Z after a sale and the CSV export equals the Z', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  const host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.launchUrl);
    await setUpAndSignIn(page);
    const { total } = await sellTwoItemsForCash(page);
    const totalMinor = parseDecimal(total, 'CNY') ?? NaN;

    await goTo(page, 'reports');
    await expect(page.getByTestId('reports-screen')).toBeVisible();
    await expect(page.getByTestId('kpi-net').locator('strong')).toHaveAttribute(
      'data-minor',
      String(totalMinor),
    );
    await expect(page.getByTestId('hour-chart')).toBeVisible();
    await expect(page.getByTestId('tender-cash')).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/reports-dashboard.png', fullPage: true });

    // X: read only, the same figures.
    await page.getByTestId('reports-x').click();
    await expect(page.getByTestId('report-x')).toBeVisible();
    expect(await minorOf(page, 'x-net')).toBe(totalMinor);
    await expect(page.getByTestId('x-salesCount')).toHaveText('1');
    await page.getByTestId('report-close').click();

    // The day closes only once the shift is counted and closed (float 0 + the sale).
    await page.getByTestId('reports-z').click();
    await page.getByTestId('z-confirm-button').click();
    await expect(page.getByRole('alert').or(page.locator('.notice-error'))).toContainText(
      OWNER.name,
    );
    await closeShift(page, totalMinor);
    await goTo(page, 'reports');

    // Z: confirm, then the numbered Z with its chain head hash.
    await page.getByTestId('reports-z').click();
    await page.getByTestId('z-confirm-button').click();
    await expect(page.getByTestId('report-z')).toBeVisible();
    await expect(page.getByTestId('z-number')).toHaveText('1');
    await expect(page.getByTestId('z-chain-head')).toHaveText(/^[0-9a-f]{64}$/);
    await page.screenshot({ path: 'test-results/e2e/reports-z.png' });
    const onZ: Record<string, number> = {};
    for (const name of FIGURES) onZ[name] = Math.abs(await minorOf(page, `z-${name}`));
    expect(onZ.net).toBe(totalMinor);
    await page.getByTestId('report-close').click();
    await expect(page.getByTestId('z-row-1')).toBeVisible();

    // A second Z the same business day is refused with a message naming Z 1.
    await page.getByTestId('reports-z').click();
    await page.getByTestId('z-confirm-button').click();
    await expect(page.getByRole('alert').or(page.locator('.notice-error'))).toContainText('Z 1');

    // CSV of today's dashboard: the same figures as the Z on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('reports-csv').click(),
    ]);
    // Saved under the run's root, so the card-data scan reads the export too.
    const path = join(tempRunDir('export'), download.suggestedFilename());
    await download.saveAs(path);
    const summary = summaryOfCsv(readFileSync(path, 'utf8'));
    const inCsv: Record<string, number> = {};
    for (const name of FIGURES)
      inCsv[name] = Math.abs(parseDecimal(summary[name]?.replace('-', '') ?? 'x', 'CNY') ?? NaN);
    expect(inCsv).toEqual(onZ);
  } finally {
    await host.stop();
  }
});
