import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { demoCatalog } from '@main/catalog/demo-catalog';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { scan } from './support/cash-sale-flow';
import { goTo } from './support/nav';
import { bindTill, startPaymentHost, swipeVisa } from './support/payment-host';
import { countFor, setUpAndSignIn } from './support/staff';
import {
  COUNTER_SCREENS,
  expectControlsInViewport,
  expectInViewport,
  expectNoSidewaysScroll,
} from './support/viewport';

/** Three demo products with long names and different prices: the cart's and tiles' worst case. */
function threeProducts() {
  const byName = [...demoCatalog()].sort((a, b) => b.nameEn.length - a.nameEn.length);
  const picked = byName.filter(
    (p, i) => p.unit === 'piece' && byName.findIndex((q) => q.priceMinor === p.priceMinor) === i,
  );
  const three = picked.slice(0, 3);
  if (three.length < 3) throw new Error('demo catalog too small');
  return three;
}

/** The Sell screen's essentials, whole on screen: scan field, cart, total, Pay. */
async function expectSellFits(page: Page, what: string): Promise<void> {
  for (const id of ['scan-input', 'totals', 'total', 'pay-cash', 'grid-next', 'held-open']) {
    await expectInViewport(page, page.getByTestId(id), `${what}: ${id}`);
  }
  for (const line of await page.getByTestId('cart-line').all()) {
    await expectInViewport(page, line, `${what}: cart line`);
  }
  await expectNoSidewaysScroll(page);
}

for (const size of COUNTER_SCREENS) {
  const name = `${String(size.width)}x${String(size.height)}`;
  const shot = (page: Page, what: string) =>
    page.screenshot({ path: `test-results/e2e/layout-${name}-${what}.png` });

  test(`at ${name} a cash sale, a split payment, the blind count and the Z fit the screen`, async ({
    page,
  }) => {
    // One till through a whole day at this size: longer than one flow's 60 s.
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const upstream = await startPaymentHost();
    const app = await startBrowserHost(tempDataDir());
    try {
      await page.goto(app.launchUrl);
      await setUpAndSignIn(page);
      await bindTill(page, upstream, 'ctlay001');

      // The owner's screens: the till's tabs and two menus, every entry on screen.
      await expectControlsInViewport(page, page.getByTestId('nav'), 'navigation');
      await page.getByTestId('nav-group-backOffice').click();
      await expectControlsInViewport(page, page.locator('#nav-menu-backOffice'), 'back office');
      await shot(page, 'nav-menu');
      await page.keyboard.press('Escape');

      // A 3-item cash sale: three scans, then the person's keys: F12, Enter (exact), Enter.
      await expectSellFits(page, 'empty sell');
      const three = threeProducts();
      for (const product of three) await scan(page, product.barcode);
      await expect(page.getByTestId('cart-line')).toHaveCount(3);
      await expectSellFits(page, 'three lines');
      await expectTileNamesWhole(page);
      await shot(page, 'sell-three-lines');
      let keys = 0;
      const press = async (key: string) => {
        keys += 1;
        await page.keyboard.press(key);
      };
      await press('F12');
      await expect(page.getByTestId('pay-dialog')).toBeVisible();
      await expectControlsInViewport(page, page.getByTestId('pay-dialog'), 'pay dialog');
      await shot(page, 'pay-dialog');
      await press('Enter');
      await expect(page.getByTestId('sale-done')).toBeVisible();
      await shot(page, 'sale-done');
      await press('Enter');
      await expect(page.getByTestId('scan-input')).toBeFocused();
      expect(keys, 'key presses for a 3-item cash sale').toBeLessThanOrEqual(4);

      // A split: 1.00 in cash, the rest by card; the dialog fits while it waits for the card.
      const [first] = three;
      if (!first) throw new Error('no product');
      await scan(page, first.barcode);
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
      await page.keyboard.press('F12');
      await expect(page.getByTestId('pay-dialog')).toBeVisible();
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('pay-tender')).toHaveCount(1);
      await page.keyboard.press('F6');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('pay-waiting')).toBeVisible();
      await expectControlsInViewport(page, page.getByTestId('pay-dialog'), 'waiting for card');
      await expectInViewport(page, page.getByTestId('pay-waiting'), 'the card wait');
      await shot(page, 'pay-waiting-for-card');
      await swipeVisa(page);
      await expect(page.getByTestId('sale-done')).toBeVisible();
      await page.keyboard.press('Enter');

      // The blind count: every denomination on screen, nothing scrolls sideways.
      await page.getByTestId('nav-shift').click();
      await page.getByTestId('shift-close').click();
      const count = page.getByTestId('blind-count');
      await expectControlsInViewport(page, count, 'blind count');
      await expectNoSidewaysScroll(page, count);
      await shot(page, 'blind-count');
      const cashMinor = three.reduce((sum, p) => sum + p.priceMinor, 0) + 100;
      for (const [value, n] of Object.entries(countFor(cashMinor))) {
        await page.getByTestId(`count-${value}`).fill(String(n));
      }
      await page.getByTestId('count-submit').click();
      await expect(page.getByTestId('difference-cash')).toBeVisible();

      // The Z: the confirmation and the report, every control on screen.
      await goTo(page, 'reports');
      await page.getByTestId('reports-z').click();
      await expectControlsInViewport(page, page.getByTestId('z-confirm'), 'Z confirmation');
      await page.getByTestId('z-confirm-button').click();
      await expect(page.getByTestId('report-z')).toBeVisible();
      await expectControlsInViewport(page, page.getByTestId('report-z'), 'Z report');
      await shot(page, 'z-report');

      // Print / PDF: the screen lets go of its fixed height, so every page prints.
      await page.getByTestId('report-close').click();
      await page.emulateMedia({ media: 'print' });
      const printed = await page.getByTestId('reports-screen').evaluate((screen) => ({
        overflow: getComputedStyle(screen).overflowY,
        pageHeight: document.documentElement.scrollHeight,
        screenHeight: screen.scrollHeight,
      }));
      expect(printed.overflow).toBe('visible');
      expect(printed.pageHeight).toBeGreaterThanOrEqual(printed.screenHeight);
      expect(printed.pageHeight).toBeGreaterThan(size.height);
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await app.stop();
      await upstream.close();
    }
  });
}

