import { describe, expect, it } from 'vitest';
import { computeTotals } from '../cart/totals';
import { cartOf, pricing } from '../cart/test-carts';
import type { Cart, PricingSettings } from '../cart/cart-types';
import type { SaleRecord, SaleTender } from '../sale/sale';
import { legsLeft, linesLeft, planRefund, planVoid } from './correction-plan';
import type { CorrectionPlan, PriorCorrection } from './correction-plan';

/** A sale as SaleService commits it: the cart's lines with their computed totals. */
function saleOf(cart: Cart, settings: PricingSettings, tenders?: SaleTender[]): SaleRecord {
  const totals = computeTotals(cart, settings);
  const { lines: lineTotals, ...rest } = totals;
  const cash: SaleTender = {
    method: 'cash',
    amountMinor: totals.totalMinor,
    tenderedMinor: totals.totalMinor,
    changeMinor: 0,
  };
  return {
    id: '11111111-1111-4111-8111-111111111111',
    seq: 7,
    at: '2026-11-20T10:00:00.000Z',
    batchNo: '000001',
    terminalId: 'CT000001',
    currency: 'CNY',
    lines: cart.lines.map((line, i) => {
      const t = lineTotals[i];
      if (!t) throw new Error('no totals');
      const { lineId: _lineId, ...amounts } = t;
      return { ...line, ...amounts };
    }),
    orderDiscount: cart.orderDiscount,
    totals: rest,
    roundingMinor: 0,
    paidMinor: totals.totalMinor,
    tenders: tenders ?? [cash],
    hash: 'h',
  };
}

/** What the plan's entry records, so the next plan sees it as an earlier correction. */
const asPrior = (plan: CorrectionPlan): PriorCorrection => ({
  type: plan.kind,
  lines: plan.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
  legs: plan.legs.map((l) => ({ legIndex: l.legIndex, amountMinor: l.amountMinor })),
  roundingMinor: plan.roundingMinor,
});

