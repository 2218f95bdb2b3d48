import { encodeTrack2 } from '@app/card/encode-track';
import { testCards } from '@app/card/test-cards';
import type { TestCardName } from '@app/card/test-cards';
import { HostClient } from '../sync/host-client';
import { bindTill, startHost } from '../sync/sync-test-support';
import type { Till } from '../sync/sync-test-support';
import type { TestHost } from '@backoffice/host/test-host';
import type { AuthorizationInput, HostAccess } from './card-authorizer';

/** A till bound to a fresh test host: the payment host of "Card and QR authorization". */
export async function startPaymentTill(): Promise<{ host: TestHost; till: Till }> {
  const host = await startHost();
  return { host, till: await bindTill(host) };
}

/** The till's signed way to the host, or to another URL (a host that is down). */
export function hostAccessOf(till: Till, url: () => string): HostAccess {
  return {
    connect: (timeoutMs) => ({
      client: new HostClient({ baseUrl: url(), timeoutMs, clock: till.clock }),
      credentials: till.credentials,
    }),
  };
}

export const swipe = (card: TestCardName, amount = 1_000): AuthorizationInput => ({
  kind: 'sale',
  amount,
  currency: 'CNY',
  batchNo: '000001',
  means: { entryMode: 'swipe', track2: encodeTrack2(testCards[card], false) },
});

export const qr = (qrCode: string, amount = 1_000): AuthorizationInput => ({
  kind: 'sale',
  amount,
  currency: 'CNY',
  batchNo: '000001',
  means: { entryMode: 'qr', qrCode },
});
