import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goTo } from './support/nav';
import { startBrowserHost, tempDataDir, tempRunDir } from './support/browser-host';
import { expectSaleInHistory, sellTwoItemsForCash } from './support/cash-sale-flow';
import { OWNER, logIn, setUpAndSignIn } from './support/staff';

// The till's smallest supported screen.
test.use({ viewport: { width: 1024, height: 768 } });
const shot = (name: string) => ({ path: `test-results/e2e/backup-${name}.png` });

test('the owner backs up to a folder, sells on, and restores the backup', async ({ page }) => {
  const app = await startBrowserHost(tempDataDir());
  try {
    await page.goto(app.launchUrl);
    await setUpAndSignIn(page);
    const kept = await sellTwoItemsForCash(page);

    await goTo(page, 'backup');
    await expect(page.getByTestId('backup-last')).toBeVisible();
    await page.screenshot(shot('1-no-folder-zh'));
    // A folder that is not there is refused, with what to do about it.
    const folder = tempRunDir('backups');
    await page.getByTestId('backup-folder').fill(join(folder, 'usb-stick'));
    await page.getByTestId('backup-save').click();
    await expect(page.getByRole('alert')).toContainText('usb-stick');
    await page.screenshot(shot('2-folder-missing-zh'));

    await page.getByTestId('backup-folder').fill(folder);
    await page.getByTestId('backup-hour').selectOption('3');
    await page.getByTestId('backup-keep-days').fill('14');
    await page.getByTestId('backup-save').click();
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backup-last')).toHaveClass(/swipe-ok/);
    const row = page.getByTestId('backup-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('backup-verified')).toHaveClass(/swipe-ok/);
    await page.screenshot(shot('3-backed-up-zh'));
    await page.getByTestId('locale-toggle').click();
    await expect(page.getByTestId('backup-now')).toHaveText('Back up now');
    await page.screenshot(shot('4-backed-up-en'));
    await page.getByTestId('locale-toggle').click();
    await expect(page.getByTestId('backup-now')).toHaveText('立即备份');

    // A sale after the backup: the restore takes the till back to before it.
    await page.getByTestId('nav-sell').click();
    const lost = await sellTwoItemsForCash(page);
    await goTo(page, 'backup');
    await page.getByTestId('backup-restore').click();
    const dialog = page.getByTestId('restore-dialog');
    await expect(dialog.getByTestId('restore-check-ok')).toBeVisible();
    await page.screenshot(shot('5-restore-confirm-zh'));
    await dialog.getByTestId('restore-confirm').click();
    await expect(dialog.getByTestId('restore-finished')).toHaveAttribute('data-ok', 'true');
    await expect(dialog.getByTestId('restore-finished')).toContainText('before-restore-');
    await page.screenshot(shot('6-restored-zh'));
    await dialog.getByTestId('restore-continue').click();

    await logIn(page, OWNER.name, OWNER.pin);
    await expectSaleInHistory(page, kept.receiptNo, kept.total);
    await expect(page.getByTestId('history-row').filter({ hasText: lost.receiptNo })).toHaveCount(
      0,
    );
  } finally {
    await app.stop();
  }
});

test('a ledger too damaged to open: the owner restores a backup from the recovery page', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  const folder = tempRunDir('backups');
  const first = await startBrowserHost(dataDir);
  let kept: Awaited<ReturnType<typeof sellTwoItemsForCash>>;
  try {
    await page.goto(first.launchUrl);
    await setUpAndSignIn(page);
    kept = await sellTwoItemsForCash(page);
    await goTo(page, 'backup');
    await page.getByTestId('backup-folder').fill(folder);
    await page.getByTestId('backup-save').click();
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backup-last')).toHaveClass(/swipe-ok/);
  } finally {
    await first.stop();
  }
  // The disk wrote garbage over the ledger while the till was off.
  writeFileSync(join(dataDir, 'ledger.sqlite'), Buffer.alloc(16_384, 0x5a));

  const second = await startBrowserHost(dataDir);
  try {
    await page.goto(second.launchUrl);
    const recovery = page.getByTestId('recovery-screen');
    await expect(recovery).toBeVisible();
    await expect(page.getByTestId('recovery-problem')).toContainText('file is not a database');
    // The folder chosen on the Backup screen is remembered outside the damaged ledger.
    await expect(page.getByTestId('recovery-folder')).toHaveValue(folder);
    await page.getByTestId('recovery-show').click();
    await expect(page.getByTestId('recovery-row')).toHaveCount(1);
    await page.getByTestId('recovery-row').getByRole('button').click();
    await page.getByTestId('recovery-pin').fill('9999');
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByTestId('recovery-error')).toBeVisible();
    await page.screenshot(shot('7-recovery-wrong-pin-zh'));
    await page.getByTestId('locale-toggle').click();
    await expect(page.getByTestId('recovery-restore')).toHaveText('Check and restore');
    await page.screenshot(shot('7-recovery-wrong-pin-en'));
    await page.getByTestId('recovery-pin').fill(OWNER.pin);
    await page.getByTestId('recovery-restore').click();

    // The till restarts on the copy and the page reloads to the PIN pad.
    await logIn(page, OWNER.name, OWNER.pin);
    await expectSaleInHistory(page, kept.receiptNo, kept.total);
    await page.screenshot(shot('8-after-recovery-zh'));
  } finally {
    await second.stop();
  }
});
