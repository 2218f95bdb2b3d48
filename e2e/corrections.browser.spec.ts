import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { toDecimalString } from '@app/money/format';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { scan, twoDemoProducts } from './support/cash-sale-flow';
import { expectTerminalConnected, oneItemInCart } from './support/pay-dialog';
import { bindTill, startPaymentHost, swipeVisa } from './support/payment-host';
import {
  closeShift,
  logIn,
  setUpAndSignIn,
  addCashierAndManager,
  CASHIER,
  MANAGER,
} from './support/staff';
import { wedgeBurst } from './support/wedge';
import { goTo } from './support/nav';

// Voids (撤销) and refunds (退货) from the History screen (issue #6 "Corrections").

const cny = (minor: number) => toDecimalString(minor, 'CNY');
/** "¥3.50" or "CN¥3.50", as the language writes it, in a sentence. */
const said = (before: string, minor: number, after = '') =>
  new RegExp(`${before}\\D*${cny(minor).replace('.', '\\.')}${after}`);

/** The sale just paid: its receipt number and the sale id its receipt's QR code carries. */
async function saleDone(page: Page): Promise<{ receiptNo: string; saleId: string }> {
  const done = page.getByTestId('sale-done');
  await expect(done).toBeVisible();
  const receiptNo =
    (await done.locator('.done-receipt-no').textContent())?.replace(/\D/g, '') ?? '';
  const qr = page.getByTestId('receipt-paper').locator('[data-qr]');
  const saleId = (await qr.getAttribute('data-qr')) ?? '';
  await page.getByTestId('next-sale').click();
  return { receiptNo, saleId };
}

