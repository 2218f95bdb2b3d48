import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { demoCatalog } from '@main/catalog/demo-catalog';
import { toDecimalString } from '@app/money/format';

/** Two demo products with different prices, as a newcomer would find them on the shelf. */
export function twoDemoProducts() {
  const catalog = demoCatalog();
  const first = catalog[0];
  const second = catalog.find(
    (p) => p.priceMinor !== first?.priceMinor && p.taxClass !== first?.taxClass,
  );
  if (!first || !second) throw new Error('demo catalog too small');
  return [first, second] as const;
}

/** Types a barcode the way a keyboard-wedge scanner does: a fast burst ending in Enter. */
export async function scan(page: Page, barcode: string): Promise<void> {
  await page.getByTestId('scan-input').focus();
  await page.keyboard.type(barcode, { delay: 5 });
  await page.keyboard.press('Enter');
}

/**
 * The cashier's cash sale: scan two items, pay with a round note, see the change. Returns
 * the total and the receipt number shown.
 */
export async function payTwoItemsInCash(page: Page): Promise<{ total: string; receiptNo: string }> {
  const [a, b] = twoDemoProducts();
  await expect(page.getByTestId('scan-input')).toBeVisible();
  await scan(page, a.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await scan(page, b.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  const totalMinor = a.priceMinor + b.priceMinor;
  const total = toDecimalString(totalMinor, 'CNY');
  await expect(page.getByTestId('total')).toContainText(total);

  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  const tenderedMinor = Math.ceil((totalMinor + 1) / 10_000) * 10_000; // the next 100 note
  for (const key of String(tenderedMinor / 100)) await page.keyboard.press(key);
  await expect(page.getByTestId('pay-change')).toContainText(
    toDecimalString(tenderedMinor - totalMinor, 'CNY'),
  );
  await page.keyboard.press('Enter');

  const done = page.getByTestId('sale-done');
  await expect(done).toBeVisible();
  await expect(page.getByTestId('change-due')).toContainText(
    toDecimalString(tenderedMinor - totalMinor, 'CNY'),
  );
  const receiptNo =
    (await done.locator('.done-receipt-no').textContent())?.replace(/\D/g, '') ?? '';
  return { total, receiptNo };
}

/** The cash sale, and its receipt as the simulated printer decoded it. */
export async function sellTwoItemsForCash(
  page: Page,
): Promise<{ total: string; receiptNo: string }> {
  const [a, b] = twoDemoProducts();
  const sold = await payTwoItemsInCash(page);
  const paper = page.getByTestId('receipt-paper');
  await expect(paper).toContainText(a.nameZh);
  await expect(paper).toContainText(b.nameZh);
  await expect(paper).toContainText(sold.total);
  await expect(paper).toContainText('合计');
  return sold;
}

/** The sale is in the history after whatever happened to the app in between. */
export async function expectSaleInHistory(
  page: Page,
  receiptNo: string,
  total: string,
): Promise<void> {
  await page.getByTestId('nav-history').click();
  const row = page.getByTestId('history-row').filter({ hasText: receiptNo });
  await expect(row).toContainText(total);
  await row.click();
  const [a, b] = twoDemoProducts();
  await expect(page.getByTestId('sale-detail')).toContainText(a.nameZh);
  await expect(page.getByTestId('sale-detail')).toContainText(b.nameZh);
}
