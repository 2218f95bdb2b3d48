import { join } from 'node:path';
import { _electron as electron, test } from '@playwright/test';
import { findElectronBinary, hasDisplay } from '@main/host/electron-binary';
import { tempDataDir } from './support/browser-host';
import { expectSaleInHistory, sellTwoItemsForCash } from './support/cash-sale-flow';
import { setUpAndSignIn } from './support/staff';

const binary = findElectronBinary(join(process.cwd(), 'package.json'));
const skipReason =
  binary === null
    ? 'Electron binary not installed (its download host is unreachable here): the browser-host spec covers the same flow, and main/electron/*.test.ts runs the Electron main process on a fake.'
    : 'No display (DISPLAY and WAYLAND_DISPLAY unset): Electron needs one; run under xvfb-run.';

test('a cash sale survives a restart of the Electron app', async () => {
  test.skip(binary === null || !hasDisplay(), skipReason);
  const dataDir = tempDataDir();
  const launch = () =>
    electron.launch({
      executablePath: binary ?? '',
      args: ['dist/main/electron-main.cjs', `--data-dir=${dataDir}`],
    });
  const first = await launch();
  const window = await first.firstWindow();
  await setUpAndSignIn(window);
  const { total, receiptNo } = await sellTwoItemsForCash(window);
  await first.close();

  const second = await launch();
  const again = await second.firstWindow();
  await setUpAndSignIn(again);
  await expectSaleInHistory(again, receiptNo, total);
  await second.close();
});
