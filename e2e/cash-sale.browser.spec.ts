import { expect, test } from '@playwright/test';
import { filesWithCardData } from '@main/testing/card-data-scan';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { expectSaleInHistory, sellTwoItemsForCash } from './support/cash-sale-flow';
import { setUpAndSignIn } from './support/staff';

test('a cash sale survives a restart of the browser host', async ({ page }) => {
  const dataDir = tempDataDir();
  const first = await startBrowserHost(dataDir);
  await page.goto(first.launchUrl);
  await setUpAndSignIn(page);
  const { total, receiptNo } = await sellTwoItemsForCash(page);
  await page.screenshot({ path: 'test-results/e2e/cash-sale-done.png' });
  await first.stop();

  const second = await startBrowserHost(dataDir);
  await page.goto(second.launchUrl);
  await setUpAndSignIn(page);
  await expectSaleInHistory(page, receiptNo, total);
  await page.screenshot({ path: 'test-results/e2e/cash-sale-history.png' });
  await second.stop();
  expect(filesWithCardData(dataDir)).toEqual([]);
});
