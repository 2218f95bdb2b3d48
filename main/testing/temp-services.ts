import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { denominationsOf } from '@app/staff/denominations';
import type { CommandName, CommandOutput } from '@app/api/contract';
import { createServices } from '../services';
import type { Services, ServicesOptions } from '../services';
import { silentLogger } from '../log/logger';

/** A cheap scrypt for tests (production: main/staff/pin-hash.ts defaultScryptCost). */
export const testScryptCost = { N: 1_024, r: 8, p: 1 };
export const TEST_OWNER = { ownerName: 'Wang Fang', pin: '2468' };

/**
 * Services on a fresh temporary data folder, as a first start would make them. Unless
 * `staff: false`, the shop is set up, its owner signed in and a shift open (float 0), as
 * the till is before a sale; on a reused folder it signs in again and keeps the shift.
 */
export function tempServices(
  dataDir = mkdtempSync(join(tmpdir(), 'countertop-test-')),
  onDatabase?: ServicesOptions['onDatabase'],
  extra: Partial<ServicesOptions> = {},
) {
  const services = createServices({
    dataDir,
    host: 'browser',
    version: 'test',
    log: silentLogger,
    scryptCost: testScryptCost,
    ...(onDatabase ? { onDatabase } : {}),
    ...extra,
  });
  return { services, dataDir };
}

/** Calls a command and returns its value: in this process, or over a till's API. */
export type Caller = <K extends CommandName>(name: K, input: unknown) => Promise<CommandOutput<K>>;

/** Sets the shop up (first time), signs the owner in and opens a shift if none is. */
export async function signInOwner(services: Services): Promise<void> {
  await signInOwnerWith((name, input) => call(services, name, input));
}

/** signInOwner through any caller (a till process's API). */
export async function signInOwnerWith(call: Caller): Promise<void> {
  const status = await call('session.status', {});
  if (status.state === 'setup') {
    await call('setup.complete', {
      ...TEST_OWNER,
      shopName: 'Test Shop',
      shopAddress: '',
      currency: 'CNY',
      taxRates: { standard: 1300, reduced: 900 },
      receiptHeader: '',
      receiptFooter: '',
      locale: 'zh-CN',
    });
  } else {
    const owner = (await call('session.users', {})).find((u) => u.role === 'owner');
    if (!owner) throw new Error('no owner');
    await call('session.login', { userId: owner.id, pin: TEST_OWNER.pin });
  }
  const shift = await call('shift.current', {});
  if (!shift.open) await call('shift.open', { floatMinor: 0 });
}

/**
 * Closes the open shift (opened by signInOwner with no float) on a blind count of exactly
 * the cash it should hold, as the day's close requires.
 */
export async function closeShift(services: Services): Promise<void> {
  const { totals } = await call(services, 'shift.current', {});
  if (!totals) throw new Error('no own shift open');
  let left = totals.salesMinor + totals.payInsMinor - totals.payOutsMinor - totals.dropsMinor;
  const denominations: Record<string, number> = {};
  for (const value of denominationsOf.CNY) {
    const n = Math.floor(left / value);
    if (n > 0) denominations[String(value)] = n;
    left -= n * value;
  }
  await call(services, 'shift.close', { denominations });
}

/** Calls a command and returns its value, failing the test with the error otherwise. */
export async function call<K extends CommandName>(
  services: Services,
  name: K,
  input: unknown,
): Promise<CommandOutput<K>> {
  const result = await services.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as CommandOutput<K>;
}