test.describe('a touch till at 1024×768', () => {
  // A touch screen: taps (touch events), no hover; the commonest countertop till's size.
  test.use({ hasTouch: true, viewport: { width: 1024, height: 768 } });

  test('a 3-item cash sale by taps alone, every control within reach', async ({ page }) => {
    const app = await startBrowserHost(tempDataDir());
    try {
      await page.goto(app.launchUrl);
      await setUpAndSignIn(page, { language: 'en' });
      // Three pieces from the grid (an item sold by weight would ask for the scale).
      const tiles = page.getByTestId('grid-product').filter({ hasNotText: '/kg' });
      for (let i = 0; i < 3; i += 1) await tiles.nth(i).tap();
      await expect(page.getByTestId('cart-line')).toHaveCount(3);
      await expectSellFits(page, 'touch, three lines');
      await expectTileNamesWhole(page);
      await page.screenshot({ path: 'test-results/e2e/layout-touch-1024x768-sell.png' });

      await page.getByTestId('pay-cash').tap();
      await expect(page.getByTestId('pay-dialog')).toBeVisible();
      await expectControlsInViewport(page, page.getByTestId('pay-dialog'), 'touch pay dialog');
      await page.screenshot({ path: 'test-results/e2e/layout-touch-1024x768-pay.png' });
      // Nothing typed: the exact amount.
      await page.getByTestId('pay-confirm').tap();
      await expect(page.getByTestId('sale-done')).toBeVisible();
      await expectInViewport(page, page.getByTestId('next-sale'), 'next sale');
      await page.getByTestId('next-sale').tap();
      await expect(page.getByTestId('cart-line')).toHaveCount(0);
      await expect(page.getByTestId('sale-done')).toHaveCount(0);
    } finally {
      await app.stop();
    }
  });
});

/** Each tile shows its whole name in two lines, or two lines and an ellipsis: never half a line. */
async function expectTileNamesWhole(page: Page): Promise<void> {
  const cut = await page.getByTestId('grid-product').evaluateAll((tiles) =>
    tiles.flatMap((tile) => {
      const name = tile.querySelector('.grid-product-name');
      if (!(name instanceof HTMLElement)) return ['no name'];
      const lineHeight = parseFloat(getComputedStyle(name).lineHeight);
      const lines = name.clientHeight / lineHeight;
      const tileBox = tile.getBoundingClientRect();
      const nameBox = name.getBoundingClientRect();
      const price = tile.querySelector('.grid-product-price')?.getBoundingClientRect();
      const inside = nameBox.bottom <= tileBox.bottom && (price?.bottom ?? 0) <= tileBox.bottom;
      return Math.abs(lines - Math.round(lines)) < 0.05 && lines <= 2.05 && inside
        ? []
        : [`${name.textContent}: ${lines.toFixed(2)} lines, inside ${String(inside)}`];
    }),
  );
  expect(cut).toEqual([]);
}
