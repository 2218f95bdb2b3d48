import { z } from 'zod';
import type { TenderMethod } from '../ledger/entry';
import { divRound } from '../money/rounding';

/**
 * Merchant (acquirer) fees: what the payment host keeps of each non-cash payment.
 *
 * A rate is in parts per million of the amount (0.60 % = 6000 ppm), so any rate an
 * acquirer quotes to four decimals of a percent is an exact integer. A cap, when set, is in
 * minor units and limits the fee of one payment.
 */
export const feeKinds = ['cash', 'credit', 'debit', 'wallet_qr', 'unionpay_qr', 'other'] as const;
export type FeeKind = (typeof feeKinds)[number];

export const feeRateSchema = z.strictObject({
  ppm: z.number().int().min(0).max(1_000_000),
  capMinor: z.number().int().min(0).nullable(),
});
export type FeeRate = z.output<typeof feeRateSchema>;

export const feeScheduleSchema = z.strictObject({
  cash: feeRateSchema,
  credit: feeRateSchema,
  debit: feeRateSchema,
  wallet_qr: feeRateSchema,
  unionpay_qr: feeRateSchema,
  other: feeRateSchema,
});
export type FeeSchedule = z.output<typeof feeScheduleSchema>;

/** Issue #5's defaults: credit 0.60 %, debit 0.50 % capped at 25.00, wallet QR 0.38 %, UnionPay QR 0.60 %. */
export const defaultFeeSchedule: FeeSchedule = {
  cash: { ppm: 0, capMinor: null },
  credit: { ppm: 6000, capMinor: null },
  debit: { ppm: 5000, capMinor: 2500 },
  wallet_qr: { ppm: 3800, capMinor: null },
  unionpay_qr: { ppm: 6000, capMinor: null },
  other: { ppm: 0, capMinor: null },
};

/**
 * What a tender's detail says about how it was paid. Card tenders (issue #6) carry the
 * host's `cardType`; QR tenders carry `qrScheme` (a wallet payment code starts 28, UnionPay
 * QR 62: upstream-sync-v1 "Test cards and codes"), or the host's cardType 'wallet'.
 */
export interface TenderKindInfo {
  method: TenderMethod;
  cardType?: 'credit' | 'debit' | 'wallet' | undefined;
  qrScheme?: 'wallet' | 'unionpay' | undefined;
}

/**
 * The fee kind of a tender. A card whose type is not recorded counts as credit, and a QR
 * payment whose scheme is not recorded as UnionPay QR: the higher rate, so the expected
 * settlement is never over-stated.
 */
export function feeKindOf(tender: TenderKindInfo): FeeKind {
  switch (tender.method) {
    case 'cash':
      return 'cash';
    case 'card':
      return tender.cardType === 'debit' ? 'debit' : 'credit';
    case 'qr':
      return tender.qrScheme === 'wallet' ||
        (tender.qrScheme === undefined && tender.cardType === 'wallet')
        ? 'wallet_qr'
        : 'unionpay_qr';
    case 'other':
      return 'other';
  }
}

/**
 * The fee of one payment of `amountMinor` (signed like the ledger: a refund or void is
 * negative and gets its fee back with the opposite sign).
 *
 * Rounding: the exact rational |amount| × ppm / 1,000,000 is rounded half away from zero
 * once (BigInt, no floating point), then capped, then given the amount's sign. So a void
 * returns exactly the fee its sale was charged, and a fee is computed per payment, never
 * on a day's total (the two differ by up to half a minor unit per payment).
 */
export function feeOf(amountMinor: number, rate: FeeRate): number {
  const magnitude = divRound(BigInt(Math.abs(amountMinor)) * BigInt(rate.ppm), 1_000_000n);
  const capped = rate.capMinor === null ? magnitude : Math.min(magnitude, rate.capMinor);
  return amountMinor < 0 && capped !== 0 ? -capped : capped;
}

/** The fee kind and fee of one tender under `schedule`; issue #6 calls this at payment time. */
export function tenderFee(
  schedule: FeeSchedule,
  tender: TenderKindInfo & { amountMinor: number },
): { kind: FeeKind; feeMinor: number } {
  const kind = feeKindOf(tender);
  return { kind, feeMinor: feeOf(tender.amountMinor, schedule[kind]) };
}

/** "0.6" (percent, up to 4 decimals) → 6000 ppm; null when it is not such a number. */
export function parsePercentToPpm(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,4}))?$/.exec(text.trim());
  if (!match) return null;
  const ppm = Number(match[1] ?? '0') * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
  return ppm <= 1_000_000 ? ppm : null;
}

/** 6000 ppm → "0.6" (percent, shortest exact form). */
export function formatPpmAsPercent(ppm: number): string {
  const whole = Math.trunc(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${String(whole)}.${fraction}`;
}
