import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { scan, twoDemoProducts } from './cash-sale-flow';
import { goTo } from './nav';

/** One demo product in the cart; its price must not be a test amount (…51, …91). */
export async function oneItemInCart(page: Page): Promise<number> {
  const [a] = twoDemoProducts();
  expect([51, 91]).not.toContain(a.priceMinor % 100);
  await scan(page, a.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  return a.priceMinor;
}

/** F12, then the tender's key: the pay dialog open on that tender. */
export async function openPayDialog(page: Page, tenderKey: string, tender: string): Promise<void> {
  await page.keyboard.press('F12');
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await page.keyboard.press(tenderKey);
  await expect(page.getByTestId(`tender-${tender}`)).toHaveAttribute('aria-selected', 'true');
}

/** The simulated payment terminal shows connected on Devices; then back to Sell. */
export async function expectTerminalConnected(page: Page): Promise<void> {
  await goTo(page, 'devices');
  await expect(page.getByTestId('device-state-paymentTerminal')).toHaveAttribute(
    'data-state',
    'connected',
  );
  await page.getByTestId('nav-sell').click();
}
