import { toDecimalString } from '@app/money/format';
import type { BatchRow, Summary, TillStatus } from './dashboard-api';

export type CsvTable = 'shops' | 'tills' | 'tenders' | 'batches' | 'status';
export const csvTables: readonly CsvTable[] = ['shops', 'tills', 'tenders', 'batches', 'status'];

type Cell = string | number;

/**
 * RFC 4180 fields; a text starting = + @ (or - and not a number) gets a leading ' so a
 * spreadsheet never runs it as a formula. Amounts are exact decimals of the minor units.
 * The UTF-8 byte order mark makes spreadsheet programs read Chinese names correctly.
 */
function csv(rows: readonly (readonly Cell[])[]): string {
  const field = (value: Cell): string => {
    if (typeof value === 'number') return String(value);
    const safe = /^[=+@]/.test(value) || /^-[^\d]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

const FIGURE_HEADINGS = [
  'sales_count',
  'sales',
  'refunds',
  'voids',
  'reversals',
  'net',
  'non_cash',
  'fees',
  'expected_settlement',
];

/** Per till or per shop, with a total row: the Summary's figures. */
export function figuresCsv(summary: Summary, per: 'tills' | 'shops'): string {
  const currency = summary.currency ?? 'CNY';
  const money = (minor: number): string => toDecimalString(minor, currency);
  const figures = (f: Summary['total']): Cell[] => [
    f.salesCount,
    money(f.salesMinor),
    money(f.refundMinor),
    money(f.voidMinor),
    money(f.reversalMinor),
    money(f.netMinor),
    money(f.nonCashMinor),
    money(f.feeMinor),
    money(f.settlementMinor),
  ];
  const rows: { shopId: string; terminalId: string; figures: Summary['total'] }[] =
    per === 'tills'
      ? summary.tills.map((t) => ({ shopId: t.shopId, terminalId: t.terminalId, figures: t }))
      : summary.shops.map((s) => ({ shopId: s.shopId, terminalId: '', figures: s }));
  return csv([
    ['from', 'to', 'shop', 'till', 'currency', ...FIGURE_HEADINGS],
    ...rows.map((row) => [
      summary.from,
      summary.to,
      row.shopId,
      row.terminalId,
      currency,
      ...figures(row.figures),
    ]),
    [summary.from, summary.to, 'total', '', currency, ...figures(summary.total)],
  ]);
}

export function tendersCsv(summary: Summary): string {
  const currency = summary.currency ?? 'CNY';
  const money = (minor: number): string => toDecimalString(minor, currency);
  return csv([
    ['from', 'to', 'tender', 'currency', 'count', 'amount', 'fee', 'after_fee'],
    ...summary.tenders.map((t) => [
      summary.from,
      summary.to,
      t.kind,
      currency,
      t.count,
      money(t.amountMinor),
      money(t.feeMinor),
      money(t.amountMinor - t.feeMinor),
    ]),
  ]);
}

export function batchesCsv(rows: readonly BatchRow[], currency: string): string {
  const money = (minor: number): string => toDecimalString(minor, currency);
  return csv([
    [
      'shop',
      'till',
      'batch',
      'first_day',
      'last_day',
      'currency',
      'net',
      'fees',
      'expected_settlement',
      'state',
      'settled_at',
    ],
    ...rows.map((b) => [
      b.shopId,
      b.terminalId,
      b.batchNo,
      b.firstDay,
      b.lastDay,
      currency,
      money(b.netMinor),
      money(b.feeMinor),
      money(b.settlementMinor),
      b.state,
      b.settledAt === null ? '' : new Date(b.settledAt).toISOString(),
    ]),
  ]);
}

export function statusCsv(rows: readonly TillStatus[]): string {
  const time = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());
  return csv([
    [
      'shop',
      'till',
      'device',
      'last_contact',
      'held_seq',
      'newest_entry_at',
      'upload_lag_s',
      'alarms',
    ],
    ...rows.map((s) => [
      s.shopId,
      s.terminalId,
      s.deviceName,
      time(s.lastContactAt),
      s.heldSeq,
      time(s.newestAt),
      s.uploadLagMs === null ? '' : Math.round(s.uploadLagMs / 1000),
      s.alarms.map((a) => a.kind).join(' '),
    ]),
  ]);
}
