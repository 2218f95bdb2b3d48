import iconv from 'iconv-lite';
import { expect, test } from '@playwright/test';
import { makeEan13 } from '@app/catalog/gtin';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { scan } from './support/cash-sale-flow';
import { setUpAndSignIn } from './support/staff';
import { goTo } from './support/nav';

// Two new products under a new category, and one row with a wrong check digit; saved as
// GB18030, as a Chinese spreadsheet program saves CSV.
const dumplings = makeEan13('693777000001');
const csv = [
  'sku,barcode,name_en,name_zh,price,unit,tax_class,category,favourite',
  `E2E001,${dumplings},Handmade Dumplings,手工水饺,18.80,piece,reduced,E2E,1`,
  `E2E002,${makeEan13('693777000002')},Sesame Buns,芝麻烧饼,4.50,piece,reduced,E2E,0`,
  `E2E003,6937770000030,Bad Code,错误条码,1.00,piece,standard,E2E,0`,
].join('\r\n');

test('the owner imports a CSV; the cashier sells it from the grid and a weighed item by barcode', async ({
  page,
}) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await goTo(page, 'catalog');
    await page.getByTestId('catalog-tab-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'new-products.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'gb18030'),
    });
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('GB18030');
    await expect(page.getByTestId('import-added')).toHaveText('2');
    await expect(page.getByTestId('import-refused')).toHaveText('1');
    await expect(page.getByTestId('import-refused-rows')).toContainText('6937770000030');
    await page.screenshot({ path: 'test-results/e2e/catalog-dry-run.png' });
    await page.getByTestId('import-apply').click();
    await expect(page.getByTestId('import-result')).toBeVisible();

    await page.getByTestId('catalog-tab-products').click();
    await page.getByTestId('catalog-search').fill('水饺');
    await expect(page.getByTestId('catalog-row').first()).toContainText('E2E001');
    await page.screenshot({ path: 'test-results/e2e/catalog-products.png' });

    await page.getByTestId('nav-sell').click();
    await page.getByTestId('grid-category-E2E').click();
    await page.getByTestId('grid-product').filter({ hasText: '手工水饺' }).click();
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    // A scale label: 25 + item 10003 (roasted peanuts, 39.80/kg) + 532 g.
    await scan(page, makeEan13('251000300532'));
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    await expect(page.getByTestId('line-weight')).toContainText('0.532 kg');
    // 18.80 + 0.532 × 39.80 (21.1736 → 21.17) = 39.97.
    await expect(page.getByTestId('total')).toContainText('39.97');
    await page.screenshot({ path: 'test-results/e2e/catalog-sell-grid.png' });

    await page.getByTestId('pay-cash').click();
    for (const key of '50') await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    const paper = page.getByTestId('receipt-paper');
    await expect(paper).toContainText('手工水饺');
    await expect(paper).toContainText('0.532 kg x 39.80/kg');
    await expect(page.getByTestId('change-due')).toContainText('10.03');
  } finally {
    await app.stop();
  }
});
