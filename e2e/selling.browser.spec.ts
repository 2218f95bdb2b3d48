import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { toDecimalString } from '@app/money/format';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { scan, twoDemoProducts } from './support/cash-sale-flow';
import { setUpAndSignIn } from './support/staff';

/** Pays the cart's exact amount in cash (Enter in the pay dialog), then the next customer. */
async function payExact(page: Page) {
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-done')).toBeVisible();
}

test('a held sale is recalled after a restart and paid', async ({ page }) => {
  const [a, b] = twoDemoProducts();
  const dataDir = tempDataDir();
  const first = await startBrowserHost(dataDir);
  await page.goto(first.launchUrl);
  await setUpAndSignIn(page);

  await scan(page, a.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('hold-open').click();
  await page.getByTestId('hold-note').fill('table 4');
  await page.getByTestId('hold-save').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await expect(page.getByTestId('held-open')).toContainText('1');

  // The next customer pays while the first one waits.
  await scan(page, b.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await payExact(page);
  await page.getByTestId('next-sale').click();
  await first.stop();

  const second = await startBrowserHost(dataDir);
  await page.goto(second.launchUrl);
  await setUpAndSignIn(page);
  // A cart with items cannot take a recalled sale: the cashier is told why.
  await scan(page, b.barcode);
  await page.getByTestId('held-open').click();
  const row = page.getByTestId('held-row').filter({ hasText: 'table 4' });
  await expect(row).toContainText(toDecimalString(a.priceMinor, 'CNY'));
  await expect(row).toContainText('Wang Fang');
  await row.getByTestId('held-recall').click();
  await expect(page.getByTestId('held-error')).toContainText('挂单或清空');
  await page.screenshot({ path: 'test-results/e2e/held-list.png' });
  await page.getByTestId('held-close').click();
  await page.getByTestId('cart-line').getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  await page.getByTestId('held-open').click();
  await page.getByTestId('held-row').getByTestId('held-recall').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line')).toContainText(a.nameZh);
  await payExact(page);
  await expect(page.getByTestId('receipt-paper')).toContainText(a.nameZh);
  await expect(page.getByTestId('held-open')).toHaveCount(0); // the done screen replaces selling
  await page.getByTestId('next-sale').click();
  await expect(page.getByTestId('held-open')).toBeDisabled();
  await second.stop();
});

test('a new member earns points on a sale and the receipt shows them', async ({ page }) => {
  const [a, b] = twoDemoProducts();
  const host = await startBrowserHost(tempDataDir());
  await page.goto(host.launchUrl);
  await setUpAndSignIn(page);

  await page.getByTestId('member-open').click();
  await page.getByTestId('member-new-name').fill('Chen Jie');
  await page.getByTestId('member-new-phone').fill('13812341234');
  await page.getByTestId('member-new-card').fill('VIP0001');
  await page.getByTestId('member-add').click();
  await expect(page.getByTestId('member-current')).toContainText('Chen Jie');
  await page.screenshot({ path: 'test-results/e2e/member-dialog.png' });
  await page.getByTestId('member-close').click();
  await expect(page.getByTestId('member-strip')).toContainText('Chen Jie');

  await scan(page, a.barcode);
  await scan(page, b.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/e2e/member-sell.png' });
  await payExact(page);
  const points = Math.floor((a.priceMinor + b.priceMinor) / 100);
  const paper = page.getByTestId('receipt-paper');
  await expect(paper).toContainText('138****1234');
  await expect(paper).not.toContainText('13812341234');
  await expect(paper).toContainText(new RegExp(`本次积分\\s+\\+${points}`));
  await expect(paper).toContainText(new RegExp(`积分余额\\s+${points}`));
  await page.screenshot({ path: 'test-results/e2e/member-receipt.png' });
  await host.stop();
});
