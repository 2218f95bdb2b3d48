import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { scan, twoDemoProducts } from './support/cash-sale-flow';
import { goTo } from './support/nav';
import { openPayDialog } from './support/pay-dialog';
import { bindTill, startPaymentHost } from './support/payment-host';
import { logIn, setUpAndSignIn } from './support/staff';
import { wedgeBurst } from './support/wedge';

const TECHNICIAN = { name: 'Sun Gong', role: 'technician', pin: '8642' } as const;
const WALLET_CODE = '281234567890123456';

/** The id of whatever has the focus, and whether it sits inside the element `testId`. */
const focusIn = (page: Page, testId: string): Promise<boolean> =>
  page.evaluate(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement),
    testId,
  ) as Promise<boolean>;

/** A person's keys, with a person's gaps (the keypad tells them from a scanner's burst). */
async function typeLikeAPerson(page: Page, keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key, { delay: 20 });
}

test('keys do what the cashier means: text fields keep their keys, dialogs keep the focus', async ({
  page,
}) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    const [a, b] = twoDemoProducts();
    await scan(page, a.barcode);
    await scan(page, b.barcode);
    await expect(page.getByTestId('cart-line')).toHaveCount(2);

    // Delete while typing a search edits the text; the cart keeps both lines.
    const field = page.getByTestId('scan-input');
    await field.pressSequentially('cola');
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    await expect(field).toHaveValue('ola');
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    await page.keyboard.press('Escape');

    // The hold dialog puts the focus in its note; Esc closes it and the focus comes back.
    await page.getByTestId('hold-open').click();
    await expect(page.getByTestId('hold-note')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusIn(page, 'hold-dialog')).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('hold-dialog')).toBeHidden();

    // A refused quantity is said in the dialog; the focus stays there, and Esc still works.
    await page.getByTestId('cart-line').first().locator('.qty-value').click();
    await expect(page.getByTestId('amount-dialog')).toBeVisible();
    await typeLikeAPerson(page, ['2', '.', '5']);
    await expect(page.getByTestId('amount-display')).toHaveText('2.5');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dialog-error')).toBeVisible();
    await expect(page.getByTestId('notice-text')).toHaveCount(0);
    expect(await focusIn(page, 'amount-dialog')).toBe(true);
    await page.screenshot({ path: 'test-results/e2e/keyboard-error-in-dialog.png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('amount-dialog')).toBeHidden();
    await expect(field).toBeFocused();

    // Cancel sale asks in the till's own dialog: Esc is No, Yes empties the cart.
    await page.getByTestId('cart-clear').click();
    await expect(page.getByTestId('confirm-yes')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    await page.getByTestId('cart-clear').click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cart-line')).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('Enter in the float field opens the shift; a notice never follows to the next user', async ({
  page,
}) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page, { openShift: false });
    await page.getByTestId('nav-shift').click();
    await page.getByTestId('shift-float').fill('200');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('shift-totals')).toBeVisible();

    // The owner adds a technician; the owner's notice goes when the owner does.
    await goTo(page, 'staff');
    await page.getByTestId('staff-name').fill(TECHNICIAN.name);
    await page.getByTestId('staff-role').selectOption(TECHNICIAN.role);
    await page.getByTestId('staff-pin').fill(TECHNICIAN.pin);
    await page.getByTestId('staff-add').click();
    await page.getByTestId('nav-sell').click();
    await scan(page, '6900000000000');
    await expect(page.getByTestId('notice-text')).toContainText('6900000000000');
    await page.getByTestId('session-switch').click();
    await logIn(page, TECHNICIAN.name, TECHNICIAN.pin);
    await expect(page.getByTestId('notice-text')).toHaveCount(0);

    // The technician's Sync: the upload queue, and no approval asked for the settlements.
    await goTo(page, 'sync');
    await expect(page.getByTestId('sync-screen')).toBeVisible();
    await expect(page.getByTestId('settlements')).toHaveCount(0);
    await expect(page.getByTestId('override-dialog')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/e2e/keyboard-technician-sync.png' });
  } finally {
    await app.stop();
  }
});

test('a QR payment code from the scanner pays with its own Enter', async ({ page }) => {
  const upstream = await startPaymentHost();
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await bindTill(page, upstream, 'ctkey001');
    const [a] = twoDemoProducts();
    await scan(page, a.barcode);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await openPayDialog(page, 'F8', 'qr');
    await wedgeBurst(page, WALLET_CODE);
    await expect(page.getByTestId('sale-done')).toBeVisible();
  } finally {
    await app.stop();
    await upstream.close();
  }
});
