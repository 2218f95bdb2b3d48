import { randomUUID } from 'node:crypto';
import type { EntryType, NewEntry } from '@app/ledger/entry';
import { Ledger } from '../kernel/ledger';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { silentLogger } from '../log/logger';
import type { Logger } from '../log/logger';
import { TerminalIdentityStore } from '../terminal/terminal-identity';
import { MERCHANT, START_MS } from '@backoffice/host/test-support';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';
import { requestBinding } from './binding';
import { HostClient } from './host-client';
import { HostClock } from './host-clock';
import type { TerminalCredentials } from './host-client';
import { SyncStore } from './sync-store';
import { Uploader } from './uploader';
import type { StepResult } from './uploader';

export const TILL_TERMINAL_ID = 'CTTEST01';

/** One till's ledger and sync tables, bound to a test host, with an uploader over them. */
export interface Till {
  temp: TempDatabase;
  ledger: Ledger;
  store: SyncStore;
  identity: TerminalIdentityStore;
  credentials: TerminalCredentials;
  clock: HostClock;
  uploader: Uploader;
  /** Commits `count` cash sales (amounts 100, 200, … by seq unless given). */
  commit(count: number, amount?: (seq: number) => number, type?: EntryType): void;
  /** A new uploader on the same database, as after a restart of the app. */
  restart(): Uploader;
  /** Steps until idle or stopped, not sleeping through back-offs; returns every result. */
  drain(maxSteps?: number): Promise<StepResult[]>;
}

export interface TillOptions {
  timeoutMs?: number;
  /** Bind to this host URL instead of the fixture host (a scripted host). */
  hostUrl?: string;
  /** Where the uploader logs (silent unless a test reads it). */
  log?: Logger;
}

export async function startHost(): Promise<TestHost> {
  return startTestHost({ merchants: [MERCHANT] });
}

/** A till bound to `host` through the real `POST /v1/bind`. */
export async function bindTill(host: TestHost, options: TillOptions = {}): Promise<Till> {
  const temp = tempDatabase('countertop-sync-');
  const { db } = temp;
  const ledger = new Ledger(db, silentLogger);
  const store = new SyncStore(db);
  const identity = new TerminalIdentityStore(db);
  const clock = new HostClock();
  const outcome = await requestBinding(
    {
      hostUrl: host.url,
      merchantId: MERCHANT.merchantId,
      terminalId: TILL_TERMINAL_ID,
      bindingCode: await host.issueBindingCode(MERCHANT.merchantId),
      deviceName: 'test till',
    },
    { clock, timeoutMs: 5_000, now: new Date(START_MS) },
  );
  const binding = { ...outcome.binding, hostUrl: options.hostUrl ?? host.url };
  db.transaction(() => {
    store.saveBinding(binding);
    identity.setTerminalId(binding.terminalId);
  })();
  const credentials = { terminalId: binding.terminalId, secret: outcome.secret };
  const client = new HostClient({
    baseUrl: binding.hostUrl,
    timeoutMs: options.timeoutMs ?? 5_000,
    clock,
  });
  const makeUploader = (): Uploader =>
    new Uploader({
      db,
      ledger,
      store,
      client: () => client,
      credentials: () => credentials,
      log: options.log ?? silentLogger,
      now: () => new Date(),
      random: () => 0.5,
      newId: randomUUID,
      closed: () => false,
    });
  const till: Till = {
    temp,
    ledger,
    store,
    identity,
    credentials,
    clock,
    uploader: makeUploader(),
    commit: (count, amount = (seq) => 100 * seq, type = 'sale') => {
      ledger.commit((tx) => {
        for (let i = 0; i < count; i += 1) {
          const seq = ledger.head().seq + 1;
          tx.append(cashEntry(type, amount(seq), identity.current().batchNo));
        }
      });
    },
    restart: () => {
      till.uploader = makeUploader();
      return till.uploader;
    },
    drain: async (maxSteps = 50) => {
      const results: StepResult[] = [];
      for (let i = 0; i < maxSteps; i += 1) {
        const result = await till.uploader.step();
        results.push(result);
        if (result.next === 'idle' || result.next === 'stopped') return results;
      }
      throw new Error(`uploader still busy after ${maxSteps} steps`);
    },
  };
  return till;
}

/** A cash entry of the given type; its sign follows the type (sale +, refund −, …). */
export function cashEntry(type: EntryType, magnitude: number, batchNo: string): NewEntry {
  const sign = ['void', 'refund', 'reversal', 'pay_out'].includes(type)
    ? -1
    : ['no_sale', 'shift_open', 'shift_close', 'z_close'].includes(type)
      ? 0
      : 1;
  const amount = sign * magnitude;
  return {
    id: randomUUID(),
    type,
    at: new Date().toISOString(),
    batchNo,
    currency: 'CNY',
    amount,
    tenders: amount === 0 ? [] : [{ method: 'cash', amount }],
    detail: { operator: 'test' },
  };
}
