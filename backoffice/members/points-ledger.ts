import { maskPhone, pointsMovementOf } from '@app/members/points';
import type { HoldAnswer, MemberView } from '@app/sync/downsync-protocol';
import type { SqlDatabase, SqlRunner } from '../store/sql';
import { followUploads } from './derive-entries';
import type { EntryFollower } from './derive-entries';

/** Points one member may redeem on one till while it is offline, unless the owner sets another. */
export const DEFAULT_OFFLINE_ALLOWANCE = 500;
/** A hold no uploaded sale has spent after this long goes back to the balance. */
export const HOLD_LIFETIME_MS = 24 * 3600_000;

const intOf = (value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;

/**
 * One uploaded entry's points: the movement the till's ledger says (app/members/points.ts).
 * A sale whose redemption was held online consumes that hold (the oldest open one of the
 * same till, member and points) instead of taking the points a second time.
 */
const followPoints: EntryFollower = async (tx, terminal, entry) => {
  const movement = pointsMovementOf(entry);
  if (movement === null) return;
  const { merchantId, terminalId } = terminal;
  let delta = movement.delta;
  let holdId: string | null = null;
  const redeemed = entry.type === 'sale' ? intOf(entry.detail.pointsRedeemed) : 0;
  if (redeemed > 0) {
    const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const hold = await tx.query<{ hold_id: string }>(
      `SELECT hold_id FROM points_holds
       WHERE terminal_id = $1 AND member_id = $2 AND state = 'open' AND points = $3
       ORDER BY created_at, hold_id LIMIT 1${lock}`,
      [terminalId, movement.customerId, redeemed],
    );
    holdId = hold[0]?.hold_id ?? null;
    if (holdId !== null) {
      await tx.execute(
        `UPDATE points_holds SET state = 'consumed', consumed_seq = $2 WHERE hold_id = $1`,
        [holdId, entry.seq],
      );
      delta += redeemed;
    }
  }
  const inserted = await tx.execute(
    `INSERT INTO points_movements (terminal_id, seq, merchant_id, member_id, delta, hold_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (terminal_id, seq) DO NOTHING`,
    [terminalId, entry.seq, merchantId, movement.customerId, movement.delta, holdId],
  );
  if (inserted === 0) return;
  const member = entry.detail.member;
  const named = typeof member === 'object' && member !== null && !Array.isArray(member);
  await tx.execute(
    `INSERT INTO members (merchant_id, member_id, name, phone, phone_masked, card_barcode, created_at)
     VALUES ($1, $2, $3, '', $4, NULL, $5) ON CONFLICT (merchant_id, member_id) DO NOTHING`,
    [
      merchantId,
      movement.customerId,
      named && typeof member.name === 'string' ? member.name : '',
      named && typeof member.phoneMasked === 'string' ? member.phoneMasked : '',
      Date.parse(entry.at),
    ],
  );
  await addToBalance(tx, merchantId, movement.customerId, delta);
};

async function addToBalance(tx: SqlRunner, merchantId: string, memberId: string, delta: number) {
  await tx.execute(
    `INSERT INTO member_balances (merchant_id, member_id, balance) VALUES ($1, $2, 0)
     ON CONFLICT (merchant_id, member_id) DO NOTHING`,
    [merchantId, memberId],
  );
  await tx.execute(
    'UPDATE member_balances SET balance = balance + $3 WHERE merchant_id = $1 AND member_id = $2',
    [merchantId, memberId, delta],
  );
}

/** Balances include every entry the merchant's tills have uploaded, and no expired hold. */
export async function bringPointsUpToDate(
  db: SqlDatabase,
  merchantId: string,
  now: number,
): Promise<void> {
  await followUploads(db, 'points', merchantId, followPoints);
  await releaseExpiredHolds(db, merchantId, now - HOLD_LIFETIME_MS);
}

async function releaseExpiredHolds(db: SqlDatabase, merchantId: string, before: number) {
  const expired = await db.query<{ hold_id: string }>(
    `SELECT hold_id FROM points_holds WHERE merchant_id = $1 AND state = 'open' AND created_at < $2`,
    [merchantId, before],
  );
  for (const { hold_id: holdId } of expired) {
    await db.transaction(async (tx) => {
      const released = await tx.query<{ member_id: string; points: unknown }>(
        `UPDATE points_holds SET state = 'released' WHERE hold_id = $1 AND state = 'open'
         RETURNING member_id, points`,
        [holdId],
      );
      const hold = released[0];
      if (hold !== undefined)
        await addToBalance(tx, merchantId, hold.member_id, Number(hold.points));
    });
  }
}

export type HoldOutcome =
  | { kind: 'held'; first: boolean; answer: HoldAnswer }
  | { kind: 'insufficient'; balance: number }
  | { kind: 'unknown_member' }
  | { kind: 'conflict' };

/**
 * Takes `points` from a member's balance for a redemption on this till, or refuses: one
 * conditional UPDATE (`balance >= points`), so two tills redeeming at once are serialized
 * by the row and neither can overdraw. Replaying a holdId answers the first answer.
 */
export async function takeHold(
  db: SqlDatabase,
  request: {
    merchantId: string;
    terminalId: string;
    memberId: string;
    holdId: string;
    points: number;
    now: number;
  },
): Promise<HoldOutcome> {
  const { merchantId, terminalId, memberId, holdId, points } = request;
  return db.transaction(async (tx): Promise<HoldOutcome> => {
    const earlier = await tx.query<{
      terminal_id: string;
      member_id: string;
      points: unknown;
      balance_after: unknown;
    }>(
      'SELECT terminal_id, member_id, points, balance_after FROM points_holds WHERE hold_id = $1',
      [holdId],
    );
    const first = earlier[0];
    if (first !== undefined) {
      const same =
        first.terminal_id === terminalId &&
        first.member_id === memberId &&
        Number(first.points) === points;
      return same
        ? {
            kind: 'held',
            first: false,
            answer: { holdId, points, balance: Number(first.balance_after) },
          }
        : { kind: 'conflict' };
    }
    const taken = await tx.query<{ balance: unknown }>(
      `UPDATE member_balances SET balance = balance - $3
       WHERE merchant_id = $1 AND member_id = $2 AND balance >= $3 RETURNING balance`,
      [merchantId, memberId, points],
    );
    const after = taken[0];
    if (after === undefined) {
      const current = await tx.query<{ balance: unknown }>(
        'SELECT balance FROM member_balances WHERE merchant_id = $1 AND member_id = $2',
        [merchantId, memberId],
      );
      const row = current[0];
      if (row === undefined && !(await memberExists(tx, merchantId, memberId))) {
        return { kind: 'unknown_member' };
      }
      return { kind: 'insufficient', balance: Number(row?.balance ?? 0) };
    }
    await tx.execute(
      `INSERT INTO points_holds (hold_id, merchant_id, member_id, terminal_id, points, state,
         created_at, balance_after) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7)`,
      [holdId, merchantId, memberId, terminalId, points, request.now, Number(after.balance)],
    );
    return {
      kind: 'held',
      first: true,
      answer: { holdId, points, balance: Number(after.balance) },
    };
  });
}

async function memberExists(tx: SqlRunner, merchantId: string, memberId: string) {
  const rows = await tx.query('SELECT 1 FROM members WHERE merchant_id = $1 AND member_id = $2', [
    merchantId,
    memberId,
  ]);
  return rows.length > 0;
}

/** Members whose phone, card barcode or id is exactly `query`, with balance and allowance. */
export async function findMembers(
  db: SqlDatabase,
  merchantId: string,
  terminalId: string,
  query: string,
): Promise<MemberView[]> {
  const rows = await db.query<{
    member_id: string;
    name: string;
    phone: string;
    phone_masked: string;
    balance: unknown;
    allowance: unknown;
  }>(
    `SELECT m.member_id, m.name, m.phone, m.phone_masked, coalesce(b.balance, 0) AS balance,
       coalesce((SELECT points FROM offline_allowances WHERE terminal_id = $3), $4) AS allowance
     FROM members m
     LEFT JOIN member_balances b ON b.merchant_id = m.merchant_id AND b.member_id = m.member_id
     WHERE m.merchant_id = $1 AND (m.phone = $2 OR m.card_barcode = $2 OR m.member_id = $2)
     ORDER BY m.member_id LIMIT 10`,
    [merchantId, query, terminalId, DEFAULT_OFFLINE_ALLOWANCE],
  );
  return rows.map((row) => ({
    memberId: row.member_id,
    name: row.name,
    phoneMasked: row.phone === '' ? row.phone_masked : maskPhone(row.phone),
    balance: Number(row.balance),
    offlineAllowance: Number(row.allowance),
  }));
}

/** The owner's member list: added or renamed; their points stay what the ledger says. */
export async function saveMembers(
  db: SqlDatabase,
  merchantId: string,
  members: readonly { memberId: string; name: string; phone: string; cardBarcode: string | null }[],
  now: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    for (const member of members) {
      await tx.execute(
        `INSERT INTO members (merchant_id, member_id, name, phone, phone_masked, card_barcode, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (merchant_id, member_id) DO UPDATE SET name = excluded.name,
           phone = excluded.phone, phone_masked = excluded.phone_masked,
           card_barcode = excluded.card_barcode`,
        [
          merchantId,
          member.memberId,
          member.name,
          member.phone,
          maskPhone(member.phone),
          member.cardBarcode,
          now,
        ],
      );
    }
    return members.length;
  });
}

/** The owner sets how many points one member may redeem on this till while it is offline. */
export async function setOfflineAllowance(db: SqlDatabase, terminalId: string, points: number) {
  await db.execute(
    `INSERT INTO offline_allowances (terminal_id, points) VALUES ($1, $2)
     ON CONFLICT (terminal_id) DO UPDATE SET points = excluded.points`,
    [terminalId, points],
  );
}
