import { canonicalJson } from '@app/ledger/canonical-json';
import { settlementRequestSchema } from '@app/sync/protocol';
import type { SettlementResponse } from '@app/sync/protocol';
import { findSensitiveData, mayContainCardData } from '@app/sync/sensitive-data';
import type { HostContext, Reply } from './reply';
import { badRequest, fail, ok } from './reply';
import type { SqlRunner } from '../store/sql';
import { remember, replayed, sha256Hex } from './idempotency';
import { readCursor } from './host-ledger';
import { lockTerminal } from './terminal-lock';

export interface SettlementCall {
  terminalId: string;
  idempotencyKey: string | undefined;
  raw: Buffer;
  /** The body as text, decoded once. */
  text: string;
  json: unknown;
}

type Totals = Record<string, { count: number; amount: number }>;
type ByMethod = Record<string, number>;

/** upstream-sync-v1 "Settlement": POST /v1/settlements. */
export async function settle(ctx: HostContext, call: SettlementCall): Promise<Reply> {
  const { terminalId, idempotencyKey: key } = call;
  if (key === undefined) return badRequest('Idempotency-Key is required');
  const bodySha256 = sha256Hex(call.raw);
  return ctx.db.transaction(async (tx): Promise<Reply> => {
    await lockTerminal(tx, terminalId);
    const replay = await replayed(tx, terminalId, 'settlements', key, bodySha256);
    if (replay !== null) return replay;
    const path = mayContainCardData(call.text) ? findSensitiveData(call.json) : null;
    if (path !== null) return fail(422, { error: 'sensitive_data', path });
    const parsed = settlementRequestSchema.safeParse(call.json);
    if (!parsed.success) return badRequest(parsed.error.message);
    const request = parsed.data;
    const { lastSeq } = await readCursor(tx, terminalId);
    if (lastSeq < request.throughSeq) return fail(409, { error: 'not_synced', lastSeq });

    const host = await batchTotals(tx, terminalId, request.batchNo);
    const balanced =
      same(nonZeroTotals(request.totals), nonZeroTotals(host.totals)) &&
      same(nonZeroMethods(request.byMethod), nonZeroMethods(host.byMethod));
    const answer: SettlementResponse = balanced
      ? { status: 'balanced' }
      : { status: 'unbalanced', hostTotals: host.totals, hostByMethod: host.byMethod };
    await tx.execute(
      `INSERT INTO settlements (terminal_id, settlement_id, batch_no, through_seq, status, settled_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [terminalId, key, request.batchNo, request.throughSeq, answer.status, ctx.now()],
    );
    await remember(tx, terminalId, 'settlements', key, bodySha256, 200, answer);
    return ok(200, answer);
  });
}

/**
 * The host's own count and amount by entry type, and amount by tender method, of one
 * settlement batch: summed from the day rollups, which the entries' own transaction keeps.
 */
export async function batchTotals(
  db: SqlRunner,
  terminalId: string,
  batchNo: string,
): Promise<{ totals: Totals; byMethod: ByMethod }> {
  const types = await db.query<{ type: string; count: number; amount: number }>(
    `SELECT type, SUM(count) AS count, SUM(amount) AS amount FROM day_type_totals
     WHERE terminal_id = $1 AND batch_no = $2 GROUP BY type ORDER BY type`,
    [terminalId, batchNo],
  );
  const methods = await db.query<{ method: string; amount: number }>(
    `SELECT method, SUM(amount) AS amount FROM day_tender_totals
     WHERE terminal_id = $1 AND batch_no = $2 GROUP BY method ORDER BY method`,
    [terminalId, batchNo],
  );
  return {
    totals: Object.fromEntries(types.map((r) => [r.type, { count: r.count, amount: r.amount }])),
    byMethod: Object.fromEntries(methods.map((r) => [r.method, r.amount])),
  };
}

/** True when the batch has been settled (either status): its sales can no longer be voided. */
export async function isSettled(
  db: SqlRunner,
  terminalId: string,
  batchNo: string,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM settlements WHERE terminal_id = $1 AND batch_no = $2 LIMIT 1',
    [terminalId, batchNo],
  );
  return rows.length > 0;
}

// A type or method the terminal lists with zeros and one the host omits agree.
const nonZeroTotals = (totals: Partial<Totals>): Totals =>
  Object.fromEntries(
    Object.entries(totals).filter(
      (pair): pair is [string, { count: number; amount: number }] =>
        pair[1] !== undefined && (pair[1].count !== 0 || pair[1].amount !== 0),
    ),
  );
const nonZeroMethods = (byMethod: Partial<ByMethod>): ByMethod =>
  Object.fromEntries(
    Object.entries(byMethod).filter(
      (pair): pair is [string, number] => pair[1] !== undefined && pair[1] !== 0,
    ),
  );
const same = (a: Totals | ByMethod, b: Totals | ByMethod): boolean =>
  canonicalJson(a) === canonicalJson(b);