/** One item paid in full by card swipe at the bound test host. */
async function sellBySwipe(page: Page): Promise<{ receiptNo: string; saleId: string }> {
  const [a] = twoDemoProducts();
  await scan(page, a.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('tender-swipe').click();
  await expect(page.getByTestId('pay-tendered')).toContainText(cny(a.priceMinor));
  await page.getByTestId('pay-confirm').click();
  await expect(page.getByTestId('pay-waiting')).toBeVisible();
  await swipeVisa(page);
  return saleDone(page);
}

/** The scanned items paid with a round note in cash. */
async function payInCash(page: Page, totalMinor: number) {
  await expect(page.getByTestId('total')).toContainText(cny(totalMinor));
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  const note = Math.ceil((totalMinor + 1) / 10_000) * 100;
  for (const key of String(note)) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  return saleDone(page);
}

/**
 * Types into History's "Find receipt" as a person does, without clicking into the field
 * first: the focus is still on the History tab, and no key may be lost on the way.
 */
async function findReceipt(page: Page, query: string): Promise<void> {
  await page.getByTestId('nav-history').click();
  await expect(page.getByTestId('find-receipt')).toBeVisible();
  await page.getByTestId('nav-history').focus();
  await page.keyboard.type(query, { delay: 120 });
  await expect(page.getByTestId('find-receipt')).toHaveValue(query);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-detail')).toBeVisible();
}

test('a card sale is voided from History: cancelled at the host, then nothing more to give back', async ({
  page,
}) => {
  const upstream = await startPaymentHost();
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    // The shop in English, so the screen and the printed slips say VOID and REFUND.
    await setUpAndSignIn(page, { language: 'en' });
    await bindTill(page, upstream, 'cte2e001');
    const [a] = twoDemoProducts();
    const { receiptNo } = await sellBySwipe(page);

    // Typed receipt number; the void needs a reason before it can be confirmed.
    await findReceipt(page, receiptNo);
    const detail = page.getByTestId('sale-detail');
    await expect(detail).toContainText(receiptNo);
    await expect(detail).toContainText('411111******1111');
    await expect(page.getByTestId('void-refusal')).toHaveCount(0);
    // Escape closes the dialog at once; nothing happened.
    await page.getByTestId('void-open').click();
    await expect(page.getByTestId('void-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('void-dialog')).toBeHidden();
    await page.getByTestId('void-open').click();
    const dialog = page.getByTestId('void-dialog');
    await expect(dialog).toContainText('411111******1111');
    await expect(page.getByTestId('void-confirm')).toBeDisabled();
    await page.getByTestId('reason-wrongItem').click();
    await page.getByTestId('void-confirm').click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('correction-done')).toContainText(cny(a.priceMinor));
    await expect(page.getByTestId('correction-done')).toContainText('No cash to hand back');
    await expect(page.getByTestId('sale-state')).toHaveText('Voided');
    await expect(page.getByTestId('void-open')).toBeDisabled();
    await expect(page.getByTestId('refund-open')).toBeDisabled();
    await expect(page.getByTestId('void-refusal')).toContainText('voided');
    await expect(page.getByTestId('refund-refusal')).toContainText('voided');
    const earlier = page.getByTestId('detail-correction');
    await expect(earlier).toHaveCount(1);
    await expect(earlier).toContainText('Void');
    await expect(earlier).toContainText('Wrong item');
    await expect(earlier).toContainText('Wang Fang');
    await expect(page.getByTestId('detail-left')).toHaveText('0');
    await page.screenshot({ path: 'test-results/e2e/corrections-voided.png' });

    // The host holds the void beside the sale once it is synced.
    await expect
      .poll(async () => (await upstream.entries('CTE2E001')).map((e) => e.type), {
        timeout: 20_000,
      })
      .toContain('void');

    // The simulated printer received the void slip.
    await page.getByTestId('nav-printer').click();
    const slip = page.getByTestId('receipt-paper').filter({ hasText: 'VOID' });
    await expect(slip).toHaveCount(1);
    await expect(slip).toContainText(receiptNo);
    await expect(slip).toContainText(cny(a.priceMinor));
    await expect(slip).toContainText('Wrong item');

    // After the batch is settled a sale can no longer be voided: the screen offers a refund.
    await page.getByTestId('nav-sell').click();
    const second = await sellBySwipe(page);
    await closeShift(page, 0);
    await goTo(page, 'sync');
    await page.getByTestId('close-batch').click();
    await page.getByTestId('close-batch-confirm').click();
    await expect(page.getByText('CTE2E001 · 000002')).toBeVisible();
    await findReceipt(page, second.receiptNo);
    await expect(page.getByTestId('void-open')).toBeDisabled();
    await expect(page.getByTestId('void-refusal')).toHaveText('Settled: refund instead');
    await expect(page.getByTestId('refund-open')).toBeEnabled();
    await expect(page.getByTestId('refund-open')).toHaveClass(/highlight/);
    await page.screenshot({ path: 'test-results/e2e/corrections-settled.png' });
  } finally {
    await app.stop();
    await upstream.close();
  }
});

test('a partial refund: one of two units back in cash, never more than is left', async ({
  page,
}) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    // The shop in English, so the screen and the printed slips say VOID and REFUND.
    await setUpAndSignIn(page, { language: 'en' });
    const [a, b] = twoDemoProducts();
    await scan(page, a.barcode);
    await scan(page, a.barcode);
    await scan(page, b.barcode);
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    const { receiptNo, saleId } = await payInCash(page, 2 * a.priceMinor + b.priceMinor);

    // The receipt's QR code, scanned into the field, opens the sale.
    await findReceipt(page, saleId);
    await expect(page.getByTestId('sale-detail')).toContainText(receiptNo);
    await page.screenshot({ path: 'test-results/e2e/corrections-detail.png' });
    await page.getByTestId('refund-open').click();
    const dialog = page.getByTestId('refund-dialog');
    await expect(dialog).toBeVisible();
    const lineA = page.getByTestId('refund-line').filter({ hasText: a.nameEn });
    await lineA.getByTestId('refund-qty-more').click();
    await expect(lineA.getByTestId('refund-qty-value')).toHaveText('1');
    await expect(page.getByTestId('refund-amount')).toHaveText(said('^', a.priceMinor, '$'));
    await expect(page.getByTestId('refund-leg')).toContainText('Cash');
    await expect(page.getByTestId('refund-needs-manager')).toHaveCount(0);
    await expect(page.getByTestId('refund-restock')).toBeChecked();
    await expect(page.getByTestId('refund-confirm')).toBeDisabled(); // no reason yet
    await page.getByTestId('reason-damaged').click();
    await page.getByTestId('reason-text').fill('box crushed');
    await expect(page.getByTestId('refund-confirm')).toContainText(cny(a.priceMinor));
    await page.screenshot({ path: 'test-results/e2e/corrections-refund-dialog-en.png' });
    await page.getByTestId('refund-confirm').click();
    await expect(dialog).toBeHidden();

    const done = page.getByTestId('correction-done');
    await expect(done).toContainText(said('^Refunded ', a.priceMinor));
    await expect(done).toContainText(said('Give ', a.priceMinor, ' cash back'));
    await expect(page.getByTestId('sale-state')).toHaveText('Partly refunded');
    const detailA = page.getByTestId('detail-line').filter({ hasText: a.nameEn });
    await expect(detailA.getByTestId('detail-returned')).toHaveText('1');
    await expect(detailA.getByTestId('detail-left')).toHaveText('1');
    // Partly refunded: no void any more, the rest can still be refunded.
    await expect(page.getByTestId('void-open')).toBeDisabled();
    await expect(page.getByTestId('void-refusal')).toContainText('refunded');
    await expect(page.getByTestId('refund-open')).toBeEnabled();

    // In Chinese, a second refund of that line stops at the one unit left.
    await page.getByTestId('locale-toggle').click();
    await expect(page.getByTestId('sale-state')).toHaveText('已部分退货');
    await page.getByTestId('refund-open').click();
    const againA = page.getByTestId('refund-line').filter({ hasText: a.nameZh });
    const more = againA.getByTestId('refund-qty-more');
    await more.click();
    await expect(more).toBeDisabled();
    await expect(againA.getByTestId('refund-qty-value')).toHaveText('1');
    // The keyboard cannot go past it either.
    await againA.getByTestId('refund-qty-value').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('2');
    await expect(againA.getByTestId('refund-qty-value')).toHaveText('1');
    await expect(againA.getByTestId('refund-qty-value')).toHaveAttribute('aria-valuemax', '1');
    await expect(page.getByTestId('refund-amount')).toHaveText(said('^', a.priceMinor, '$'));
    await page.getByTestId('reason-changedMind').click();
    await page.screenshot({ path: 'test-results/e2e/corrections-refund-dialog-zh.png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('refund-dialog')).toBeHidden();

    // The refund slip, printed in English when it was given.
    await page.getByTestId('nav-printer').click();
    const slip = page.getByTestId('receipt-paper').filter({ hasText: 'REFUND' });
    await expect(slip).toHaveCount(1);
    await expect(slip).toContainText(receiptNo);
    await expect(slip).toContainText(cny(a.priceMinor));
    await expect(slip).toContainText('Damaged: box crushed');
  } finally {
    await app.stop();
  }
});

test('a cashier’s refund above the owner’s limit goes through once a manager enters a PIN', async ({
  page,
}) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page, { openShift: false, language: 'en' });
    await addCashierAndManager(page);
    // Refunds above 1.00 need a manager.
    await page.getByTestId('policy-refund-limit').fill('1.00');
    await page.getByTestId('policy-refund-limit').press('Enter');
    await expect(page.getByTestId('policy-refund-limit')).toHaveValue('1.00');

    await page.getByTestId('session-switch').click();
    await logIn(page, CASHIER.name, CASHIER.pin);
    await page.getByTestId('go-open-shift').click();
    await page.getByTestId('shift-float').fill('200');
    await page.getByTestId('shift-open').click();
    await expect(page.getByTestId('shift-totals')).toBeVisible();
    await page.getByTestId('nav-sell').click();
    const [a] = twoDemoProducts();
    expect(a.priceMinor).toBeGreaterThan(100);
    await scan(page, a.barcode);
    const { receiptNo, saleId } = await payInCash(page, a.priceMinor);

    // The receipt's QR code scanned while the focus is on a button, not in the field.
    await page.getByTestId('nav-history').click();
    await expect(page.getByTestId('find-receipt')).toBeVisible();
    await page.getByTestId('nav-history').focus();
    await wedgeBurst(page, saleId);
    await expect(page.getByTestId('sale-detail')).toContainText(receiptNo);
    // A cashier may not void (a manager would approve); here the refund is what is tested.
    await page.getByTestId('refund-open').click();
    await page.getByTestId('refund-all').click();
    await expect(page.getByTestId('refund-needs-manager')).toContainText('1.00');
    await page.getByTestId('reason-other').click();
    await page.getByTestId('reason-text').fill('Customer returned it unopened');
    await page.getByTestId('refund-confirm').click();

    const override = page.getByTestId('override-dialog');
    await expect(override).toBeVisible();
    await page.getByTestId(`override-user-${MANAGER.name}`).click();
    await page.getByTestId('override-input').fill(MANAGER.pin);
    await page.getByTestId('override-enter').click();
    await expect(override).toBeHidden();
    await expect(page.getByTestId('refund-dialog')).toBeHidden();
    await expect(page.getByTestId('correction-done')).toContainText(
      said('Give ', a.priceMinor, ' cash back'),
    );
    await expect(page.getByTestId('sale-state')).toHaveText('Fully refunded');
    await expect(page.getByTestId('detail-correction')).toContainText(CASHIER.name);
    await expect(page.getByTestId('refund-refusal')).toBeVisible();
  } finally {
    await app.stop();
  }
});

