import type { JsonValue, NewEntry, TenderMethod } from '../ledger/entry';
import type {
  CashMovementDetail,
  NoSaleDetail,
  OperatorRef,
  ShiftCloseDetail,
  ShiftOpenDetail,
} from '../ledger/staff-detail';

/**
 * A business day worked out by hand, for the report tests (report-service.test.ts writes
 * out every figure). Shanghai, cut-off 04:00, tax-inclusive prices: standard 13 %, reduced
 * 9 %, tax rounded per line half away from zero. Staff and shift entries have the shape of
 * app/ledger/staff-detail.ts; sales the shape of main/sales/sale-entry.ts.
 */
export const alice: OperatorRef = { id: 'staff-alice', name: 'Alice', role: 'cashier' };
export const bob: OperatorRef = { id: 'staff-bob', name: 'Bob', role: 'manager' };

const COLA = { productId: 'demo-drk0001', nameEn: 'Coca-Cola 330ml', nameZh: '可口可乐 330毫升' };
const MILK = {
  productId: 'demo-dry0001',
  nameEn: 'Mengniu Pure Milk 250ml',
  nameZh: '蒙牛纯牛奶 250毫升',
};
const CHIPS = { productId: 'demo-snk0001', nameEn: "Lay's Chips 40g", nameZh: '乐事薯片 40克' };
const EGG = { productId: 'demo-egg0001', nameEn: 'Tea egg', nameZh: '茶叶蛋' };

type Product = typeof COLA;
interface Line {
  product: Product;
  unit: number;
  qty: number;
  taxClass: 'standard' | 'reduced';
  lineDiscount: number;
  orderDiscount: number;
  /** The line's tax inside its net, worked out by hand. */
  tax: number;
}
interface Tender {
  method: TenderMethod;
  amount: number;
  tendered?: number;
  cardType?: 'credit' | 'debit' | 'wallet';
  qrScheme?: 'wallet' | 'unionpay';
}

const json = (value: object): { [key: string]: JsonValue } =>
  JSON.parse(JSON.stringify(value)) as { [key: string]: JsonValue };

/** 2026-11-22 local Shanghai time (UTC+8) as the ledger's UTC instant. */
export const local = (hhmm: string, day = '2026-11-22'): string =>
  new Date(Date.parse(`${day}T${hhmm}:00.000+08:00`)).toISOString();

const base = (type: NewEntry['type'], id: string, at: string) => ({
  id,
  type,
  at,
  batchNo: '000001',
  currency: 'CNY' as const,
});

export function sale(
  id: string,
  at: string,
  operator: OperatorRef | null,
  lines: Line[],
  tenders: Tender[],
  rounding = 0,
): NewEntry {
  const rate = { standard: 1300, reduced: 900 };
  const net = (l: Line) => l.unit * l.qty - l.lineDiscount - l.orderDiscount;
  const classes = (['standard', 'reduced'] as const).flatMap((taxClass) => {
    const of = lines.filter((l) => l.taxClass === taxClass);
    if (of.length === 0) return [];
    const n = of.reduce((s, l) => s + net(l), 0);
    const tax = of.reduce((s, l) => s + l.tax, 0);
    return [{ taxClass, rateBp: rate[taxClass], baseMinor: n - tax, taxMinor: tax }];
  });
  const total = lines.reduce((s, l) => s + net(l), 0);
  return {
    ...base('sale', id, at),
    amount: total + rounding,
    tenders: tenders.map((t) => ({ method: t.method, amount: t.amount })),
    detail: json({
      terminalId: 'CTTEST01',
      ...(operator ? { operator } : {}),
      lines: lines.map((l, i) => ({
        lineId: `line-${String(i + 1)}`,
        ...l.product,
        sku: l.product.productId,
        barcode: '',
        unitPriceMinor: l.unit,
        taxClass: l.taxClass,
        quantity: l.qty,
        discount: null,
        grossMinor: l.unit * l.qty,
        lineDiscountMinor: l.lineDiscount,
        orderDiscountMinor: l.orderDiscount,
        netMinor: net(l),
        taxMinor: l.tax,
      })),
      orderDiscount: null,
      totals: {
        subtotalMinor: lines.reduce((s, l) => s + l.unit * l.qty, 0),
        discountMinor: lines.reduce((s, l) => s + l.lineDiscount + l.orderDiscount, 0),
        taxes: classes,
        taxMinor: classes.reduce((s, c) => s + c.taxMinor, 0),
        totalMinor: total,
        itemCount: lines.reduce((s, l) => s + l.qty, 0),
      },
      roundingMinor: rounding,
      tenders: tenders.map((t) => ({
        method: t.method,
        amountMinor: t.amount,
        tenderedMinor: t.tendered ?? t.amount,
        changeMinor: (t.tendered ?? t.amount) - t.amount,
        ...(t.cardType ? { cardType: t.cardType } : {}),
        ...(t.qrScheme ? { qrScheme: t.qrScheme } : {}),
      })),
    }),
  };
}

const line = (
  product: Product,
  unit: number,
  qty: number,
  taxClass: Line['taxClass'],
  tax: number,
  discounts: { line?: number; order?: number } = {},
): Line => ({
  product,
  unit,
  qty,
  taxClass,
  tax,
  lineDiscount: discounts.line ?? 0,
  orderDiscount: discounts.order ?? 0,
});

export const shiftOpen = (id: string, at: string, detail: ShiftOpenDetail): NewEntry => ({
  ...base('shift_open', id, at),
  amount: 0,
  tenders: [],
  detail: json(detail),
});

export const shiftClose = (id: string, at: string, detail: ShiftCloseDetail): NewEntry => ({
  ...base('shift_close', id, at),
  amount: 0,
  tenders: [],
  detail: json(detail),
});

