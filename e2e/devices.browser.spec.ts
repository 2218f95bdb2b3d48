import { expect, test } from '@playwright/test';
import { filesWithCardData } from './support/card-data-scan';
import { startBrowserHost, tempDataDir } from './support/browser-host';

test('the technician sets up simulated devices, swipes a card and tests the terminal', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  const app = await startBrowserHost(dataDir);
  try {
    await page.goto(app.launchUrl);
    await page.getByTestId('nav-devices').click();
    await expect(page.getByTestId('device-state-cardReader')).toHaveAttribute(
      'data-state',
      'not_configured',
    );

    await page.getByTestId('device-cardReader-kind').selectOption('simulated');
    await page.getByTestId('device-save-cardReader').click();
    await expect(page.getByTestId('device-state-cardReader')).toHaveAttribute(
      'data-state',
      'connected',
    );
    await page.getByTestId('swipe-unionpayDebit2').click();
    // Only the masked number ever reaches the screen.
    await expect(page.getByTestId('last-swipe')).toContainText('622202*********0128');
    await page.getByTestId('swipe-badLrc').click();
    await expect(page.getByTestId('last-swipe')).not.toContainText('0128');

    await page.getByTestId('device-paymentTerminal-kind').selectOption('simulated');
    await page.getByTestId('device-save-paymentTerminal').click();
    await expect(page.getByTestId('device-state-paymentTerminal')).toHaveAttribute(
      'data-state',
      'connected',
    );
    await page.getByTestId('device-test-paymentTerminal').click();
    await expect(page.getByTestId('notice-text')).toContainText('52001233');
    await page.screenshot({ path: 'test-results/e2e/devices.png' });

    // A terminal that is not there: a clear error and a retry, nothing else changes.
    await page.getByTestId('device-paymentTerminal-kind').selectOption('tcp');
    await page.getByTestId('device-paymentTerminal-host').fill('127.0.0.1');
    await page.getByTestId('device-paymentTerminal-port').fill('1');
    await page.getByTestId('device-save-paymentTerminal').click();
    await expect(page.getByTestId('device-state-paymentTerminal')).toHaveAttribute(
      'data-state',
      'disconnected',
    );
    await expect(page.getByTestId('device-state-paymentTerminal')).toContainText('refused');
  } finally {
    await app.stop();
  }
  expect(filesWithCardData(dataDir)).toEqual([]);
});
