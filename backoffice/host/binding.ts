import { randomBytes, randomInt } from 'node:crypto';
import type { BindRequest } from '@app/sync/protocol';
import { forUpdate } from '../store/sql';
import type { SqlRunner } from '../store/sql';
import type { HostContext, Reply } from './reply';
import { fail, ok } from './reply';

// upstream-sync-v1 "Identities": a 6-digit code, one-time, valid 10 minutes; 5 wrong tries
// lock the terminalId for 15 minutes.
export const BINDING_CODE_TTL_MS = 10 * 60_000;
export const BINDING_LOCK_MS = 15 * 60_000;
export const MAX_WRONG_BINDING_CODES = 5;

export interface Merchant {
  merchantId: string;
  merchantName: string;
  /** Masked, as the terminal shows it: "6222 **** **** 1234". */
  settlementAccount: string;
}

/** The shop every merchant starts with; terminals bound with a plain code belong to it. */
export const defaultShopId = (merchantId: string): string => `${merchantId}-1`;

/** Adds the merchant (or updates its name and account) and its default shop. */
export async function addMerchant(ctx: HostContext, merchant: Merchant): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.execute(
      `INSERT INTO merchants (merchant_id, name, settlement_account) VALUES ($1, $2, $3)
       ON CONFLICT (merchant_id) DO UPDATE SET name = excluded.name,
         settlement_account = excluded.settlement_account`,
      [merchant.merchantId, merchant.merchantName, merchant.settlementAccount],
    );
    await tx.execute(
      `INSERT INTO shops (shop_id, merchant_id, name, time_zone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (shop_id) DO NOTHING`,
      [
        defaultShopId(merchant.merchantId),
        merchant.merchantId,
        merchant.merchantName,
        ctx.timeZone,
      ],
    );
  });
}

/**
 * A fresh code that binds a terminal to the merchant's shop (its default shop unless
 * named), distinct from the merchant's other unused, unexpired codes.
 */
export async function issueBindingCode(
  ctx: HostContext,
  merchantId: string,
  shopId = defaultShopId(merchantId),
): Promise<string> {
  const shops = await ctx.db.query('SELECT 1 FROM shops WHERE shop_id = $1 AND merchant_id = $2', [
    shopId,
    merchantId,
  ]);
  if (shops.length === 0) throw new Error(`unknown merchant ${merchantId} or shop ${shopId}`);
  const now = ctx.now();
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    // A code still in use is left alone; an expired or used one is issued again.
    const issued = await ctx.db.execute(
      `INSERT INTO binding_codes (merchant_id, code, shop_id, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (merchant_id, code) DO UPDATE SET expires_at = excluded.expires_at,
         shop_id = excluded.shop_id, used_at = NULL
       WHERE binding_codes.used_at IS NOT NULL OR binding_codes.expires_at <= $5`,
      [merchantId, code, shopId, now + BINDING_CODE_TTL_MS, now],
    );
    if (issued === 1) return code;
  }
}

type FailureRow = {
  failures: number;
  locked_until: number | null;
};

/** upstream-sync-v1 "Identities": POST /v1/bind. */
export function bind(ctx: HostContext, request: BindRequest): Promise<Reply> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx): Promise<Reply> => {
    const [row] = await tx.query<FailureRow>(
      `SELECT failures, locked_until FROM binding_failures WHERE terminal_id = $1${forUpdate(tx)}`,
      [request.terminalId],
    );
    if (row?.locked_until != null && row.locked_until > now) {
      return fail(423, {
        error: 'binding_locked',
        retryAfter: Math.ceil((row.locked_until - now) / 1000),
      });
    }
    // Spending the code is the check: of two binds with one code, one changes the row.
    const [code] = await tx.query<{ shop_id: string }>(
      `UPDATE binding_codes SET used_at = $1
       WHERE merchant_id = $2 AND code = $3 AND used_at IS NULL AND expires_at > $1
       RETURNING shop_id`,
      [now, request.merchantId, request.bindingCode],
    );
    if (code === undefined) {
      // A lock that has run out starts the count again.
      const failures = (row?.locked_until != null ? 0 : (row?.failures ?? 0)) + 1;
      const lockedUntil = failures >= MAX_WRONG_BINDING_CODES ? now + BINDING_LOCK_MS : null;
      await tx.execute(
        `INSERT INTO binding_failures (terminal_id, failures, locked_until) VALUES ($1, $2, $3)
         ON CONFLICT (terminal_id) DO UPDATE SET failures = excluded.failures,
           locked_until = excluded.locked_until`,
        [request.terminalId, lockedUntil === null ? failures : 0, lockedUntil],
      );
      return fail(403, { error: 'binding_code_invalid' });
    }
    await tx.execute('DELETE FROM binding_failures WHERE terminal_id = $1', [request.terminalId]);
    const terminalSecret = randomBytes(32).toString('base64');
    // Binding again (a reinstalled till) replaces the secret; its ledger stays.
    await tx.execute(
      `INSERT INTO terminals (terminal_id, merchant_id, shop_id, secret, device_name, bound_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (terminal_id) DO UPDATE SET merchant_id = excluded.merchant_id,
         shop_id = excluded.shop_id, secret = excluded.secret,
         device_name = excluded.device_name, bound_at = excluded.bound_at`,
      [
        request.terminalId,
        request.merchantId,
        code.shop_id,
        terminalSecret,
        request.deviceName,
        now,
      ],
    );
    const [merchant] = await tx.query<{ name: string; settlement_account: string }>(
      'SELECT name, settlement_account FROM merchants WHERE merchant_id = $1',
      [request.merchantId],
    );
    return ok(200, {
      terminalSecret,
      merchantName: merchant?.name ?? '',
      settlementAccount: merchant?.settlement_account ?? '',
    });
  });
}

export async function terminalSecret(db: SqlRunner, terminalId: string): Promise<Buffer | null> {
  const [row] = await db.query<{ secret: string }>(
    'SELECT secret FROM terminals WHERE terminal_id = $1',
    [terminalId],
  );
  return row === undefined ? null : Buffer.from(row.secret, 'base64');
}
