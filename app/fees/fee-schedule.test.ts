import { describe, expect, it } from 'vitest';
import {
  defaultFeeSchedule,
  feeKindOf,
  feeOf,
  formatPpmAsPercent,
  parsePercentToPpm,
  tenderFee,
} from './fee-schedule';
import type { TenderKindInfo } from './fee-schedule';

describe('feeOf: half away from zero on the exact rational, then the cap', () => {
  // [amount, ppm, cap, fee, why]
  const cases: [number, number, number | null, number, string][] = [
    [10_000, 6000, null, 60, '100.00 at 0.60 % is exactly 0.60'],
    [1234, 6000, null, 7, '7.404 rounds down'],
    [2500, 6000, null, 15, '15.000 exactly'],
    [2583, 6000, null, 15, '15.498 rounds down'],
    [2584, 6000, null, 16, '15.504 rounds up'],
    [1250, 3800, null, 5, '4.75 rounds up'],
    [125, 6000, null, 1, '0.75 rounds up'],
    [83, 6000, null, 0, '0.498 rounds to zero'],
    [250, 6000, null, 2, '1.5 is a tie: away from zero'],
    [-250, 6000, null, -2, 'a refund tie rounds away from zero too (returns the same fee)'],
    [-10_000, 6000, null, -60, 'a void returns its sale’s fee'],
    [500_000, 5000, 2500, 2500, '5000.00 debit: 25.00 exactly at the cap'],
    [1_000_000, 5000, 2500, 2500, '10000.00 debit: 50.00 capped at 25.00'],
    [-1_000_000, 5000, 2500, -2500, 'a capped refund returns the capped fee'],
    [499_900, 5000, 2500, 2500, '24.995 rounds to 25.00, within the cap'],
    [0, 6000, null, 0, 'a zero payment has no fee'],
    [9_007_199_254_740_991, 6000, null, 54_043_195_528_446, 'no float error at 2^53 − 1'],
    [10_000, 0, null, 0, 'cash: rate 0'],
  ];
  it.each(cases)('%i at %i ppm (cap %s) → %i: %s', (amount, ppm, cap, fee) => {
    expect(feeOf(amount, { ppm, capMinor: cap })).toBe(fee);
  });
});

describe('feeKindOf', () => {
  const cases: [TenderKindInfo, string][] = [
    [{ method: 'cash' }, 'cash'],
    [{ method: 'card', cardType: 'credit' }, 'credit'],
    [{ method: 'card', cardType: 'debit' }, 'debit'],
    [{ method: 'card' }, 'credit'],
    [{ method: 'qr', qrScheme: 'wallet' }, 'wallet_qr'],
    [{ method: 'qr', qrScheme: 'unionpay' }, 'unionpay_qr'],
    [{ method: 'qr', cardType: 'wallet' }, 'wallet_qr'],
    [{ method: 'qr', cardType: 'credit' }, 'unionpay_qr'],
    [{ method: 'qr' }, 'unionpay_qr'],
    [{ method: 'other' }, 'other'],
  ];
  it.each(cases)('%o → %s', (tender, kind) => expect(feeKindOf(tender)).toBe(kind));
});

describe('the default schedule (issue #5)', () => {
  it('charges credit 0.60 %, debit 0.50 % capped at 25.00, wallet 0.38 %, UnionPay QR 0.60 %, cash 0', () => {
    const fee = (tender: TenderKindInfo) =>
      tenderFee(defaultFeeSchedule, { ...tender, amountMinor: 1_000_000 }).feeMinor;
    expect(fee({ method: 'card', cardType: 'credit' })).toBe(6000);
    expect(fee({ method: 'card', cardType: 'debit' })).toBe(2500);
    expect(fee({ method: 'qr', qrScheme: 'wallet' })).toBe(3800);
    expect(fee({ method: 'qr', qrScheme: 'unionpay' })).toBe(6000);
    expect(fee({ method: 'cash' })).toBe(0);
  });
});

describe('percent text ↔ ppm', () => {
  it.each([
    ['0.6', 6000],
    ['0.38', 3800],
    ['0.5', 5000],
    ['1', 10_000],
    ['0.0125', 125],
    ['100', 1_000_000],
  ])('%s %% is %i ppm and back', (text, ppm) => {
    expect(parsePercentToPpm(text)).toBe(ppm);
    expect(formatPpmAsPercent(ppm)).toBe(text);
  });
  it.each(['', '-1', '0.00001', '1e-2', '101', 'abc', '0,6'])('refuses %j', (text) => {
    expect(parsePercentToPpm(text)).toBeNull();
  });
});
