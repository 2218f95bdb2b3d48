import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../log/logger';
import { createServices } from '../../services';
import { testScryptCost } from '../../testing/temp-services';
import { registerAppScheme } from '../app-protocol';
import { startElectronApp } from '../electron-app';
import type { ElectronApp, ElectronAppOptions } from '../electron-app';
import type { FakeElectron } from './fake-electron';

export const RENDERER_HTML =
  '<!doctype html><title>Countertop</title><script src="app.js"></script>';

/** A built renderer in miniature: what app:// serves in these tests. */
function miniRenderer(root: string): string {
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), RENDERER_HTML);
  writeFileSync(join(dir, 'app.js'), 'console.log("till");');
  writeFileSync(join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // Beside the renderer folder, where a path that escapes it would land.
  writeFileSync(join(root, 'secret.txt'), 'not for the renderer');
  return dir;
}

export interface StartedOnFake extends ElectronApp {
  root: string;
  dataDir: string;
  said: string[];
}

/**
 * Runs the real Electron app code on the fake, as electron-main.ts does: the scheme
 * registered before `ready`, then `ready`, then the till window. Null in a second instance.
 */
export async function startOnFake(
  fake: FakeElectron,
  options: {
    args?: string[];
    platform?: NodeJS.Platform;
    dataDir?: string;
    /** Where the app's lines to the terminal go. */
    said?: string[];
  } = {},
): Promise<StartedOnFake | null> {
  const root = mkdtempSync(join(tmpdir(), 'countertop-electron-'));
  const dataDir = options.dataDir ?? join(root, 'data');
  const said = options.said ?? [];
  const settings: ElectronAppOptions = {
    argv: ['/opt/Countertop/countertop', `--data-dir=${dataDir}`, ...(options.args ?? [])],
    env: {},
    platform: options.platform ?? 'linux',
    rendererDir: miniRenderer(root),
    preload: join(root, 'preload.cjs'),
    sqliteBinding: join(root, 'no-electron-build', 'better_sqlite3.node'),
    makeServices: (base) =>
      createServices({ ...base, scryptCost: testScryptCost, log: silentLogger }),
    say: (line) => said.push(line),
  };
  registerAppScheme();
  const starting = startElectronApp(settings);
  fake.app.becomeReady();
  const started = await starting;
  return started && { ...started, root, dataDir, said };
}