test('a card refund the host cannot answer stays pending on History and Sell until paid back in cash', async ({
  page,
}) => {
  const upstream = await startPaymentHost();
  let hostClosed = false;
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    // The shop in English, so the screen and the printed slips say VOID and REFUND.
    await setUpAndSignIn(page, { language: 'en' });
    await bindTill(page, upstream, 'cte2e001');
    const [a] = twoDemoProducts();
    const { receiptNo } = await sellBySwipe(page);
    await upstream.close();
    hostClosed = true;

    await findReceipt(page, receiptNo);
    await page.getByTestId('refund-open').click();
    await page.getByTestId('refund-all').click();
    await expect(page.getByTestId('refund-leg')).toContainText('411111******1111');
    await page.getByTestId('reason-changedMind').click();
    await page.getByTestId('refund-confirm').click();
    await expect(page.getByTestId('refund-dialog')).toBeHidden();

    const banner = page.getByTestId('pending-correction');
    await expect(banner).toContainText(receiptNo);
    const leg = banner.getByTestId('pending-leg');
    await expect(leg).toHaveAttribute('data-status', 'failed');
    await expect(leg).toContainText('411111******1111');
    await expect(leg).toContainText('No answer');
    await expect(page.getByTestId('notice-text')).toContainText('could not be given back');
    // Nothing is recorded yet: the whole sale is still there to give back.
    await expect(page.getByTestId('detail-left')).toHaveText('1');
    await page.screenshot({ path: 'test-results/e2e/corrections-pending-history.png' });

    await page.getByTestId('nav-sell').click();
    await expect(banner).toContainText(receiptNo);
    await page.screenshot({ path: 'test-results/e2e/corrections-pending-sell.png' });

    // A new refund waits for this one.
    await findReceipt(page, receiptNo);
    await expect(banner).toBeVisible();
    await page.getByTestId('refund-open').click();
    await page.getByTestId('refund-all').click();
    await page.getByTestId('reason-damaged').click();
    await page.getByTestId('refund-confirm').click();
    await expect(page.getByTestId('refund-error')).toContainText('is not finished');
    await page.getByTestId('refund-cancel').click();

    await banner.getByTestId('pending-cash').click();
    await expect(banner).toBeHidden();
    await expect(page.getByTestId('notice-text')).toContainText(
      said('Give ', a.priceMinor, ' cash back'),
    );
    await expect(page.getByTestId('sale-state')).toHaveText('Fully refunded');
    await expect(page.getByTestId('detail-left')).toHaveText('0');
  } finally {
    await app.stop();
    if (!hostClosed) await upstream.close();
  }
});

