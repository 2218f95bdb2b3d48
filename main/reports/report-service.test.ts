import { afterEach, describe, expect, it } from 'vitest';
import { handFigures, zeroFigures } from '@app/reports/test-day-figures';
import { alice, bob, handComputedDay, ids, local, sale, shiftOpen } from '@app/reports/test-day';
import { DomainError } from '@app/result';
import { reportStack } from './report-test-support';
import type { ReportStack } from './report-test-support';

const domainError = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

let stack: ReportStack;
afterEach(() => stack.dispose());

describe('a hand-computed day', () => {
  it('gives the same figures on the X, the Z and the dashboard', () => {
    stack = reportStack();
    stack.append(handComputedDay());
    // 11:00 local on the 23rd: business day 23, but the batch holds the 22nd.
    const x = stack.service.x();
    expect(x.kind).toBe('x');
    expect(x.entryCount).toBe(14);
    expect(x.figures).toEqual(handFigures);

    const dashboard = stack.service.dashboard({ from: '2026-11-22', to: '2026-11-22' });
    expect(dashboard.range.figures).toEqual(handFigures);
    expect(dashboard.yesterday?.figures).toEqual(zeroFigures);

    // The owner closes the day at 02:30 on the 23rd, inside business day 22.
    stack.clock.now = new Date(local('02:30', '2026-11-23'));
    const head = stack.ledger.head();
    const z = stack.service.closeDay();
    expect(z.figures).toEqual(handFigures);
    expect(z.z).toEqual({
      zNo: 1,
      businessDay: '2026-11-22',
      batchNo: '000001',
      zSeq: 15,
      closedAt: stack.clock.now.toISOString(),
      chainHeadHash: head.hash,
    });
    // The z_close entry itself carries the Z number, the day and the chain head.
    const entry = stack.ledger.entriesFrom(15, 1)[0];
    expect(entry?.type).toBe('z_close');
    expect(entry?.detail).toEqual({ zNo: 1, businessDay: '2026-11-22', chainHeadHash: head.hash });
    expect(stack.identity.current().batchNo).toBe('000002');
    expect(stack.service.zReport(1)).toEqual(z);
    // The dashboard still agrees after the close (the z_close adds nothing).
    expect(stack.service.dashboard({ from: '2026-11-22', to: '2026-11-22' }).range.figures).toEqual(
      handFigures,
    );
    // An X after the Z covers the new, empty batch.
    expect(stack.service.x().figures).toEqual(zeroFigures);
  });

  it('rebuilds the same sums from the ledger', () => {
    stack = reportStack();
    stack.append(handComputedDay());
    expect(stack.index.rebuild()).toBe(14);
    expect(stack.service.dashboard({ from: '2026-11-22', to: '2026-11-22' }).range.figures).toEqual(
      handFigures,
    );
  });
});

