import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BINDING_CODE_TTL_MS } from './binding';
import type { Merchant } from './binding';
import { CLI_USAGE, parseCliOptions } from './cli-options';
import { startTestHost } from './test-host';

/** `npm run host`: the upstream test host for people trying the app. */
const DEMO_MERCHANT: Merchant = {
  merchantId: '898310048160001',
  merchantName: 'Countertop Demo Merchant 演示商户',
  settlementAccount: '6222 **** **** 1234',
};

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(CLI_USAGE);
    return;
  }
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return;
  }
  mkdirSync(dirname(options.dbFile), { recursive: true });
  const host = await startTestHost({
    port: options.port,
    dbFile: options.dbFile,
    merchants: [DEMO_MERCHANT],
  });
  host.setFaults(options.faults);

  const printCode = (): void => {
    const code = host.issueBindingCode(DEMO_MERCHANT.merchantId);
    const until = new Date(Date.now() + BINDING_CODE_TTL_MS).toLocaleTimeString();
    console.log(`Binding code:  ${code}  (one use, valid until ${until})`);
  };
  console.log(`Upstream test host (upstream-sync-v1) at ${host.url}`);
  console.log(`Database:      ${options.dbFile}`);
  console.log(`Merchant ID:   ${DEMO_MERCHANT.merchantId}  ${DEMO_MERCHANT.merchantName}`);
  printCode();
  if (process.stdin.isTTY) {
    console.log('Press Enter for a new binding code, Ctrl+C to stop.');
    process.stdin.on('data', printCode);
  }

  const stop = (): void => {
    process.stdin.pause();
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
