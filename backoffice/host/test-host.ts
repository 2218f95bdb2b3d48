import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WireEntry } from '@app/sync/protocol';
import type { RouteModule } from '../http/route-module';
import { startBackOffice } from '../server';
import type { BackOffice, BackOfficeOptions } from '../server';
import { openBackOfficeDatabase } from '../store/open-database';
import type { Migration, SqlDatabase } from '../store/sql';
import { addMerchant, issueBindingCode } from './binding';
import type { Merchant } from './binding';
import { storedEntries } from './host-ledger';
import { FaultPlan } from './faults';
import type { Faults } from './faults';

export interface TestHostOptions {
  /** 0 or absent: a free port the system picks. */
  port?: number;
  /** `postgres://…`, or a SQLite file; absent: `dbFile`. */
  database?: string;
  /** Absent (and no `database`): a SQLite file in a temporary directory, deleted on close. */
  dbFile?: string;
  /** PostgreSQL connections (default 10). */
  poolSize?: number;
  /** The host's clock in ms (Date.now by default); fault clockSkewS is added to it. */
  now?: () => number;
  merchants?: Merchant[];
  /** Draws for probability faults (Math.random by default). */
  random?: () => number;
  /** Feature routes tried before upstream-sync-v1; a function gets the (re)opened database. */
  routes?: readonly RouteModule[] | ((db: SqlDatabase) => readonly RouteModule[]);
  /** The features' migrations, applied with the core ones. */
  migrations?: readonly Migration[];
  /** IANA time zone of the merchants' default shops (the host machine's by default). */
  timeZone?: string;
  /** Retry-After when the database cannot take a request (default 5 s). */
  retryAfterS?: number;
  log?: (line: string) => void;
  /** Told of chain_broken and sensitive_data refusals; gets the (re)opened database. */
  onRefusal?: (db: SqlDatabase) => BackOfficeOptions['onRefusal'];
}

export interface TestHost {
  /** http://127.0.0.1:<port>, the same across restart(). */
  url: string;
  /** Where its data is: a PostgreSQL URL or the SQLite file. */
  database: string;
  /** The SQLite file (WAL beside it); the PostgreSQL URL on PostgreSQL. */
  dbFile: string;
  /** The open database (a new one after restart()). */
  readonly db: SqlDatabase;
  issueBindingCode(merchantId: string, shopId?: string): Promise<string>;
  addMerchant(merchant: Merchant): Promise<void>;
  setFaults(faults: Partial<Faults>): void;
  faults(): Faults;
  /** What the host holds for the terminal, in seq order. */
  entries(terminalId: string): Promise<WireEntry[]>;
  /** Closes and reopens the server and database on the same port and database. */
  restart(): Promise<void>;
  /** Requests held open with no answer (test amount "91"), until their client gives up. */
  heldOpen(): number;
  close(): Promise<void>;
}

/**
 * A conforming upstream-sync-v1 back office on 127.0.0.1 with fault injection, on its own
 * SQLite file or a PostgreSQL database: for the tills' tests, the back office's own, and
 * people trying the app (`npm run host`).
 */
export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const tempDir =
    options.database === undefined && options.dbFile === undefined
      ? mkdtempSync(join(tmpdir(), 'upstream-host-'))
      : null;
  const database =
    options.database ?? options.dbFile ?? join(tempDir ?? '.', 'upstream-host.sqlite');
  const plan = new FaultPlan(options.random);
  const open = async (port: number): Promise<{ db: SqlDatabase; server: BackOffice }> => {
    const db = await openBackOfficeDatabase(database, {
      ...(options.poolSize !== undefined ? { poolSize: options.poolSize } : {}),
      ...(options.migrations !== undefined ? { migrations: options.migrations } : {}),
    });
    const routes = typeof options.routes === 'function' ? options.routes(db) : options.routes;
    try {
      const server = await startBackOffice({
        db,
        port,
        faults: plan,
        ...(routes !== undefined ? { routes } : {}),
        ...(options.now !== undefined ? { now: options.now } : {}),
        ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
        ...(options.retryAfterS !== undefined ? { retryAfterS: options.retryAfterS } : {}),
        ...(options.log !== undefined ? { log: options.log } : {}),
        ...(options.onRefusal !== undefined ? { onRefusal: options.onRefusal(db) } : {}),
      });
      return { db, server };
    } catch (error) {
      await db.close();
      throw error;
    }
  };
  let current = await open(options.port ?? 0);
  const { port } = current.server;
  for (const merchant of options.merchants ?? []) await addMerchant(current.server.ctx, merchant);

  const stop = async (): Promise<void> => {
    await current.server.close();
    await current.db.close();
  };
  return {
    url: current.server.url,
    database,
    dbFile: database,
    get db() {
      return current.db;
    },
    issueBindingCode: (merchantId, shopId) =>
      issueBindingCode(current.server.ctx, merchantId, shopId),
    addMerchant: (merchant) => addMerchant(current.server.ctx, merchant),
    setFaults: (faults) => plan.set(faults),
    faults: () => plan.current,
    heldOpen: () => current.server.heldOpen(),
    entries: (terminalId) => storedEntries(current.db, terminalId),
    restart: async () => {
      await stop();
      current = await open(port);
    },
    close: async () => {
      await stop();
      if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
