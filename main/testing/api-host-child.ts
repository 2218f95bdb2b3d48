import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../services';
import { startBrowserHost } from '../host/browser-host';
import { testScryptCost } from './temp-services';

/**
 * The till as tests crash it: the real services behind the real browser host, in a process
 * of its own. Prints `READY <url> <token> <pid>` once the API answers; tests drive it over
 * the WebSocket (api-client.ts) and kill -9 it. Run as
 * `node --import tsx main/testing/api-host-child.ts <data dir>`.
 */
const [dataDir] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: api-host-child.ts <data dir>');

const rendererDir = mkdtempSync(join(tmpdir(), 'countertop-api-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Countertop</title>');
const services = createServices({
  dataDir,
  host: 'browser',
  version: 'test',
  scryptCost: testScryptCost,
  simulateDevices: true,
});
const token = 'c'.repeat(48);
void startBrowserHost({ services, rendererDir, token }).then((host) => {
  process.stdout.write(`READY ${host.url} ${token} ${String(process.pid)}\n`);
  process.on('SIGTERM', () => {
    void host
      .close()
      .then(() => services.close())
      .then(() => process.exit(0));
  });
});
