import { app } from 'electron';
import { join } from 'node:path';
import { recordCrashes } from '../log/crash-log';
import { registerAppScheme } from './app-protocol';
import { PACKAGED_SQLITE, startElectronApp } from './electron-app';

// Before `ready`: app:// must be a privileged scheme from the first request.
registerAppScheme();

startElectronApp({
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  rendererDir: join(__dirname, '..', 'renderer'),
  preload: join(__dirname, 'preload.cjs'),
  // electron-builder.yml ships it as a resource; scripts/build-electron-sqlite.sh makes it.
  sqliteBinding: app.isPackaged
    ? join(process.resourcesPath, PACKAGED_SQLITE)
    : join(__dirname, '..', '..', '.electron-native', 'better_sqlite3.node'),
})
  .then((started) => {
    if (started) recordCrashes(started.services.log);
  })
  .catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });
