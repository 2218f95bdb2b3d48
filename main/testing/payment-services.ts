import Database from 'better-sqlite3';
import type { TestCardName } from '@app/card/test-cards';
import type { Services } from '../services';
import { MERCHANT } from '@backoffice/host/test-support';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';
import { call, signInOwner, tempServices } from './temp-services';

/** Polls (yielding to the event loop between tries) until `check` passes, within `withinMs`. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  check: (value: T) => boolean,
  withinMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition never met: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A till bound to a fresh test host (the payment host), with simulated devices, its owner
 * signed in with a shift open and the card reader connected: ready to take cards.
 */
export async function startPaymentServices(hostOptions: { dbFile?: string } = {}): Promise<{
  host: TestHost;
  services: Services;
  dataDir: string;
}> {
  const host = await startTestHost({ merchants: [MERCHANT], ...hostOptions });
  const { services, dataDir } = tempServices(undefined, undefined, {
    simulateDevices: true,
    authorizationTimeoutMs: 400,
    swipeWaitMs: 5_000,
  });
  await signInOwner(services);
  await call(services, 'sync.bind', {
    hostUrl: host.url,
    merchantId: MERCHANT.merchantId,
    terminalId: 'CTSHOP01',
    bindingCode: await host.issueBindingCode(MERCHANT.merchantId),
  });
  await eventually(
    () => call(services, 'devices.list', {}),
    (view) => view.devices.find((d) => d.role === 'cardReader')?.state === 'connected',
  );
  return { host, services, dataDir };
}

/** Starts a card swipe and swipes a test card on the simulated reader once it waits. */
export async function swipeCard(services: Services, card: TestCardName, amountMinor: number) {
  const pending = services.dispatch('payment.swipe', { amountMinor });
  await eventually(
    () => call(services, 'payment.get', {}),
    (view) => view.waiting === 'swipe',
  );
  await call(services, 'devices.simulateSwipe', { card });
  return pending;
}

/** The host's own record of an authorization: voided, reversed, or neither. */
export function hostState(host: TestHost, authId: string): { voided: boolean; reversed: boolean } {
  const db = new Database(host.dbFile, { readonly: true });
  try {
    const voided = db.prepare('SELECT 1 FROM voids WHERE auth_id = ?').get(authId) !== undefined;
    const reversed =
      db.prepare('SELECT 1 FROM reversals WHERE auth_id = ?').get(authId) !== undefined;
    return { voided, reversed };
  } finally {
    db.close();
  }
}