describe('closing the day', () => {
  it('is refused while a shift is open, naming it', () => {
    stack = reportStack();
    stack.append(handComputedDay().slice(0, 3));
    const error = domainError(() => stack.service.closeDay());
    expect(error.code).toBe('shift_open');
    expect(error.params).toEqual({ name: 'Alice', since: '2026-11-22 08:00:00' });
    // Nothing was written: no z_close, same batch.
    expect(stack.ledger.head().seq).toBe(3);
    expect(stack.identity.current().batchNo).toBe('000001');
  });

  it('refuses a second Z for the same business day and says which Z closed it', () => {
    stack = reportStack({ now: new Date(local('21:00')) });
    stack.append([sale(ids.saleA, local('10:00'), alice, [], [])]);
    expect(stack.service.closeDay().z?.zNo).toBe(1);
    stack.clock.now = new Date(local('21:05'));
    const error = domainError(() => stack.service.closeDay());
    expect(error.code).toBe('z_already_closed');
    expect(error.params).toEqual({ day: '2026-11-22', zNo: 1, at: '2026-11-22 21:00:00' });
    expect(stack.ledger.head().seq).toBe(2);
  });

  it('allows a zero Z on a day with no sales, and says so', () => {
    stack = reportStack({ now: new Date(local('21:00')) });
    const z = stack.service.closeDay();
    expect(z.z?.zNo).toBe(1);
    expect(z.entryCount).toBe(0);
    expect(z.figures).toEqual(zeroFigures);
    expect(z.firstAt).toBeNull();
  });

  it('numbers Zs 1, 2, 3 without a gap across restarts', () => {
    stack = reportStack({ now: new Date(local('21:00', '2026-11-20')) });
    expect(stack.service.closeDay().z?.zNo).toBe(1);
    stack = stack.reopen();
    stack.clock.now = new Date(local('21:00', '2026-11-21'));
    stack.append([sale(ids.saleB, local('12:00', '2026-11-21'), bob, [], [])]);
    expect(stack.service.closeDay().z?.zNo).toBe(2);
    stack = stack.reopen();
    stack.clock.now = new Date(local('21:00', '2026-11-22'));
    const third = stack.service.closeDay();
    expect(third.z?.zNo).toBe(3);
    expect(third.z?.batchNo).toBe('000003');
    expect(stack.service.zList().map((z) => [z.zNo, z.businessDay])).toEqual([
      [3, '2026-11-22'],
      [2, '2026-11-21'],
      [1, '2026-11-20'],
    ]);
    // The ledger agrees: three z_close entries numbered 1, 2, 3.
    const zCloses = stack.ledger
      .entriesFrom(1, 100)
      .filter((e) => e.type === 'z_close')
      .map((e) => e.detail.zNo);
    expect(zCloses).toEqual([1, 2, 3]);
  });
});

describe('business days in reports', () => {
  it('puts a sale before the cut-off on the day before and one after it on the next day', () => {
    stack = reportStack();
    stack.append([
      sale(ids.saleA, local('03:59', '2026-11-23'), alice, [], [{ method: 'cash', amount: 0 }]),
      sale(ids.saleB, local('04:00', '2026-11-23'), alice, [], [{ method: 'cash', amount: 0 }]),
    ]);
    const count = (day: string) =>
      stack.service.dashboard({ from: day, to: day }).range.figures.salesCount;
    expect(count('2026-11-22')).toBe(1);
    expect(count('2026-11-23')).toBe(1);
  });

  it('reports a day across a DST change in the shop’s zone by wall-clock hours', () => {
    // New York, cut-off 04:00: business day 2026-03-07 runs 23 hours, and its night has no
    // 02:00 (01:59 EST is followed by 03:00 EDT).
    stack = reportStack({ timeZone: 'America/New_York', cutoffHour: 4 });
    const atUtc = (iso: string) => new Date(iso).toISOString();
    const cash = (amount: number) => [{ method: 'cash' as const, amount }];
    stack.append([
      sale(ids.saleA, atUtc('2026-03-07T09:30:00Z'), alice, [], cash(0)), // 04:30 EST
      sale(ids.saleB, atUtc('2026-03-08T06:30:00Z'), alice, [], cash(0)), // 01:30 EST
      sale(ids.saleC, atUtc('2026-03-08T07:30:00Z'), alice, [], cash(0)), // 03:30 EDT
      sale(ids.saleD, atUtc('2026-03-08T08:00:00Z'), alice, [], cash(0)), // 04:00 EDT: next day
    ]);
    const day = stack.service.dashboard({ from: '2026-03-07', to: '2026-03-07' });
    expect(day.timeZone).toBe('America/New_York');
    expect(day.range.figures.salesCount).toBe(3);
    const hours = day.range.figures.byHour.filter((h) => h.salesCount > 0).map((h) => h.hour);
    expect(hours).toEqual([4, 1, 3]);
    expect(
      stack.service.dashboard({ from: '2026-03-08', to: '2026-03-08' }).range.figures.salesCount,
    ).toBe(1);
  });

  it('rebuilds the sums when the owner changes the cut-off', () => {
    stack = reportStack();
    stack.append([
      sale(ids.saleA, local('03:30', '2026-11-23'), alice, [], [{ method: 'cash', amount: 0 }]),
    ]);
    expect(
      stack.service.dashboard({ from: '2026-11-22', to: '2026-11-22' }).range.figures.salesCount,
    ).toBe(1);
    stack.reportSettings.update({ cutoffHour: 0 });
    expect(
      stack.service.dashboard({ from: '2026-11-22', to: '2026-11-22' }).range.figures.salesCount,
    ).toBe(0);
    expect(
      stack.service.dashboard({ from: '2026-11-23', to: '2026-11-23' }).range.figures.salesCount,
    ).toBe(1);
  });

  it('refuses a range that is backwards or too long', () => {
    stack = reportStack();
    expect(
      domainError(() => stack.service.dashboard({ from: '2026-11-23', to: '2026-11-22' })).code,
    ).toBe('invalid_date_range');
    expect(
      domainError(() => stack.service.dashboard({ from: '2024-01-01', to: '2026-01-01' })).code,
    ).toBe('invalid_date_range');
    expect(
      domainError(() => stack.service.dashboard({ from: '2026-02-30', to: '2026-03-01' })).code,
    ).toBe('invalid_date_range');
  });
});

