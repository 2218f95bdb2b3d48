import { expect, test } from '@playwright/test';
import { startTestHost } from '@backoffice/host/test-host';
import { MERCHANT } from '@backoffice/host/test-support';
import { startBrowserHost, tempDataDir } from './support/browser-host';
import { sellTwoItemsForCash } from './support/cash-sale-flow';
import { closeShift, setUpAndSignIn } from './support/staff';
import { parseDecimal } from '@app/money/format';
import { goTo } from './support/nav';

test('the owner binds the till, the sale goes up, and the closed batch settles balanced', async ({
  page,
}) => {
  const upstream = await startTestHost({ merchants: [MERCHANT] });
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    // Selling needs no host: the sale commits and waits.
    const { total } = await sellTwoItemsForCash(page);
    await expect(page.getByTestId('sync-chip')).toHaveAttribute('data-state', 'not_bound');

    await goTo(page, 'sync');
    await page.getByTestId('bind-host').fill(upstream.url);
    await page.getByTestId('bind-merchant').fill(MERCHANT.merchantId);
    await page.getByTestId('bind-terminal').fill('cte2e001');
    // A wrong code is refused with the host's reason, and nothing is bound.
    await page.getByTestId('bind-code').fill('000000');
    await page.getByTestId('bind-submit').click();
    await expect(page.getByRole('alert')).toContainText(/binding code|绑定码/i);
    await page.getByTestId('bind-code').fill(await upstream.issueBindingCode(MERCHANT.merchantId));
    await page.getByTestId('bind-submit').click();

    await expect(page.getByTestId('sync-merchant')).toHaveText(MERCHANT.merchantName);
    await expect(page.getByTestId('sync-account')).toHaveText('6222 **** **** 1234');
    await expect(page.getByTestId('sync-chip')).toHaveAttribute('data-state', 'synced');
    // The owner's shift_open, then the sale.
    expect(await upstream.entries('CTE2E001')).toHaveLength(2);

    // The day closes once the shift is counted: float 0 and the sale's cash.
    await closeShift(page, parseDecimal(total, 'CNY') ?? NaN);
    await goTo(page, 'sync');
    await page.getByTestId('close-batch').click();
    await page.getByTestId('close-batch-confirm').click();
    await expect(page.getByTestId('settlement-000001')).toHaveAttribute('data-status', 'balanced');
    await expect(page.getByText('CTE2E001 · 000002')).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/sync-settled.png' });
    expect((await upstream.entries('CTE2E001')).map((e) => e.type)).toEqual([
      'shift_open',
      'sale',
      'shift_close',
      'z_close',
    ]);
  } finally {
    await app.stop();
    await upstream.close();
  }
});
