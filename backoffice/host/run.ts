import { BINDING_CODE_TTL_MS } from './binding';
import type { Merchant } from './binding';
import { CLI_USAGE, parseCliOptions } from './cli-options';
import { isPostgresUrl } from '../store/open-database';
import { startTestHost } from './test-host';
import { downsyncMigrations, downsyncRoutes } from '../http/downsync-routes';
import { dashboardFeature } from '../dashboard/dashboard-feature';

/** `npm run host`: the back office (upstream-sync-v1) on SQLite or PostgreSQL. */
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
  const dashboard = dashboardFeature({ defaultTimeZone: options.timeZone });
  let host;
  try {
    host = await startTestHost({
      port: options.port,
      database: options.database,
      poolSize: options.poolSize,
      timeZone: options.timeZone,
      merchants: [DEMO_MERCHANT],
      migrations: [...downsyncMigrations, ...dashboard.migrations],
      routes: (db) => [
        downsyncRoutes(db, { ownerToken: options.ownerToken }),
        ...dashboard.routes(db),
      ],
      onRefusal: (db) => dashboard.onRefusal(db),
    });
  } catch (error) {
    console.error(
      `Cannot open the database ${shown(options.database)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
    return;
  }
  host.setFaults(options.faults);

  const printCode = async (): Promise<void> => {
    try {
      const code = await host.issueBindingCode(DEMO_MERCHANT.merchantId);
      const until = new Date(Date.now() + BINDING_CODE_TTL_MS).toLocaleTimeString();
      console.log(`Binding code:  ${code}  (one use, valid until ${until})`);
    } catch (error) {
      console.error(`No binding code: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  console.log(`Back office (upstream-sync-v1) at ${host.url}`);
  console.log(`Database:      ${shown(options.database)}`);
  console.log(`Time zone:     ${options.timeZone} (new shops)`);
  console.log(
    `Owner API:     ${options.ownerToken === null ? 'closed (no --owner-token)' : 'open'}`,
  );
  console.log(`Merchant ID:   ${DEMO_MERCHANT.merchantId}  ${DEMO_MERCHANT.merchantName}`);
  console.log(`Dashboard:     ${host.url}/dashboard/`);
  const setup = await dashboard.setupPath();
  if (setup !== null) {
    console.log(`Owner set-up:  ${host.url}${setup}`);
    console.log('               (open it once to choose the owner’s login and password)');
  }
  await printCode();
  if (process.stdin.isTTY) {
    console.log('Press Enter for a new binding code, Ctrl+C to stop.');
    process.stdin.on('data', () => void printCode());
  }

  const stop = (): void => {
    process.stdin.pause();
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A PostgreSQL URL without its password. */
function shown(database: string): string {
  if (!isPostgresUrl(database)) return database;
  const url = new URL(database);
  if (url.password !== '') url.password = '****';
  return url.toString();
}

void main();