test('a chip sale is refunded on the simulated payment terminal', async ({ page }) => {
  const app = await startBrowserHost(tempDataDir(), ['--simulate']);
  try {
    await page.goto(app.launchUrl);
    // The shop in English, so the screen and the printed slips say VOID and REFUND.
    await setUpAndSignIn(page, { language: 'en' });
    await expectTerminalConnected(page);
    const price = await oneItemInCart(page);
    await page.keyboard.press('F12');
    await page.keyboard.press('F7');
    await page.keyboard.press('Enter');
    const { receiptNo } = await saleDone(page);

    await findReceipt(page, receiptNo);
    await page.getByTestId('refund-open').click();
    await page.getByTestId('refund-all').click();
    await expect(page.getByTestId('refund-leg')).toContainText('476173******0010');
    await page.getByTestId('reason-wrongItem').click();
    await page.getByTestId('refund-confirm').click();
    await expect(page.getByTestId('correction-done')).toContainText('No cash to hand back');
    await expect(page.getByTestId('sale-state')).toHaveText('Fully refunded');
    await page.getByTestId('nav-printer').click();
    const slip = page.getByTestId('receipt-paper').filter({ hasText: 'REFUND' });
    await expect(slip).toContainText('476173******0010');
    await expect(slip).toContainText(cny(price));
  } finally {
    await app.stop();
  }
});