/** What `run` threw (a DomainError's code and params), or a failure if it did not throw. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

const inclusive = pricing('inclusive', 'per-line');
const exclusive = pricing('exclusive', 'per-line');

describe('refund amounts (issue #6 退货), by hand', () => {
  it('gives back 1 of 3 units of a line at a third of its net, rounded half away from zero', () => {
    // 3 × 3.33 with a 10 % order discount: gross 9.99, discount 1.00 (0.999 rounds up), net 8.99.
    const sale = saleOf(cartOf([[333, 3]], { kind: 'percent', bp: 1_000 }), inclusive);
    expect(sale.totals.totalMinor).toBe(899);
    const first = planRefund(sale, [], [{ lineId: 'l0', quantity: 1 }]);
    // 899 / 3 = 299.67 → 300
    expect(first.amountMinor).toBe(300);
    expect(first.legs).toEqual([{ legIndex: 0, tender: sale.tenders[0], amountMinor: 300 }]);
    const second = planRefund(sale, [asPrior(first)], [{ lineId: 'l0', quantity: 1 }]);
    // 899 × 2 / 3 = 599.33 → 599; 599 − 300 = 299
    expect(second.amountMinor).toBe(299);
    const third = planRefund(
      sale,
      [asPrior(first), asPrior(second)],
      [{ lineId: 'l0', quantity: 1 }],
    );
    expect(third.amountMinor).toBe(300);
    expect(first.amountMinor + second.amountMinor + third.amountMinor).toBe(899);
    expect(third.completes).toBe(true);
  });

  it('gives back tax on top in exclusive mode, and the tax figures by class', () => {
    // 2 × 10.00 standard (13 %) + 1 × 5.00 reduced (9 %): tax 2.60 + 0.45, total 28.05.
    const sale = saleOf(
      cartOf([
        [1_000, 2],
        [500, 1, 'reduced'],
      ]),
      exclusive,
    );
    expect(sale.totals.totalMinor).toBe(2_805);
    const plan = planRefund(sale, [], [{ lineId: 'l0', quantity: 1 }]);
    expect(plan.amountMinor).toBe(1_130);
    expect(plan.taxes).toEqual([
      { taxClass: 'standard', rateBp: 1_300, baseMinor: 1_000, taxMinor: 130 },
    ]);
    expect(plan.lines[0]).toMatchObject({ quantity: 1, netMinor: 1_000, taxMinor: 130 });
  });
});

describe('refund limits: never more than is left', () => {
  const sale = saleOf(
    cartOf([
      [250, 4],
      [1_200, 1],
    ]),
    inclusive,
  );

  it('refuses more units than are left, naming the line and what is left', () => {
    const first = planRefund(sale, [], [{ lineId: 'l0', quantity: 3 }]);
    expect(
      thrown(() => planRefund(sale, [asPrior(first)], [{ lineId: 'l0', quantity: 2 }])),
    ).toMatchObject({
      code: 'refund_exceeds_left',
      params: { left: 1 },
    });
    // The same line twice in one request counts twice.
    expect(() =>
      planRefund(
        sale,
        [],
        [
          { lineId: 'l1', quantity: 1 },
          { lineId: 'l1', quantity: 1 },
        ],
      ),
    ).toThrow(expect.objectContaining({ code: 'refund_exceeds_left' }));
  });

  it('refuses nothing, unknown lines and bad quantities', () => {
    expect(() => planRefund(sale, [], [])).toThrow(
      expect.objectContaining({ code: 'refund_nothing' }),
    );
    expect(() => planRefund(sale, [], [{ lineId: 'l0', quantity: 0 }])).toThrow(
      expect.objectContaining({ code: 'refund_nothing' }),
    );
    expect(() => planRefund(sale, [], [{ lineId: 'zz', quantity: 1 }])).toThrow(
      expect.objectContaining({ code: 'line_not_found' }),
    );
    expect(() => planRefund(sale, [], [{ lineId: 'l0', quantity: 1.5 }])).toThrow(
      expect.objectContaining({ code: 'invalid_quantity' }),
    );
  });

  it('refuses any refund of a voided sale, and a void of a partly refunded one', () => {
    const voided = planVoid(sale, []);
    expect(() => planRefund(sale, [asPrior(voided)], [{ lineId: 'l0', quantity: 1 }])).toThrow(
      expect.objectContaining({ code: 'sale_already_voided' }),
    );
    const refund = planRefund(sale, [], [{ lineId: 'l0', quantity: 1 }]);
    expect(() => planVoid(sale, [asPrior(refund)])).toThrow(
      expect.objectContaining({ code: 'sale_partly_refunded' }),
    );
    expect(linesLeft(sale, [asPrior(refund)])).toEqual([
      { lineId: 'l0', sold: 4, returned: 1, left: 3 },
      { lineId: 'l1', sold: 1, returned: 0, left: 1 },
    ]);
  });

  it('returned unit by unit, every line adds up to exactly what the sale took', () => {
    const odd = saleOf(
      cartOf(
        [
          [333, 7],
          [199, 3, 'reduced'],
          [1, 5],
        ],
        { kind: 'percent', bp: 1_234 },
      ),
      exclusive,
    );
    const prior: PriorCorrection[] = [];
    let back = 0;
    for (const line of odd.lines) {
      for (let unit = 0; unit < line.quantity; unit += 1) {
        const plan = planRefund(odd, prior, [{ lineId: line.lineId, quantity: 1 }]);
        back += plan.amountMinor;
        prior.push(asPrior(plan));
      }
    }
    expect(back).toBe(odd.paidMinor);
    expect(legsLeft(odd, prior)).toEqual([0]);
    expect(() => planRefund(odd, prior, [{ lineId: 'l0', quantity: 1 }])).toThrow(
      expect.objectContaining({ code: 'refund_exceeds_left' }),
    );
  });
});

describe('back to the original tenders', () => {
  const card = (amountMinor: number): SaleTender => ({
    method: 'card',
    amountMinor,
    tenderedMinor: amountMinor,
    changeMinor: 0,
    entryMode: 'swipe',
    authId: '22222222-2222-4222-8222-222222222222',
  });
  const cash = (amountMinor: number): SaleTender => ({
    method: 'cash',
    amountMinor,
    tenderedMinor: amountMinor,
    changeMinor: 0,
  });

  it('a split sale pays back to the card first, then cash, never more than each took', () => {
    // 20.00 in total: 5.00 cash, then 15.00 by card.
    const sale = saleOf(cartOf([[500, 4]]), inclusive, [cash(500), card(1_500)]);
    const first = planRefund(sale, [], [{ lineId: 'l0', quantity: 3 }]);
    expect(first.legs.map((l) => [l.legIndex, l.amountMinor])).toEqual([[1, 1_500]]);
    const second = planRefund(sale, [asPrior(first)], [{ lineId: 'l0', quantity: 1 }]);
    expect(second.legs.map((l) => [l.legIndex, l.amountMinor])).toEqual([[0, 500]]);
  });

  it('a void gives every tender back in full, with the cash rounding', () => {
    const base = saleOf(cartOf([[333, 1]]), inclusive);
    // Cash rounding to 0.10: 3.33 was paid as 3.30.
    const sale: SaleRecord = {
      ...base,
      roundingMinor: -3,
      paidMinor: 330,
      tenders: [cash(330)],
    };
    const voided = planVoid(sale, []);
    expect(voided).toMatchObject({
      kind: 'void',
      amountMinor: 330,
      roundingMinor: -3,
      completes: true,
    });
    // A refund of the same sale in two steps gives the rounding back with the last one.
    const split = saleOf(cartOf([[333, 2]]), inclusive);
    const rounded: SaleRecord = {
      ...split,
      roundingMinor: 4,
      paidMinor: 670,
      tenders: [cash(670)],
    };
    const one = planRefund(rounded, [], [{ lineId: 'l0', quantity: 1 }]);
    const two = planRefund(rounded, [asPrior(one)], [{ lineId: 'l0', quantity: 1 }]);
    expect([one.amountMinor, two.amountMinor, two.roundingMinor]).toEqual([333, 337, 4]);
  });
});

describe('member points go back in proportion (issue #7)', () => {
  it('reverses earned points and restores redeemed ones by the share returned', () => {
    const base = saleOf(cartOf([[1_000, 4]]), inclusive);
    const sale: SaleRecord = {
      ...base,
      member: {
        customerId: 'c1',
        name: 'Wang',
        phoneMasked: '138****1234',
        pointsEarned: 40,
        pointsRedeemed: 10,
        balanceAfter: 30,
      },
    };
    const one = planRefund(sale, [], [{ lineId: 'l0', quantity: 1 }]);
    expect([one.pointsReversed, one.pointsRestored]).toEqual([10, 3]);
    const rest = planRefund(sale, [asPrior(one)], [{ lineId: 'l0', quantity: 3 }]);
    expect([rest.pointsReversed, rest.pointsRestored]).toEqual([30, 7]);
  });
});
