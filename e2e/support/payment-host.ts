import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';
import { MERCHANT } from '@backoffice/host/test-support';
import { tempRunDir } from './browser-host';
import { wedgeBurst } from './wedge';
import { goTo } from './nav';

// A keyboard-wedge reader types the stripe at a few ms per key: the approved test Visa.
export const VISA_SWIPE =
  '%B4111111111111111^TEST/VISA^3012101000000000?;4111111111111111=3012101000000000?';

/** The approved test Visa swiped on the keyboard-wedge reader: one burst, as the hardware sends. */
export const swipeVisa = (page: Page): Promise<void> => wedgeBurst(page, VISA_SWIPE);

/** The payment host, its store under the run's root (the card-data scan reads it too). */
export function startPaymentHost(): Promise<TestHost> {
  return startTestHost({
    merchants: [MERCHANT],
    dbFile: join(tempRunDir('host'), 'upstream-host.sqlite'),
  });
}

/** Binds the till to the host on the sync screen, as the owner does once, then back to selling. */
export async function bindTill(page: Page, upstream: TestHost, terminalId: string): Promise<void> {
  await goTo(page, 'sync');
  await page.getByTestId('bind-host').fill(upstream.url);
  await page.getByTestId('bind-merchant').fill(MERCHANT.merchantId);
  await page.getByTestId('bind-terminal').fill(terminalId);
  await page.getByTestId('bind-code').fill(await upstream.issueBindingCode(MERCHANT.merchantId));
  await page.getByTestId('bind-submit').click();
  await expect(page.getByTestId('sync-merchant')).toHaveText(MERCHANT.merchantName);
  await page.getByTestId('nav-sell').click();
}

export interface HostAuthorization {
  amount: number;
  entryMode: string;
  outcome: string;
  /** The host's answer to the reversal (冲正): 1 undone, 0 never approved; null: none came. */
  reversed: number | null;
}

/** What the host recorded, read from its own store (the host has no listing endpoint). */
export function hostAuthorizations(upstream: TestHost): HostAuthorization[] {
  const db = new Database(upstream.dbFile, { readonly: true });
  try {
    return db
      .prepare<[], HostAuthorization>(
        `SELECT a.amount, a.entry_mode AS entryMode, a.outcome, r.reversed
         FROM authorizations a
         LEFT JOIN reversals r ON r.terminal_id = a.terminal_id AND r.auth_id = a.auth_id
         ORDER BY a.created_at, a.trace_no`,
      )
      .all();
  } finally {
    db.close();
  }
}
