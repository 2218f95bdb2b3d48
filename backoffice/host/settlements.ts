import { canonicalJson } from '@app/ledger/canonical-json';
import { settlementRequestSchema } from '@app/sync/protocol';
import type { SettlementResponse, WireEntry } from '@app/sync/protocol';
import { findSensitiveData, mayContainCardData } from '@app/sync/sensitive-data';
import type { HostContext, Reply } from './reply';
import { badRequest, fail, ok } from './reply';
import { remember, replayed } from './idempotency';
import { entriesOfBatchNo, readCursor } from './host-ledger';

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
export function settle(ctx: HostContext, call: SettlementCall): Reply {
  const { terminalId, idempotencyKey: key } = call;
  if (key === undefined) return badRequest('Idempotency-Key is required');
  return ctx.db.transaction((): Reply => {
    const replay = replayed(ctx, terminalId, 'settlements', key, call.raw);
    if (replay !== null) return replay;
    const path = mayContainCardData(call.text) ? findSensitiveData(call.json) : null;
    if (path !== null) return fail(422, { error: 'sensitive_data', path });
    const parsed = settlementRequestSchema.safeParse(call.json);
    if (!parsed.success) return badRequest(parsed.error.message);
    const request = parsed.data;
    const { lastSeq } = readCursor(ctx, terminalId);
    if (lastSeq < request.throughSeq) return fail(409, { error: 'not_synced', lastSeq });

    const host = hostTotals(entriesOfBatchNo(ctx, terminalId, request.batchNo));
    const balanced =
      same(nonZeroTotals(request.totals), nonZeroTotals(host.totals)) &&
      same(nonZeroMethods(request.byMethod), nonZeroMethods(host.byMethod));
    const answer: SettlementResponse = balanced
      ? { status: 'balanced' }
      : { status: 'unbalanced', hostTotals: host.totals, hostByMethod: host.byMethod };
    ctx.db
      .prepare(
        `INSERT INTO settlements (terminal_id, settlement_id, batch_no, through_seq, status, settled_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(terminalId, key, request.batchNo, request.throughSeq, answer.status, ctx.now());
    remember(ctx, terminalId, 'settlements', key, call.raw, 200, answer);
    return ok(200, answer);
  })();
}

/** The host's own count and amount by entry type, and amount by tender method. */
export function hostTotals(entries: readonly WireEntry[]): { totals: Totals; byMethod: ByMethod } {
  const totals: Totals = {};
  const byMethod: ByMethod = {};
  for (const entry of entries) {
    const total = totals[entry.type] ?? { count: 0, amount: 0 };
    totals[entry.type] = { count: total.count + 1, amount: total.amount + entry.amount };
    for (const tender of entry.tenders) {
      byMethod[tender.method] = (byMethod[tender.method] ?? 0) + tender.amount;
    }
  }
  return { totals, byMethod };
}

/** True when the batch has been settled (either status): its sales can no longer be voided. */
export function isSettled(ctx: HostContext, terminalId: string, batchNo: string): boolean {
  const row = ctx.db
    .prepare('SELECT 1 FROM settlements WHERE terminal_id = ? AND batch_no = ? LIMIT 1')
    .get(terminalId, batchNo);
  return row !== undefined;
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
