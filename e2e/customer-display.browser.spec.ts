import { expect, test } from '@playwright/test';
import { toDecimalString } from '@app/money/format';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { sellTwoItemsForCash, twoDemoProducts } from './support/cash-sale-flow';
import { setUpAndSignIn } from './support/staff';
import { goTo } from './support/nav';

test('the customer display window opens from the Devices screen and shows the change after a sale', async ({
  page,
}) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await goTo(page, 'devices');
    const opened = page.waitForEvent('popup');
    await page.getByTestId('open-customer-window').click();
    const customer = await opened;
    await expect(customer.getByTestId('customer-screen')).toHaveAttribute('data-kind', 'welcome');

    await page.getByTestId('nav-sell').click();
    const [a, b] = twoDemoProducts();
    const { total } = await sellTwoItemsForCash(page);
    expect(total).toBe(toDecimalString(a.priceMinor + b.priceMinor, 'CNY'));
    await expect(customer.getByTestId('customer-screen')).toHaveAttribute('data-kind', 'thanks');
    await expect(customer.getByTestId('customer-change')).toContainText(
      toDecimalString(changeFor(a.priceMinor + b.priceMinor), 'CNY'),
    );
    await customer.screenshot({ path: 'test-results/e2e/customer-display.png' });
  } finally {
    await app.stop();
  }
});

/** sellTwoItemsForCash pays with the next 100 note. */
const changeFor = (totalMinor: number): number =>
  Math.ceil((totalMinor + 1) / 10_000) * 10_000 - totalMinor;
