import { expect, test } from '@playwright/test';
import { toDecimalString } from '@app/money/format';
import { MERCHANT } from '@backoffice/host/test-support';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { bindTill, hostAuthorizations, startPaymentHost, swipeVisa } from './support/payment-host';
import { oneItemInCart, openPayDialog } from './support/pay-dialog';
import { setUpAndSignIn } from './support/staff';
import { goTo } from './support/nav';

// upstream-sync-v1 "Test cards and codes": 18 digits starting 28, a wallet payment code.
const WALLET_CODE = '281234567890123456';

test('a swipe sale: the whole amount by card, with the card lines on the receipt', async ({
  page,
}) => {
  const upstream = await startPaymentHost();
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await bindTill(page, upstream, 'cte2e002');
    const price = await oneItemInCart(page);

    await openPayDialog(page, 'F6', 'swipe');
    await expect(page.getByTestId('pay-tendered')).toContainText(toDecimalString(price, 'CNY'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('pay-waiting')).toBeVisible();
    await swipeVisa(page);

    await expect(page.getByTestId('sale-done')).toBeVisible();
    const paper = page.getByTestId('receipt-paper');
    for (const line of [
      MERCHANT.merchantName,
      '411111******1111',
      '刷卡',
      '授权码',
      toDecimalString(price, 'CNY'),
    ]) {
      await expect(paper).toContainText(line);
    }
    await page.screenshot({ path: 'test-results/e2e/payments-swipe-done.png' });
    expect(hostAuthorizations(upstream)).toEqual([
      { amount: price, entryMode: 'swipe', outcome: 'approved', reversed: null },
    ]);
  } finally {
    await app.stop();
    await upstream.close();
  }
});

test('a QR sale: the wallet code from the customer’s phone, and the QR line on the receipt', async ({
  page,
}) => {
  const upstream = await startPaymentHost();
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await bindTill(page, upstream, 'cte2e003');
    const price = await oneItemInCart(page);

    await openPayDialog(page, 'F8', 'qr');
    await page.getByTestId('pay-qr-code').fill(WALLET_CODE);
    await page.getByTestId('pay-confirm').click();

    await expect(page.getByTestId('sale-done')).toBeVisible();
    const paper = page.getByTestId('receipt-paper');
    for (const line of [MERCHANT.merchantName, '扫码支付', '扫码', toDecimalString(price, 'CNY')]) {
      await expect(paper).toContainText(line);
    }
    await page.screenshot({ path: 'test-results/e2e/payments-qr-done.png' });
    expect(hostAuthorizations(upstream)).toEqual([
      { amount: price, entryMode: 'qr', outcome: 'approved', reversed: null },
    ]);
  } finally {
    await app.stop();
    await upstream.close();
  }
});

test('a payment the host never answers is reversed, and the sale is paid in cash instead', async ({
  page,
}) => {
  const upstream = await startPaymentHost();
  // The protocol's 30 s, shortened for the test (honoured only with --simulate).
  const app = await startBrowserHost(tempDataDir(), [
    '--simulate',
    '--test-authorization-timeout-ms=1500',
  ]);
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await bindTill(page, upstream, 'cte2e004');
    const price = await oneItemInCart(page);
    expect(price).toBeGreaterThan(191);

    // 1.91 by QR: an amount ending in 91 minor units, which the test host never answers.
    await openPayDialog(page, 'F8', 'qr');
    await page.keyboard.type('1.91', { delay: 80 });
    await expect(page.getByTestId('pay-tendered')).toContainText('1.91');
    await page.getByTestId('pay-qr-code').fill(WALLET_CODE);
    await page.getByTestId('pay-confirm').click();
    await expect(page.getByTestId('pay-waiting')).toBeVisible();
    await expect(page.getByTestId('pay-error')).toContainText(
      /Payment not completed, reversing|支付未完成，正在冲正/,
    );
    await page.screenshot({ path: 'test-results/e2e/payments-not-completed.png' });
    await expect(page.getByTestId('pay-tender')).toHaveCount(0);
    await expect(page.getByTestId('pay-paid')).toContainText('0.00');

    // The reversal (冲正) reached the host, which had never approved it: reversed false.
    await expect
      .poll(() => hostAuthorizations(upstream))
      .toEqual([{ amount: 191, entryMode: 'qr', outcome: 'no_answer', reversed: 0 }]);

    // The customer pays cash: the whole sale, exactly.
    await page.getByTestId('tender-cash').click();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Backspace');
    await expect(page.getByTestId('pay-tendered')).toContainText(toDecimalString(price, 'CNY'));
    await page.getByTestId('pay-confirm').click();
    await expect(page.getByTestId('sale-done')).toBeVisible();
    const paper = page.getByTestId('receipt-paper');
    await expect(paper).toContainText(toDecimalString(price, 'CNY'));
    await expect(paper).not.toContainText('扫码支付');

    // The till's own record: the reversal was answered.
    await goTo(page, 'diagnostics');
    await expect(page.getByTestId('log-lines')).toContainText('authorization reversed');
    await expect(page.getByTestId('log-lines')).toContainText('reversed=false');
    await page.screenshot({ path: 'test-results/e2e/payments-reversed-log.png' });
  } finally {
    await app.stop();
    await upstream.close();
  }
});
