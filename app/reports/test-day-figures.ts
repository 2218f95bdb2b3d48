import type { ReportFigures } from './report-schema';
import { alice, bob, ids, local } from './test-day';

const zeroHours = (cutoff: number) =>
  Array.from({ length: 24 }, (_, i) => ({ hour: (cutoff + i) % 24, salesCount: 0, netMinor: 0 }));
const withHours = (cutoff: number, hours: Record<number, [number, number]>) =>
  zeroHours(cutoff).map((h) => {
    const found = hours[h.hour];
    return found ? { hour: h.hour, salesCount: found[0], netMinor: found[1] } : h;
  });

/**
 * app/reports/test-day.ts, every figure worked out by hand (CNY fen).
 * Sales A 10.50 + B 5.85 + C 10.00 + D 9.50 + E 1.60 + F 7.00 = 44.45 (6 sales, 12 items);
 * gross 10.50 + 6.50 + 10.50 + 10.00 + 1.57 + 7.00 = 46.07; discounts 0.65 + 0.50 + 0.50 =
 * 1.65; rounding +0.03; 46.07 − 1.65 + 0.03 = 44.45. Refund 3.50, void 10.00: net 30.95.
 */
export const handFigures: ReportFigures = {
  currency: 'CNY',
  salesCount: 6,
  itemCount: 12,
  grossMinor: 4607,
  discountMinor: 165,
  roundingMinor: 3,
  salesMinor: 4445,
  refundCount: 1,
  refundMinor: 350,
  voidCount: 1,
  voidMinor: 1000,
  reversalCount: 0,
  reversalMinor: 0,
  netMinor: 3095,
  // standard: 81 + 67 + 115 + 71 + 18 − 115 (void C) − 40 (refund) = 197 on 619 + 518 + 885
  // + 547 + 139 − 885 − 310 = 1513; reduced: 29 + 27 + 58 = 114 on 321 + 305 + 642 = 1268.
  taxes: [
    { taxClass: 'standard', rateBp: 1300, baseMinor: 1513, taxMinor: 197 },
    { taxClass: 'reduced', rateBp: 900, baseMinor: 1268, taxMinor: 114 },
  ],
  taxMinor: 311,
  netExTaxMinor: 2784,
  // Fees per payment, half away from zero: credit 5.85 × 0.60 % = 0.0351 → 0.04; debit
  // 5.00 × 0.50 % = 0.025 → 0.03 and 7.00 → 0.035 → 0.04; wallet 10.00 × 0.38 % = 0.038 →
  // 0.04, given back by the void (−0.04).
  tenders: [
    // Payments that stand: A, D and E in cash (the refund of A is no payment), C's QR voided.
    { kind: 'cash', count: 3, amountMinor: 1310, feeMinor: 0 },
    { kind: 'credit', count: 1, amountMinor: 585, feeMinor: 4 },
    { kind: 'debit', count: 2, amountMinor: 1200, feeMinor: 7 },
    { kind: 'wallet_qr', count: 0, amountMinor: 0, feeMinor: 0 },
  ],
  feeMinor: 11,
  nonCashMinor: 1785,
  settlementMinor: 1774,
  byHour: withHours(4, {
    9: [1, 1050],
    10: [1, 585],
    11: [1, 1000],
    13: [1, 950],
    16: [0, -1000],
    17: [0, -350],
    19: [1, 160],
    1: [1, 700],
  }),
  byCashier: [
    {
      operatorId: alice.id,
      name: 'Alice',
      salesCount: 3,
      salesMinor: 1795,
      refundCount: 1,
      refundMinor: 350,
      voidCount: 0,
      voidMinor: 0,
    },
    {
      operatorId: bob.id,
      name: 'Bob',
      salesCount: 2,
      salesMinor: 1700,
      refundCount: 0,
      refundMinor: 0,
      voidCount: 1,
      voidMinor: 1000,
    },
    {
      operatorId: 'unknown',
      name: '',
      salesCount: 1,
      salesMinor: 950,
      refundCount: 0,
      refundMinor: 0,
      voidCount: 0,
      voidMinor: 0,
    },
  ],
  topProducts: [
    {
      productId: 'demo-dry0001',
      nameEn: 'Mengniu Pure Milk 250ml',
      nameZh: '蒙牛纯牛奶 250毫升',
      quantity: 4,
      netMinor: 1382,
    },
    {
      productId: 'demo-snk0001',
      nameEn: "Lay's Chips 40g",
      nameZh: '乐事薯片 40克',
      quantity: 2,
      netMinor: 1203,
    },
    {
      productId: 'demo-drk0001',
      nameEn: 'Coca-Cola 330ml',
      nameZh: '可口可乐 330毫升',
      quantity: 1,
      netMinor: 350,
    },
    { productId: 'demo-egg0001', nameEn: 'Tea egg', nameZh: '茶叶蛋', quantity: 1, netMinor: 157 },
  ],
  corrections: [
    {
      seq: 9,
      at: local('16:10'),
      type: 'void',
      amountMinor: 1000,
      operatorId: bob.id,
      operatorName: 'Bob',
      refId: ids.saleC,
      reason: 'customer changed mind',
    },
    {
      seq: 10,
      at: local('17:00'),
      type: 'refund',
      amountMinor: 350,
      operatorId: alice.id,
      operatorName: 'Alice',
      refId: ids.saleA,
      reason: 'dented can',
    },
  ],
  cash: {
    floatMinor: 50_000,
    cashSalesMinor: 1660,
    cashReturnsMinor: 350,
    payInCount: 1,
    payInMinor: 10_000,
    payOutCount: 1,
    payOutMinor: 2_500,
    dropCount: 1,
    dropMinor: 30_000,
    noSaleCount: 1,
    expectedMinor: 28_810,
    shiftsOpened: 1,
    shiftsClosed: 1,
    countedMinor: 28_800,
    differenceMinor: -10,
  },
};

export const zeroFigures: ReportFigures = {
  ...handFigures,
  salesCount: 0,
  itemCount: 0,
  grossMinor: 0,
  discountMinor: 0,
  roundingMinor: 0,
  salesMinor: 0,
  refundCount: 0,
  refundMinor: 0,
  voidCount: 0,
  voidMinor: 0,
  netMinor: 0,
  taxes: [],
  taxMinor: 0,
  netExTaxMinor: 0,
  tenders: [],
  feeMinor: 0,
  nonCashMinor: 0,
  settlementMinor: 0,
  byHour: zeroHours(4),
  byCashier: [],
  topProducts: [],
  corrections: [],
  cash: {
    floatMinor: 0,
    cashSalesMinor: 0,
    cashReturnsMinor: 0,
    payInCount: 0,
    payInMinor: 0,
    payOutCount: 0,
    payOutMinor: 0,
    dropCount: 0,
    dropMinor: 0,
    noSaleCount: 0,
    expectedMinor: 0,
    shiftsOpened: 0,
    shiftsClosed: 0,
    countedMinor: null,
    differenceMinor: null,
  },
};
