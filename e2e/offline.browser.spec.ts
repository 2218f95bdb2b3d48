import { expect, test } from '@playwright/test';
import { toDecimalString } from '@app/money/format';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { oneItemInCart, openPayDialog } from './support/pay-dialog';
import { bindTill, startPaymentHost, swipeVisa } from './support/payment-host';
import { setUpAndSignIn } from './support/staff';
import { goTo } from './support/nav';

// Issue #6 "Offline": with the host unreachable, a swipe within the owner's caps is approved
// by the till and waits, sealed, to be forwarded; the owner sees it waiting.

test('the owner turns on offline acceptance; with the host down a swipe sale is taken offline and shown waiting', async ({
  page,
}) => {
  const upstream = await startPaymentHost();
  let hostUp = true;
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await bindTill(page, upstream, 'cte2e006');

    await goTo(page, 'risk');
    await page.getByTestId('offline-enabled').check();
    await page.getByTestId('offline-save').click();
    await expect(page.getByTestId('offline-pending')).toContainText(/\b0\b/);

    await upstream.close();
    hostUp = false;
    await page.getByTestId('nav-sell').click();
    const price = await oneItemInCart(page);
    await openPayDialog(page, 'F6', 'swipe');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('pay-waiting')).toBeVisible();
    await swipeVisa(page);

    await expect(page.getByTestId('sale-done')).toBeVisible();
    const paper = page.getByTestId('receipt-paper');
    await expect(paper).toContainText('OFFLIN');
    await expect(paper).toContainText('411111******1111');
    await expect(paper).toContainText(toDecimalString(price, 'CNY'));
    await page.screenshot({ path: 'test-results/e2e/offline-sale-done.png' });

    await goTo(page, 'risk');
    await expect(page.getByTestId('offline-pending')).toContainText(toDecimalString(price, 'CNY'));
    await expect(page.getByTestId('offline-pending')).toContainText(/\b1\b/);
    await page.getByTestId('offline-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/e2e/offline-waiting.png' });
  } finally {
    await app.stop();
    if (hostUp) await upstream.close();
  }
});
