import { test, expect } from '@playwright/test';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { setUpAndSignIn } from './support/staff';
import { sellTwoItemsForCash } from './support/cash-sale-flow';

test('look around', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await page.screenshot({ path: '/tmp/shots/01-wizard.png' });
    await setUpAndSignIn(page);
    await page.screenshot({ path: '/tmp/shots/02-sell.png' });
    await sellTwoItemsForCash(page);
    await page.screenshot({ path: '/tmp/shots/03-sold.png' });
    for (const tab of [
      'shift',
      'catalog',
      'reports',
      'risk',
      'staff',
      'audit',
      'printer',
      'devices',
    ]) {
      await page.getByTestId(`nav-${tab}`).click();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `/tmp/shots/10-${tab}.png` });
    }
    await page.getByTestId('locale-toggle').click();
    await page.getByTestId('nav-sell').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: '/tmp/shots/20-sell-en.png' });
    await page.getByTestId('nav-reports').click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: '/tmp/shots/21-reports-en.png' });
    await expect(page.getByTestId('nav-sell')).toBeVisible();
  } finally {
    await app.stop();
  }
});