export const cashMovement = (
  type: 'pay_in' | 'pay_out',
  id: string,
  at: string,
  amount: number,
  detail: CashMovementDetail,
): NewEntry => ({
  ...base(type, id, at),
  amount,
  tenders: [{ method: 'cash', amount }],
  detail: json(detail),
});

export const noSale = (id: string, at: string, detail: NoSaleDetail): NewEntry => ({
  ...base('no_sale', id, at),
  amount: 0,
  tenders: [],
  detail: json(detail),
});

/** Ids: UUID-shaped so nothing in them looks like a card number. */
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const ids = {
  shift: 'shift-alice-1',
  saleA: uuid(2),
  saleB: uuid(3),
  saleC: uuid(4),
  saleD: uuid(5),
  saleE: uuid(12),
  saleF: uuid(13),
};

/** The day, in ledger order: seq 1 to 14. */
export function handComputedDay(): NewEntry[] {
  return [
    shiftOpen(uuid(1), local('08:00'), { operator: alice, shiftId: ids.shift, floatMinor: 50_000 }),
    // A: 2 cola (700, tax 700×13/113 = 80.53 → 81) + 1 milk (350, 350×9/109 = 28.90 → 29);
    // cash 20.00 tendered, 9.50 change.
    sale(
      ids.saleA,
      local('09:15'),
      alice,
      [line(COLA, 350, 2, 'standard', 81), line(MILK, 350, 1, 'reduced', 29)],
      [{ method: 'cash', amount: 1050, tendered: 2000 }],
    ),
    // B: chips 650 less 10 % line discount (65) = 585, tax 67.30 → 67; credit card.
    sale(
      ids.saleB,
      local('10:40'),
      alice,
      [line(CHIPS, 650, 1, 'standard', 67, { line: 65 })],
      [{ method: 'card', amount: 585, cardType: 'credit' }],
    ),
    // C: 3 cola 1050 less 0.50 order discount = 1000, tax 115.04 → 115; wallet QR (voided at 16:10).
    sale(
      ids.saleC,
      local('11:05'),
      bob,
      [line(COLA, 350, 3, 'standard', 115, { order: 50 })],
      [{ method: 'qr', amount: 1000, qrScheme: 'wallet' }],
    ),
    // D (nobody logged in): milk 350 + chips 650, 5 % order discount = 50 split 18 / 32
    // (largest remainder, the tie to the first line): nets 332 (tax 27.41 → 27) and 618
    // (tax 71.07 → 71). Debit 5.00 + cash 4.50 (5.00 tendered, 0.50 change).
    sale(
      ids.saleD,
      local('13:20'),
      null,
      [
        line(MILK, 350, 1, 'reduced', 27, { order: 18 }),
        line(CHIPS, 650, 1, 'standard', 71, { order: 32 }),
      ],
      [
        { method: 'card', amount: 500, cardType: 'debit' },
        { method: 'cash', amount: 450, tendered: 500 },
      ],
    ),
    cashMovement('pay_in', uuid(6), local('14:00'), 10_000, {
      operator: alice,
      shiftId: ids.shift,
      reason: 'change top-up',
    }),
    cashMovement('pay_out', uuid(7), local('15:30'), -2_500, {
      operator: bob,
      shiftId: ids.shift,
      reason: 'window cleaner',
    }),
    noSale(uuid(8), local('16:00'), { operator: alice, shiftId: ids.shift, kind: 'drawer_open' }),
    // Bob voids sale C whole: no breakdown of its own, so it gives back what C recorded.
    {
      ...base('void', uuid(9), local('16:10')),
      amount: -1000,
      tenders: [{ method: 'qr', amount: -1000 }],
      refId: ids.saleC,
      detail: json({ operator: bob, reason: 'customer changed mind' }),
    },
    // Alice refunds one cola of sale A in cash: 350, tax 40.27 → 40.
    {
      ...base('refund', uuid(10), local('17:00')),
      amount: -350,
      tenders: [{ method: 'cash', amount: -350 }],
      refId: ids.saleA,
      detail: json({
        operator: alice,
        reason: 'dented can',
        lines: [{ ...COLA, quantity: 1, netMinor: 350 }],
        taxes: [{ taxClass: 'standard', rateBp: 1300, baseMinor: 310, taxMinor: 40 }],
        tenders: [{ method: 'cash' }],
      }),
    },
    noSale(uuid(11), local('18:00'), {
      operator: alice,
      shiftId: ids.shift,
      kind: 'cash_drop',
      dropMinor: 30_000,
    }),
    // E: tea egg 1.57 (tax 18.06 → 18), cash rounded to 1.60 (+3), 2.00 tendered.
    sale(
      ids.saleE,
      local('19:45'),
      alice,
      [line(EGG, 157, 1, 'standard', 18)],
      [{ method: 'cash', amount: 160, tendered: 200 }],
      3,
    ),
    // F at 01:30 on the 23rd: before the 04:00 cut-off, so still business day 22nd.
    // 2 milk 700, tax 57.80 → 58; debit card.
    sale(
      ids.saleF,
      local('01:30', '2026-11-23'),
      bob,
      [line(MILK, 350, 2, 'reduced', 58)],
      [{ method: 'card', amount: 700, cardType: 'debit' }],
    ),
    // Alice closes: 500.00 + 16.60 − 3.50 + 100.00 − 25.00 − 300.00 = 288.10 expected.
    shiftClose(uuid(14), local('02:00', '2026-11-23'), {
      operator: alice,
      shiftId: ids.shift,
      denominations: { '10000': 2, '5000': 1, '2000': 1, '1000': 1, '500': 1, '100': 3 },
      byMethod: { cash: { expectedMinor: 28_810, countedMinor: 28_800, differenceMinor: -10 } },
    }),
  ];
}
