import { randomBytes, randomInt } from 'node:crypto';
import type { BindRequest } from '@app/sync/protocol';
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

export function addMerchant(ctx: HostContext, merchant: Merchant): void {
  ctx.db
    .prepare(
      `INSERT INTO merchants (merchant_id, name, settlement_account) VALUES (?, ?, ?)
       ON CONFLICT (merchant_id) DO UPDATE SET name = excluded.name,
         settlement_account = excluded.settlement_account`,
    )
    .run(merchant.merchantId, merchant.merchantName, merchant.settlementAccount);
}

/** A fresh code for the merchant, distinct from its other unused, unexpired codes. */
export function issueBindingCode(ctx: HostContext, merchantId: string): string {
  const known = ctx.db.prepare('SELECT 1 FROM merchants WHERE merchant_id = ?').get(merchantId);
  if (known === undefined) throw new Error(`unknown merchant ${merchantId}`);
  const now = ctx.now();
  const taken = ctx.db.prepare(
    'SELECT 1 FROM binding_codes WHERE merchant_id = ? AND code = ? AND used_at IS NULL AND expires_at > ?',
  );
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (taken.get(merchantId, code, now) !== undefined) continue;
    ctx.db
      .prepare(
        `INSERT INTO binding_codes (merchant_id, code, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (merchant_id, code) DO UPDATE SET expires_at = excluded.expires_at,
           used_at = NULL`,
      )
      .run(merchantId, code, now + BINDING_CODE_TTL_MS);
    return code;
  }
}

interface FailureRow {
  failures: number;
  locked_until: number | null;
}

/** upstream-sync-v1 "Identities": POST /v1/bind. */
export function bind(ctx: HostContext, request: BindRequest): Reply {
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction((): Reply => {
    const row = db
      .prepare('SELECT failures, locked_until FROM binding_failures WHERE terminal_id = ?')
      .get(request.terminalId) as FailureRow | undefined;
    if (row?.locked_until != null && row.locked_until > now) {
      return fail(423, {
        error: 'binding_locked',
        retryAfter: Math.ceil((row.locked_until - now) / 1000),
      });
    }
    const code = db
      .prepare(`SELECT expires_at, used_at FROM binding_codes WHERE merchant_id = ? AND code = ?`)
      .get(request.merchantId, request.bindingCode) as
      { expires_at: number; used_at: number | null } | undefined;
    if (code === undefined || code.used_at !== null || code.expires_at <= now) {
      // A lock that has run out starts the count again.
      const failures = (row?.locked_until != null ? 0 : (row?.failures ?? 0)) + 1;
      const lockedUntil = failures >= MAX_WRONG_BINDING_CODES ? now + BINDING_LOCK_MS : null;
      db.prepare(
        `INSERT INTO binding_failures (terminal_id, failures, locked_until) VALUES (?, ?, ?)
         ON CONFLICT (terminal_id) DO UPDATE SET failures = excluded.failures,
           locked_until = excluded.locked_until`,
      ).run(request.terminalId, lockedUntil === null ? failures : 0, lockedUntil);
      return fail(403, { error: 'binding_code_invalid' });
    }
    db.prepare('UPDATE binding_codes SET used_at = ? WHERE merchant_id = ? AND code = ?').run(
      now,
      request.merchantId,
      request.bindingCode,
    );
    db.prepare('DELETE FROM binding_failures WHERE terminal_id = ?').run(request.terminalId);
    const terminalSecret = randomBytes(32).toString('base64');
    // Binding again (a reinstalled till) replaces the secret; its ledger stays.
    db.prepare(
      `INSERT INTO terminals (terminal_id, merchant_id, secret, device_name, bound_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (terminal_id) DO UPDATE SET merchant_id = excluded.merchant_id,
         secret = excluded.secret, device_name = excluded.device_name, bound_at = excluded.bound_at`,
    ).run(request.terminalId, request.merchantId, terminalSecret, request.deviceName, now);
    const merchant = db
      .prepare('SELECT name, settlement_account FROM merchants WHERE merchant_id = ?')
      .get(request.merchantId) as { name: string; settlement_account: string };
    return ok(200, {
      terminalSecret,
      merchantName: merchant.name,
      settlementAccount: merchant.settlement_account,
    });
  })();
}

export function terminalSecret(ctx: HostContext, terminalId: string): Buffer | null {
  const row = ctx.db
    .prepare('SELECT secret FROM terminals WHERE terminal_id = ?')
    .get(terminalId) as { secret: string } | undefined;
  return row === undefined ? null : Buffer.from(row.secret, 'base64');
}