describe('open shifts', () => {
  it('are the shift_opens without a shift_close (staff-detail.ts)', () => {
    stack = reportStack();
    stack.append([
      shiftOpen('10000000-0000-4000-8000-000000000001', local('08:00'), {
        operator: bob,
        shiftId: 'shift-bob',
        floatMinor: 0,
      }),
    ]);
    expect(stack.index.openShifts()).toEqual([
      { shiftId: 'shift-bob', openedAt: local('08:00'), operatorName: 'Bob' },
    ]);
  });
});

describe('top products over long ranges', () => {
  it('sum the same from day and block sums as from the days one by one', () => {
    stack = reportStack();
    // One sale a day for 300 days; the product cycles over five, the quantity over seven.
    const days = Array.from({ length: 300 }, (_, i) =>
      new Date(Date.parse('2026-01-01T12:00:00.000+08:00') + i * 86_400_000).toISOString(),
    );
    const products = ['p0', 'p1', 'p2', 'p3', 'p4'];
    stack.append(
      days.map((at, i) => {
        const entry = sale(
          `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          at,
          alice,
          [],
          [{ method: 'cash', amount: 0 }],
        );
        const quantity = 1 + (i % 7);
        return {
          ...entry,
          detail: {
            ...entry.detail,
            lines: [
              {
                productId: products[i % 5] ?? '',
                nameEn: `P${String(i % 5)}`,
                nameZh: '',
                quantity,
                netMinor: 100 * quantity,
              },
            ],
          },
        };
      }),
    );
    // Ranges that start and end off every block boundary, and a whole 256-day block.
    for (const [from, to] of [
      ['2026-01-03', '2026-10-25'],
      ['2026-02-17', '2026-03-20'],
      ['2026-01-01', '2026-10-27'],
      ['2026-05-05', '2026-05-05'],
    ] as const) {
      const expected = new Map<string, number>();
      days.forEach((at, i) => {
        const day = at.slice(0, 10);
        if (day < from || day > to) return;
        const id = products[i % 5] ?? '';
        expected.set(id, (expected.get(id) ?? 0) + 1 + (i % 7));
      });
      const top = stack.service.dashboard({ from, to }).range.figures.topProducts;
      expect(
        Object.fromEntries(top.map((p) => [p.productId, p.quantity])),
        `${from} to ${to}`,
      ).toEqual(Object.fromEntries(expected));
      expect(top.map((p) => p.netMinor)).toEqual(top.map((p) => p.quantity * 100));
    }
  });
});
