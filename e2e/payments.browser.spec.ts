import { expect, test } from '@playwright/test';
import { toDecimalString } from '@app/money/format';
import { filesWithCardData } from '@main/testing/card-data-scan';
import { startTestHost } from '@backoffice/host/test-host';
import { MERCHANT } from '@backoffice/host/test-support';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { scan, twoDemoProducts } from './support/cash-sale-flow';
import { expectTerminalConnected, oneItemInCart } from './support/pay-dialog';
import { swipeVisa } from './support/payment-host';
import { setUpAndSignIn } from './support/staff';
import { goTo } from './support/nav';

test('a split sale: part in cash, the rest by card swipe, with the card lines on the receipt', async ({
  page,
}) => {
  const upstream = await startTestHost({ merchants: [MERCHANT] });
  const dataDir = tempDataDir();
  const app = await startBrowserHost(dataDir);
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await goTo(page, 'sync');
    await page.getByTestId('bind-host').fill(upstream.url);
    await page.getByTestId('bind-merchant').fill(MERCHANT.merchantId);
    await page.getByTestId('bind-terminal').fill('cte2e001');
    await page.getByTestId('bind-code').fill(await upstream.issueBindingCode(MERCHANT.merchantId));
    await page.getByTestId('bind-submit').click();
    await expect(page.getByTestId('sync-merchant')).toHaveText(MERCHANT.merchantName);

    await page.getByTestId('nav-sell').click();
    const [a, b] = twoDemoProducts();
    await scan(page, a.barcode);
    await scan(page, b.barcode);
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    const totalMinor = a.priceMinor + b.priceMinor;

    // 1.00 in cash: not enough, so it is a first tender and the rest stays due.
    await page.getByTestId('pay-cash').click();
    await expect(page.getByTestId('pay-dialog')).toBeVisible();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('pay-tender')).toHaveCount(1);
    await expect(page.getByTestId('pay-paid')).toContainText('1.00');
    const rest = toDecimalString(totalMinor - 100, 'CNY');
    await expect(page.getByTestId('pay-remaining')).toContainText(rest);

    // Card swipe for the rest: the dialog waits for the card, the reader types it.
    await page.getByTestId('tender-swipe').click();
    await expect(page.getByTestId('pay-tendered')).toContainText(rest);
    await page.getByTestId('pay-confirm').click();
    await expect(page.getByTestId('pay-waiting')).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/payments-waiting-for-card.png' });
    await swipeVisa(page);

    await expect(page.getByTestId('sale-done')).toBeVisible();
    const paper = page.getByTestId('receipt-paper');
    for (const line of [
      MERCHANT.merchantName,
      MERCHANT.merchantId,
      'CTE2E001',
      '411111******1111',
      '凭证号',
      '授权码',
      '参考号',
      toDecimalString(totalMinor, 'CNY'),
    ]) {
      await expect(paper).toContainText(line);
    }
    await page.screenshot({ path: 'test-results/e2e/payments-split-done.png' });
  } finally {
    await app.stop();
    await upstream.close();
  }
  // PCI DSS 3.3: the swipe's card number and track are nowhere in the data folder.
  expect(filesWithCardData(dataDir)).toEqual([]);
});

test('a chip payment on the simulated terminal, chosen and confirmed by keyboard', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  const app = await startBrowserHost(dataDir, ['--simulate']);
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await expectTerminalConnected(page);
    const price = await oneItemInCart(page);

    await page.keyboard.press('F12');
    await expect(page.getByTestId('pay-dialog')).toBeVisible();
    await page.keyboard.press('F7');
    await expect(page.getByTestId('tender-chip')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('sale-done')).toBeVisible();
    const paper = page.getByTestId('receipt-paper');
    await expect(paper).toContainText('476173******0010');
    await expect(paper).toContainText('52001233');
    await expect(paper).toContainText('插卡/非接');
    await expect(paper).toContainText(toDecimalString(price, 'CNY'));
    await page.screenshot({ path: 'test-results/e2e/payments-chip-done.png' });
  } finally {
    await app.stop();
  }
  expect(filesWithCardData(dataDir)).toEqual([]);
});
