import { expect, test } from '@playwright/test';
import { toDecimalString } from '@app/money/format';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { scan, twoDemoProducts } from './support/cash-sale-flow';
import {
  countFor,
  logIn,
  setUpAndSignIn,
  addCashierAndManager,
  CASHIER,
  MANAGER,
} from './support/staff';
import { goTo } from './support/nav';

/** Notes and coins adding up to at most `minor`, largest first (what a cashier counts). */
test('a cashier opens a shift, sells with a manager-approved discount and closes on a blind count', async ({
  page,
}) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page, { openShift: false });

    // The owner adds a cashier and a manager.
    await addCashierAndManager(page);
    await page.screenshot({ path: 'test-results/e2e/staff-screen.png' });

    // Switch user: a wrong PIN is refused with the tries left, then the cashier signs in.
    await page.getByTestId('session-switch').click();
    await page.getByTestId(`login-user-${CASHIER.name}`).click();
    await page.getByTestId('login-input').fill('0000');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('login-error')).toContainText('4');
    await page.screenshot({ path: 'test-results/e2e/lock-screen.png' });
    await logIn(page, CASHIER.name, CASHIER.pin);
    await expect(page.getByTestId('nav-staff')).toHaveCount(0);
    await expect(page.getByTestId('nav-settings')).toHaveCount(0);

    // No shift yet: selling says so and offers to open one.
    await expect(page.getByTestId('shift-needed')).toBeVisible();
    await page.getByTestId('go-open-shift').click();
    await page.getByTestId('shift-float').fill('200');
    await page.getByTestId('shift-open').click();
    await expect(page.getByTestId('shift-totals')).toBeVisible();
    await page.getByTestId('nav-sell').click();

    // 20 % off the order is beyond the 10 % limit: the manager approves with a PIN.
    const [a] = twoDemoProducts();
    await scan(page, a.barcode);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await page.getByTestId('order-discount').click();
    await page.keyboard.press('2');
    await page.keyboard.press('0');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('override-dialog')).toBeVisible();
    await page.getByTestId(`override-user-${MANAGER.name}`).click();
    await page.getByTestId('override-input').fill(MANAGER.pin);
    await page.screenshot({ path: 'test-results/e2e/override.png' });
    await page.getByTestId('override-enter').click();
    await expect(page.getByTestId('override-dialog')).toBeHidden();
    const totalMinor = a.priceMinor - Math.round(a.priceMinor / 5);
    await expect(page.getByTestId('total')).toContainText(toDecimalString(totalMinor, 'CNY'));

    await page.getByTestId('pay-cash').click();
    for (const key of '100') await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sale-done')).toBeVisible();

    // Blind close: the expected cash is not on screen until the count is submitted.
    await page.getByTestId('nav-shift').click();
    await page.getByTestId('shift-close').click();
    const expectedMinor = 20_000 + totalMinor;
    const counts = countFor(expectedMinor - 20); // 0.20 or a little more short
    const countedMinor = Object.entries(counts).reduce((s, [v, n]) => s + Number(v) * n, 0);
    await expect(page.getByTestId('blind-count')).not.toContainText(
      toDecimalString(expectedMinor, 'CNY'),
    );
    for (const [value, n] of Object.entries(counts)) {
      await page.getByTestId(`count-${value}`).fill(String(n));
    }
    await expect(page.getByTestId('count-total')).toContainText(
      toDecimalString(countedMinor, 'CNY'),
    );
    await page.screenshot({ path: 'test-results/e2e/blind-count.png' });
    await page.getByTestId('count-submit').click();
    const cash = page.getByTestId('result-cash');
    await expect(cash).toContainText(toDecimalString(expectedMinor, 'CNY'));
    await expect(cash).toContainText(toDecimalString(countedMinor, 'CNY'));
    await expect(page.getByTestId('difference-cash')).toContainText(
      toDecimalString(expectedMinor - countedMinor, 'CNY'),
    );
    await expect(page.getByTestId('difference-cash')).toContainText(/短款|Short/);
    await page.screenshot({ path: 'test-results/e2e/shift-closed.png' });

    // The owner sees the override and the close in the audit log.
    await page.getByTestId('session-switch').click();
    await logIn(page, 'Wang Fang', '2468');
    await goTo(page, 'audit');
    // Actions read in the screen's language, whichever the owner chose.
    await expect(page.getByTestId('audit-log')).toContainText(/使用主管授权|Manager approval used/);
    await expect(page.getByTestId('audit-log')).toContainText(/交班|Shift closed/);
    await page.screenshot({ path: 'test-results/e2e/audit-log.png' });
  } finally {
    await app.stop();
  }
});
