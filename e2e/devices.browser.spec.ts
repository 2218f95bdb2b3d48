import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CHINESE_SAMPLE } from '@app/receipt/test-page';
import { filesWithCardData } from '@main/testing/card-data-scan';
import { startTcpPrinterSim } from '@native/sim/tcp-printer-sim';
import { startBrowserHost, tempDataDir, tempRunDir } from './support/browser-host';
import { payTwoItemsInCash } from './support/cash-sale-flow';
import { setUpAndSignIn } from './support/staff';
import { VISA_SWIPE } from './support/payment-host';
import { readerSwipe } from './support/wedge';
import { goTo } from './support/nav';

test('the technician sets up simulated devices, swipes a card and tests the terminal', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  const app = await startBrowserHost(dataDir);
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await goTo(page, 'devices');
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
    await page.getByTestId('terminal-diagnosis').click();
    await expect(page.getByTestId('terminal-printout')).toContainText('HOST OK');
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

// Typed key by key by the browser here, not as one synthetic burst: the point is that no key
// of a real swipe reaches a field.
test('a wedge swipe stays out of every field, and the technician exports a clean bundle', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  const app = await startBrowserHost(dataDir);
  // Under the run's root: the card-data scan reads the downloaded bundle after the run too.
  const unpacked = tempRunDir('bundle');
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    const scanField = page.getByTestId('scan-input');
    await scanField.focus();
    await readerSwipe(page, VISA_SWIPE);
    await expect(page.getByTestId('notice-text')).toContainText('411111******1111');
    await expect(scanField).toHaveValue('');
    // A person's % is held for a moment, then typed where it belongs.
    await page.keyboard.type('%', { delay: 0 });
    await page.waitForTimeout(100);
    await page.keyboard.type('5');
    await expect(scanField).toHaveValue('%5');
    await scanField.fill('');

    await goTo(page, 'devices');
    await readerSwipe(page, VISA_SWIPE);
    await expect(page.getByTestId('last-swipe')).toHaveAttribute('data-quality', 'good');
    await expect(page.getByTestId('track-2')).toHaveAttribute('data-state', 'ok');
    await page.screenshot({ path: 'test-results/e2e/swipe-test.png' });
    await page.getByTestId('scanner-test-input').click();
    await page.keyboard.type('6901234567892\n', { delay: 3 });
    await expect(page.getByTestId('scanner-test-summary')).toContainText('14');
    await expect(page.getByTestId('scanner-test-keys')).toContainText('⏎');

    // The test page, as the simulated printer decoded it from the ESC/POS bytes.
    await page.getByTestId('nav-printer').click();
    await page.getByTestId('printer-test-page').click();
    await expect(page.getByTestId('receipt-paper').last()).toContainText(CHINESE_SAMPLE);
    await page.getByTestId('drawer-kick-2').click();
    await expect(page.getByTestId('drawer-state')).toHaveText(/Open|已打开/);
    await page.screenshot({ path: 'test-results/e2e/test-page.png', fullPage: true });

    await goTo(page, 'diagnostics');
    await expect(page.getByTestId('log-lines')).toContainText('services started');
    await page.getByTestId('db-check').click();
    await expect(page.getByTestId('db-health')).toHaveAttribute('data-ok', 'true');
    await page.getByTestId('bundle-export').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('bundle-download').click();
    const zip = join(unpacked, 'bundle.zip');
    await (await download).saveAs(zip);
    await page.screenshot({ path: 'test-results/e2e/diagnostics.png' });
    execFileSync('unzip', ['-q', zip, '-d', join(unpacked, 'files')]);
    const log = readFileSync(join(unpacked, 'files', 'log-tail.jsonl'), 'utf8');
    expect(log).toContain('services started');
    expect(filesWithCardData(join(unpacked, 'files'))).toEqual([]);
  } finally {
    await app.stop();
  }
  expect(filesWithCardData(dataDir)).toEqual([]);
});

test('the owner sets a shop logo, and a held receipt goes out on the backup printer', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  const app = await startBrowserHost(dataDir);
  const backup = await startTcpPrinterSim();
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    await page.getByTestId('nav-printer').click();
    // A picture as an owner would have one: drawn in the browser, saved as PNG.
    const png = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 600;
      canvas.height = 200;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 600, 200);
      context.fillStyle = '#c2410c';
      context.font = 'bold 150px sans-serif';
      context.fillText('茶 TEA', 20, 160);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    await page.getByTestId('logo-file').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(png, 'base64'),
    });
    // Scaled to the 384 dots 58 mm paper prints, then saved.
    await expect(page.locator('[data-testid="logo-preview"] canvas')).toHaveAttribute(
      'data-width',
      '384',
    );
    await page.getByTestId('logo-save').click();
    await expect(page.getByTestId('logo-remove')).toBeVisible();
    await page.getByTestId('printer-test-page').click();
    await expect(page.getByTestId('paper-image').last()).toBeVisible();
    await page
      .getByTestId('paper-image')
      .last()
      .screenshot({ path: 'test-results/e2e/test-page-logo.png' });

    // Out of paper: the sale commits, its receipt is held, and the backup printer takes it.
    await page.getByTestId('backup-use-tcp').scrollIntoViewIfNeeded();
    await page.getByTestId('backup-tcp-port').fill(String(backup.port));
    await page.getByTestId('backup-use-tcp').click();
    await expect(page.getByTestId('backup-printer')).toContainText(
      `TCP 127.0.0.1:${String(backup.port)}`,
    );
    await page.getByTestId('sim-offline').click();
    await page.getByTestId('nav-sell').click();
    const { receiptNo } = await payTwoItemsInCash(page);
    await page.getByTestId('nav-printer').click();
    await page.getByTestId('send-to-backup').click();
    await expect.poll(() => backup.pages().length).toBe(1);
    const printed = backup.pages()[0]!;
    expect(printed.lines[0]?.kind).toBe('image');
    expect(printed.lines.some((l) => l.kind === 'text' && l.text.includes(receiptNo))).toBe(true);
    await expect(page.getByTestId('send-to-backup')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/e2e/printer-logo-backup.png', fullPage: true });
  } finally {
    await app.stop();
    await backup.close();
  }
});
