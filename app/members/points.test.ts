import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../ledger/entry';
import {
  defaultPointsRule,
  maskPhone,
  pointsEarned,
  pointsMovementOf,
  redemptionValue,
} from './points';

const entry = (type: LedgerEntry['type'], detail: LedgerEntry['detail']): LedgerEntry => ({
  seq: 1,
  id: '00000000-0000-4000-8000-000000000001',
  type,
  at: '2026-11-23T10:00:00.000Z',
  batchNo: '000001',
  currency: 'CNY',
  amount: 0,
  tenders: [],
  detail,
  prevHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});

describe('member points', () => {
  it('earns one point per 1.00 net, rounded down', () => {
    expect(pointsEarned(1299, defaultPointsRule)).toBe(12);
    expect(pointsEarned(99, defaultPointsRule)).toBe(0);
    expect(pointsEarned(0, defaultPointsRule)).toBe(0);
    expect(pointsEarned(1000, { ...defaultPointsRule, earnMinorPerPoint: 50 })).toBe(20);
  });

  it('redeems whole blocks only: 100 points = 1.00', () => {
    expect(redemptionValue(300, defaultPointsRule)).toBe(300);
    expect(redemptionValue(150, defaultPointsRule)).toBeNull();
    expect(redemptionValue(0, defaultPointsRule)).toBeNull();
    expect(
      redemptionValue(200, { earnMinorPerPoint: 100, redeemPoints: 200, redeemValueMinor: 500 }),
    ).toBe(500);
  });

  it('derives the movement of a sale: earned minus redeemed', () => {
    expect(
      pointsMovementOf(entry('sale', { customerId: 'c1', pointsEarned: 12, pointsRedeemed: 100 })),
    ).toEqual({ customerId: 'c1', delta: -88 });
    expect(pointsMovementOf(entry('sale', { pointsEarned: 12 }))).toBeNull();
    expect(pointsMovementOf(entry('no_sale', { customerId: 'c1', pointsEarned: 5 }))).toBeNull();
  });

  it('a refund takes back what its sale earned and restores a redemption', () => {
    expect(
      pointsMovementOf(
        entry('refund', { customerId: 'c1', pointsReversed: 12, pointsRestored: 100 }),
      ),
    ).toEqual({ customerId: 'c1', delta: 88 });
    expect(pointsMovementOf(entry('refund', { customerId: 'c1', pointsReversed: 12 }))).toEqual({
      customerId: 'c1',
      delta: -12,
    });
  });

  it('a void takes back everything its sale earned and restores its redemption', () => {
    expect(
      pointsMovementOf(entry('void', { customerId: 'c1', pointsReversed: 40, pointsRestored: 10 })),
    ).toEqual({ customerId: 'c1', delta: -30 });
  });

  it('masks phone numbers for cashiers and receipts', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('*****');
  });
});
