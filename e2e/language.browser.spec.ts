import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { demoCatalog } from '@main/catalog/demo-catalog';
import { goTo } from './support/nav';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { scan } from './support/cash-sale-flow';
import {
  CASHIER,
  OWNER,
  addCashierAndManager,
  logIn,
  openShift,
  setUpAndSignIn,
} from './support/staff';

// Issue #16: each person's screen language; any currency; named tax classes.

const signOut = async (page: Page) => {
  await page.getByTestId('session-switch').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
};

test('a cashier’s Chinese stays theirs: the owner signs in to English, the cashier back to Chinese', async ({
  page,
}) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    // The wizard speaks the browser's language (Playwright's Chromium: en-US).
    await expect(page.getByTestId('setup-locale')).toHaveValue('en');
    await expect(page.getByRole('heading', { name: 'Set up your shop' })).toBeVisible();
    await setUpAndSignIn(page, { openShift: false, language: 'en' });
    await addCashierAndManager(page);
    await signOut(page);

    await logIn(page, CASHIER.name, CASHIER.pin);
    await expect(page.getByTestId('nav-sell')).toHaveText('Sell');
    await page.getByTestId('locale-toggle').click();
    await expect(page.getByTestId('nav-sell')).toHaveText('收银');
    await expect(page.getByTestId('locale-toggle')).toHaveText('EN');
    await page.screenshot({ path: 'test-results/e2e/language-cashier-zh.png' });
    await signOut(page);
    // Nobody signed in: the shop's language.
    await expect(page.getByText('Who is at the till?')).toBeVisible();

    await logIn(page, OWNER.name, OWNER.pin);
    await expect(page.getByTestId('nav-sell')).toHaveText('Sell');
    await expect(page.getByTestId('locale-toggle')).toHaveText('中文');
    await page.screenshot({ path: 'test-results/e2e/language-owner-en.png' });
    await signOut(page);

    await logIn(page, CASHIER.name, CASHIER.pin);
    await expect(page.getByTestId('nav-sell')).toHaveText('收银');
    // A reload asks main again: the choice lives there, not in this tab.
    await page.reload();
    await expect(page.getByTestId('nav-sell')).toHaveText('收银');
  } finally {
    await app.stop();
  }
});

test.describe('on a computer set to Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('the set-up wizard starts in Chinese', async ({ page }) => {
    const app = await startBrowserHost(tempDataDir());
    try {
      await page.goto(app.launchUrl);
      await expect(page.getByTestId('setup-locale')).toHaveValue('zh-CN');
      await expect(page.getByRole('heading', { name: '设置店铺' })).toBeVisible();
      await expect(page.getByTestId('tax-class-name-0')).toHaveValue('标准税率');
    } finally {
      await app.stop();
    }
  });
});

test('a shop in pounds with three tax classes sells, and the receipt names each class', async ({
  page,
}) => {
  const catalog = demoCatalog();
  const standard = catalog.find((p) => p.taxClass === 'standard' && p.unit === 'piece');
  const reduced = catalog.find((p) => p.taxClass === 'reduced' && p.unit === 'piece');
  if (!standard || !reduced) throw new Error('demo catalog lacks a class');
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await page.getByTestId('setup-ownerName').fill(OWNER.name);
    await page.getByTestId('setup-pin').fill(OWNER.pin);
    await page.getByTestId('setup-pinAgain').fill(OWNER.pin);
    await page.getByTestId('setup-shopName').fill('The Corner Shop');
    await page.getByTestId('setup-currency').selectOption('GBP');
    await page.getByTestId('tax-class-name-0').fill('VAT 20%');
    await page.getByTestId('tax-class-rate-0').fill('20');
    await page.getByTestId('tax-class-rate-1').fill('5');
    await page.getByTestId('tax-class-add').click();
    await page.getByTestId('tax-class-name-2').fill('Zero-rated');
    await page.getByTestId('tax-class-rate-2').fill('abc');
    await page.getByTestId('setup-finish').click();
    // A mistake in a class is said in words, and nothing is lost.
    await expect(page.getByTestId('setup-error')).toContainText('The rate of “Zero-rated”');
    await page.getByTestId('tax-class-rate-2').fill('0');
    await page.screenshot({ path: 'test-results/e2e/setup-gbp-three-classes.png', fullPage: true });
    await page.getByTestId('setup-finish').click();
    await expect(page.getByTestId('session-user')).toContainText(OWNER.name);

    // One product moves to the new class.
    await goTo(page, 'catalog');
    await page.getByTestId('catalog-search').fill(reduced.sku);
    await page.getByTestId('catalog-row').filter({ hasText: reduced.sku }).click();
    await page.getByTestId('product-tax-class').selectOption('zero-rated');
    await page.getByTestId('product-save').click();
    await expect(page.getByTestId('product-tax-class')).toBeHidden();

    await openShift(page);
    await scan(page, standard.barcode);
    await scan(page, reduced.barcode);
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    const totals = page.getByTestId('totals');
    await expect(totals).toContainText('£');
    await expect(totals).toContainText('VAT 20% 20%');
    await expect(totals).toContainText('Zero-rated 0%');
    await page.screenshot({ path: 'test-results/e2e/sell-gbp.png' });
    await page.getByTestId('pay-cash').click();
    for (const key of '50') await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    const paper = page.getByTestId('receipt-paper');
    await expect(paper).toContainText('GBP');
    await expect(paper).toContainText('VAT 20% 20%');
    await expect(paper).toContainText('Zero-rated 0%');
    await page.screenshot({ path: 'test-results/e2e/receipt-gbp.png', fullPage: true });

    // Settings: the class products use cannot go; the owner is told which and why.
    await goTo(page, 'settings');
    await page.getByTestId('tax-class-remove-2').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toContainText('“Zero-rated” is used by 1 products');
  } finally {
    await app.stop();
  }
});
