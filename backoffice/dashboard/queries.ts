import { feeKinds } from '@app/fees/fee-schedule';
import type { FeeKind } from '@app/fees/fee-schedule';
import type { SqlDatabase } from '../store/sql';
import type {
  Alarm,
  BatchRow,
  BatchState,
  Figures,
  Places,
  RangeFilter,
  ShopFigures,
  Summary,
  TillFigures,
  TillStatus,
} from './dashboard-api';
import { addFigures, addTender, addTypes, emptyFigures, mergeTenders } from './figures';
import type { TenderRow } from './figures';
import { splitRange } from './range-split';

/** Numbers come back as strings from PostgreSQL's BIGINT and sums. */
type Num = number | string;
const num = (value: Num | null | undefined): number => Number(value ?? 0);
const numOrNull = (value: Num | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

// CAST lets PostgreSQL type a parameter that is only compared with NULL.
const RANGE_WHERE = `x.day BETWEEN $1 AND $2
  AND (CAST($3 AS TEXT) IS NULL OR t.shop_id = $3)
  AND (CAST($4 AS TEXT) IS NULL OR x.terminal_id = $4)`;

const rangeParams = (filter: RangeFilter): string[] | (string | null)[] => [
  filter.from,
  filter.to,
  filter.shopId ?? null,
  filter.terminalId ?? null,
];

export async function places(db: SqlDatabase): Promise<Places> {
  const shops = await db.query<{
    shop_id: string;
    merchant_id: string;
    name: string;
    time_zone: string;
  }>('SELECT shop_id, merchant_id, name, time_zone FROM shops ORDER BY name, shop_id');
  const tills = await db.query<{ terminal_id: string; shop_id: string; device_name: string }>(
    'SELECT terminal_id, shop_id, device_name FROM terminals ORDER BY shop_id, terminal_id',
  );
  return {
    shops: shops.map((s) => ({
      shopId: s.shop_id,
      merchantId: s.merchant_id,
      name: s.name,
      timeZone: s.time_zone,
    })),
    tills: tills.map((t) => ({
      terminalId: t.terminal_id,
      shopId: t.shop_id,
      deviceName: t.device_name,
    })),
  };
}

/** Totals, tenders and fees of the range, in all, per shop and per till. */
export async function summary(db: SqlDatabase, filter: RangeFilter): Promise<Summary> {
  // Whole months from the month sums, the days before and after them from the day sums.
  const { head, months, tail } = splitRange(filter.from, filter.to);
  const params = [...head, ...tail, ...months, filter.shopId ?? null, filter.terminalId ?? null];
  const parts = (table: string, columns: string): string =>
    `SELECT terminal_id, ${columns} FROM dashboard_${table}_totals WHERE day BETWEEN $1 AND $2
     UNION ALL SELECT terminal_id, ${columns} FROM dashboard_${table}_totals WHERE day BETWEEN $3 AND $4
     UNION ALL SELECT terminal_id, ${columns} FROM dashboard_${table}_months WHERE month BETWEEN $5 AND $6`;
  const where = `(CAST($7 AS TEXT) IS NULL OR t.shop_id = $7)
     AND (CAST($8 AS TEXT) IS NULL OR x.terminal_id = $8)`;
  // Three reads at once: each takes its own connection on PostgreSQL.
  const [types, tenders, currencies] = await Promise.all([
    db.query<{
      terminal_id: string;
      shop_id: string;
      type: string;
      count: Num;
      amount: Num;
    }>(
      `SELECT x.terminal_id, t.shop_id, x.type, sum(x.count) AS count, sum(x.amount) AS amount
     FROM (${parts('type', 'type, count, amount')}) x
     JOIN terminals t ON t.terminal_id = x.terminal_id
     WHERE ${where}
     GROUP BY x.terminal_id, t.shop_id, x.type`,
      params,
    ),
    db.query<{
      terminal_id: string;
      shop_id: string;
      kind: FeeKind;
      count: Num;
      amount: Num;
      fee: Num;
    }>(
      `SELECT x.terminal_id, t.shop_id, x.kind, sum(x.count) AS count, sum(x.amount) AS amount,
       sum(x.fee) AS fee
     FROM (${parts('tender', 'kind, count, amount, fee')}) x
     JOIN terminals t ON t.terminal_id = x.terminal_id
     WHERE ${where}
     GROUP BY x.terminal_id, t.shop_id, x.kind`,
      params,
    ),
    db.query<{ currency: string }>(
      `SELECT DISTINCT p.currency FROM dashboard_progress p JOIN terminals t ON t.terminal_id = p.terminal_id
     WHERE (CAST($1 AS TEXT) IS NULL OR t.shop_id = $1)
       AND (CAST($2 AS TEXT) IS NULL OR p.terminal_id = $2)
     ORDER BY p.currency`,
      params.slice(6),
    ),
  ]);

  const tills = new Map<string, TillFigures>();
  const tillOf = (terminalId: string, shopId: string): TillFigures => {
    let till = tills.get(terminalId);
    if (till === undefined)
      tills.set(terminalId, (till = { terminalId, shopId, ...emptyFigures() }));
    return till;
  };
  for (const row of types) {
    addTypes(tillOf(row.terminal_id, row.shop_id), {
      type: row.type,
      count: num(row.count),
      amount: num(row.amount),
    });
  }
  const tenderRows: TenderRow[] = tenders.map((row) => ({
    kind: row.kind,
    count: num(row.count),
    amount: num(row.amount),
    fee: num(row.fee),
  }));
  tenders.forEach((row, i) => {
    const tender = tenderRows[i];
    if (tender) addTender(tillOf(row.terminal_id, row.shop_id), tender);
  });

  const shops = new Map<string, ShopFigures>();
  const total: Figures = emptyFigures();
  const sortedTills = [...tills.values()].sort(
    (a, b) => a.shopId.localeCompare(b.shopId) || a.terminalId.localeCompare(b.terminalId),
  );
  for (const till of sortedTills) {
    const { terminalId: _terminal, shopId, ...figures } = till;
    let shop = shops.get(shopId);
    if (shop === undefined) shops.set(shopId, (shop = { shopId, ...emptyFigures() }));
    addFigures(shop, figures);
    addFigures(total, figures);
  }
  return {
    from: filter.from,
    to: filter.to,
    currency: currencies[0]?.currency ?? null,
    total,
    tenders: mergeTenders(tenderRows, feeKinds),
    shops: [...shops.values()],
    tills: sortedTills,
  };
}

/** Each batch with a business day in the range: its takings and settlement state. */
export async function batches(db: SqlDatabase, filter: RangeFilter): Promise<BatchRow[]> {
  const params = rangeParams(filter);
  const rows = await db.query<{
    terminal_id: string;
    shop_id: string;
    batch_no: string;
    first_day: string;
    last_day: string;
    net: Num;
    closes: Num;
  }>(
    `SELECT x.terminal_id, t.shop_id, x.batch_no, min(x.day) AS first_day, max(x.day) AS last_day,
       sum(CASE WHEN x.type IN ('sale', 'void', 'refund', 'reversal') THEN x.amount ELSE 0 END) AS net,
       sum(CASE WHEN x.type = 'z_close' THEN x.count ELSE 0 END) AS closes
     FROM dashboard_type_totals x JOIN terminals t ON t.terminal_id = x.terminal_id
     WHERE (x.terminal_id, x.batch_no) IN (
       SELECT x.terminal_id, x.batch_no FROM dashboard_type_totals x
       JOIN terminals t ON t.terminal_id = x.terminal_id WHERE ${RANGE_WHERE})
     GROUP BY x.terminal_id, t.shop_id, x.batch_no
     ORDER BY max(x.day) DESC, x.terminal_id, x.batch_no DESC`,
    params,
  );
  const tenders = await db.query<{
    terminal_id: string;
    batch_no: string;
    non_cash: Num;
    fee: Num;
  }>(
    `SELECT x.terminal_id, x.batch_no,
       sum(CASE WHEN x.kind <> 'cash' THEN x.amount ELSE 0 END) AS non_cash, sum(x.fee) AS fee
     FROM dashboard_tender_totals x
     WHERE (x.terminal_id, x.batch_no) IN (
       SELECT x.terminal_id, x.batch_no FROM dashboard_type_totals x
       JOIN terminals t ON t.terminal_id = x.terminal_id WHERE ${RANGE_WHERE})
     GROUP BY x.terminal_id, x.batch_no`,
    params,
  );
  const settled = await db.query<{
    terminal_id: string;
    batch_no: string;
    status: string;
    settled_at: Num;
  }>(
    `SELECT s.terminal_id, s.batch_no, s.status, s.settled_at FROM settlements s
     WHERE (s.terminal_id, s.batch_no) IN (
       SELECT x.terminal_id, x.batch_no FROM dashboard_type_totals x
       JOIN terminals t ON t.terminal_id = x.terminal_id WHERE ${RANGE_WHERE})
     ORDER BY s.settled_at`,
    params,
  );
  const key = (terminalId: string, batchNo: string): string => `${terminalId}|${batchNo}`;
  const money = new Map(tenders.map((t) => [key(t.terminal_id, t.batch_no), t]));
  // The latest answer stands (a till settles a batch again after an unbalanced answer).
  const settlement = new Map(settled.map((s) => [key(s.terminal_id, s.batch_no), s]));
  return rows.map((row) => {
    const sums = money.get(key(row.terminal_id, row.batch_no));
    const settledRow = settlement.get(key(row.terminal_id, row.batch_no));
    const feeMinor = num(sums?.fee);
    const state: BatchState =
      settledRow?.status === 'balanced' || settledRow?.status === 'unbalanced'
        ? settledRow.status
        : num(row.closes) > 0
          ? 'closed'
          : 'open';
    return {
      terminalId: row.terminal_id,
      shopId: row.shop_id,
      batchNo: row.batch_no,
      firstDay: row.first_day,
      lastDay: row.last_day,
      netMinor: num(row.net),
      feeMinor,
      settlementMinor: num(sums?.non_cash) - feeMinor,
      state,
      settledAt: numOrNull(settledRow?.settled_at),
    };
  });
}

export interface StatusOptions {
  now: number;
  /** A till silent longer than this raises no_contact. */
  noContactMs: number;
}

/** Each till's last contact, what the back office holds of its ledger, and its alarms. */
export async function tillStatus(
  db: SqlDatabase,
  filter: Pick<RangeFilter, 'shopId' | 'terminalId'>,
  options: StatusOptions,
): Promise<TillStatus[]> {
  // The newest entry by the primary key, one index probe per till.
  const newest = (column: string): string =>
    `(SELECT e.${column} FROM entries e WHERE e.terminal_id = t.terminal_id ORDER BY e.seq DESC LIMIT 1)`;
  const tills = await db.query<{
    terminal_id: string;
    shop_id: string;
    device_name: string;
    last_contact_at: Num | null;
    held: Num | null;
    newest_at: string | null;
    newest_received_at: Num | null;
    summed: Num | null;
  }>(
    `SELECT t.terminal_id, t.shop_id, t.device_name, t.last_contact_at, ${newest('seq')} AS held,
       ${newest('at')} AS newest_at, ${newest('received_at')} AS newest_received_at,
       p.through_seq AS summed
     FROM terminals t LEFT JOIN dashboard_progress p ON p.terminal_id = t.terminal_id
     WHERE (CAST($1 AS TEXT) IS NULL OR t.shop_id = $1)
       AND (CAST($2 AS TEXT) IS NULL OR t.terminal_id = $2)
     ORDER BY t.shop_id, t.terminal_id`,
    [filter.shopId ?? null, filter.terminalId ?? null],
  );
  const alarms = await db.query<{ terminal_id: string; kind: string; detail: string; at: Num }>(
    'SELECT terminal_id, kind, detail, at FROM terminal_alarms ORDER BY at DESC',
  );
  const unbalanced = await db.query<{ terminal_id: string; batch_no: string; settled_at: Num }>(
    `SELECT s.terminal_id, s.batch_no, s.settled_at FROM settlements s
     WHERE s.status = 'unbalanced' AND NOT EXISTS (
       SELECT 1 FROM settlements b WHERE b.terminal_id = s.terminal_id
         AND b.batch_no = s.batch_no AND b.status = 'balanced')`,
  );
  return tills.map((till): TillStatus => {
    const heldSeq = num(till.held);
    const newestAt = till.newest_at === null ? null : Date.parse(till.newest_at);
    const newestReceivedAt = numOrNull(till.newest_received_at);
    const lastContactAt = numOrNull(till.last_contact_at);
    const own: Alarm[] = alarms
      .filter((a) => a.terminal_id === till.terminal_id)
      .map((a) => ({ kind: a.kind, at: num(a.at), detail: a.detail }));
    if (lastContactAt === null || options.now - lastContactAt > options.noContactMs) {
      own.unshift({ kind: 'no_contact', at: lastContactAt, detail: '' });
    }
    for (const u of unbalanced.filter((b) => b.terminal_id === till.terminal_id)) {
      own.push({ kind: 'unbalanced_settlement', at: num(u.settled_at), detail: u.batch_no });
    }
    if (heldSeq > num(till.summed)) {
      own.push({ kind: 'not_summed', at: null, detail: String(heldSeq - num(till.summed)) });
    }
    return {
      terminalId: till.terminal_id,
      shopId: till.shop_id,
      deviceName: till.device_name,
      lastContactAt,
      heldSeq,
      newestAt,
      newestReceivedAt,
      uploadLagMs:
        newestAt === null || newestReceivedAt === null ? null : newestReceivedAt - newestAt,
      alarms: own,
    };
  });
}
