import { expect, test } from '@playwright/test';
import { goTo } from './support/nav';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { sellTwoItemsForCash } from './support/cash-sale-flow';
import { setUpAndSignIn } from './support/staff';

// Issue #16: every screen in Chinese, looked at. Screenshots: test-results/e2e/zh-*.png.

test('every owner screen in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await startBrowserHost(tempDataDir(), ['--simulate']);
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await expect(page.getByTestId('locale-toggle')).toHaveText('EN');
    await sellTwoItemsForCash(page);
    await page.getByTestId('next-sale').click();
    // Every screen the owner has, as the app's tabs and menus list them.
    const screens = await page
      .locator('[data-nav-for]')
      .evaluateAll((found) =>
        found.flatMap((entry) => (entry.getAttribute('data-nav-for') ?? '').split(' ')),
      );
    const unique = [...new Set(screens.filter((screen) => screen !== ''))];
    expect(unique.length).toBeGreaterThan(10);
    for (const screen of unique) {
      await goTo(page, screen);
      await expect(page.locator('main.content')).toContainText(/\S/);
      if (screen === 'printer') {
        // The test page's EAN-13 and CODE128 drawn as bars, its QR code as modules.
        await page.getByTestId('printer-test-page').click();
        await expect(page.getByTestId('paper-barcode')).toHaveCount(2);
        await expect(page.getByTestId('paper-qr').first()).toBeVisible();
        const paper = page
          .getByTestId('receipt-paper')
          .filter({ has: page.getByTestId('paper-barcode') });
        await paper.screenshot({ path: 'test-results/e2e/zh-test-page-paper.png' });
      }
      if (screen === 'devices') {
        // What the simulated reader last did, and a test's answer, in Chinese too.
        await page.getByTestId('device-test-cardReader').click();
        await page.getByTestId('swipe-visa').click();
        await expect(page.getByTestId('device-state-cardReader')).toContainText('刷卡 411111');
        await expect(page.getByTestId('device-state-cardReader')).toContainText('模拟读卡器');
      }
      await page.screenshot({ path: `test-results/e2e/zh-${screen}.png`, fullPage: true });
    }
  } finally {
    await app.stop();
  }
});
