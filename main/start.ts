import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createServices } from './services';
import { restartableServices } from './restartable-services';
import { servicesOrRecovery } from './recovery/services-or-recovery';
import { startBrowserHost } from './host/browser-host';
import { relaunchWithoutCoreDumps } from './host/core-dumps';
import { resolveDataDir } from './host/data-dir';
import { describeHeldLock, lockDataDir } from './host/data-dir-lock';
import { findElectronBinary, hasDisplay } from './host/electron-binary';
import { parseLaunchOptions } from './host/launch-options';
import { openChromiumApp } from './host/open-chromium';
import { recordCrashes } from './log/crash-log';
import { appVersion } from './version';

/**
 * `npm start`: Countertop in Electron where its binary is installed and a display exists;
 * otherwise the browser host on 127.0.0.1, opened in Chromium's app mode when it can be.
 */
async function main(): Promise<void> {
  if (relaunchWithoutCoreDumps()) return;
  const options = parseLaunchOptions(process.argv.slice(2));
  const dataDir = resolveDataDir(options.dataDir);
  // dist/main when built, main/ when run from source (tests): where this file is.
  const here = dirname(resolve(process.argv[1] ?? '.'));
  const electron = options.browser ? null : findElectronBinary(join(here, 'start.cjs'));
  if (electron && hasDisplay()) {
    const args = [join(here, 'electron-main.cjs'), `--data-dir=${dataDir}`];
    if (options.simulate) args.push('--simulate');
    const child = spawn(electron, args, {
      stdio: 'inherit',
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!options.browser) {
    console.log(
      electron
        ? 'No display found: starting the browser host instead of Electron.'
        : 'Electron binary not installed: starting the browser host instead.',
    );
  }

  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if (!lock.ok) {
    console.error(describeHeldLock(dataDir, lock));
    process.exit(75); // EX_TEMPFAIL: try again once the other one has stopped
  }
  process.on('exit', () => lock.release());
  // Restartable: a restore closes the services, swaps the ledger and starts them again.
  const services = restartableServices(
    servicesOrRecovery(
      (replaceLedger) =>
        createServices({
          dataDir,
          host: 'browser',
          version: appVersion,
          simulateDevices: options.simulate,
          replaceLedger,
          ...(options.testAuthorizationTimeoutMs === undefined
            ? {}
            : { authorizationTimeoutMs: options.testAuthorizationTimeoutMs }),
        }),
      { dataDir },
    ),
  );
  recordCrashes(services.log);
  const host = await startBrowserHost({
    services,
    rendererDir: join(here, '..', 'renderer'),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  console.log(`Countertop ${appVersion} is running.`);
  console.log(`Data: ${dataDir}`);
  console.log(`Open: ${host.launchUrl}`);
  if (options.open && hasDisplay()) {
    const opened = openChromiumApp(host.launchUrl, join(dataDir, 'chromium-profile'));
    if (!opened) console.log('No Chromium found: open the URL above in a browser.');
  }
  const stop = (): void => {
    void host
      .close()
      .then(() => services.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
