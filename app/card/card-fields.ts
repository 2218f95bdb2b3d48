import { luhnValid } from '../sync/sensitive-data';
import { cardFail, cardOk } from './errors';
import type { CardResult } from './errors';

/** A calendar month; card expiry has no day (valid through the end of the month). */
export interface YearMonth {
  year: number;
  month: number;
}

/** The fields both tracks carry. Holds the full PAN: internal to app/card, never returned. */
export interface TrackFields {
  pan: string;
  expiry: YearMonth;
  serviceCode: string;
}

/** The month `date` falls in, in the machine's local time (the shop's calendar). */
export const yearMonthOf = (date: Date): YearMonth => ({
  year: date.getFullYear(),
  month: date.getMonth() + 1,
});

/** ISO/IEC 7812-1: 12–19 digits, the last a Luhn check digit. */
export function checkPan(pan: string): CardResult<string> {
  if (!/^\d{12,19}$/.test(pan)) {
    return cardFail('bad_pan', `card number has ${pan.length} characters, not 12-19 digits`);
  }
  if (!luhnValid(pan)) return cardFail('luhn_failed', 'card number fails the Luhn check');
  return cardOk(pan);
}

/**
 * ISO/IEC 7813: after the PAN's separator come YYMM and a three-digit service code. Years are
 * taken as 20YY, as no card issued before 2000 is still valid.
 */
export function parseExpiryAndServiceCode(
  afterSeparator: string,
  now: YearMonth,
): CardResult<{ expiry: YearMonth; serviceCode: string }> {
  const yymm = afterSeparator.slice(0, 4);
  if (!/^\d{4}$/.test(yymm)) return cardFail('bad_expiry', 'expiry is not four digits (YYMM)');
  const expiry = { year: 2000 + Number(yymm.slice(0, 2)), month: Number(yymm.slice(2)) };
  if (expiry.month < 1 || expiry.month > 12) {
    return cardFail('bad_expiry', `expiry month ${expiry.month} is not 1-12`);
  }
  if (expiry.year * 12 + expiry.month < now.year * 12 + now.month) {
    return cardFail('card_expired', `card expired ${formatExpiry(expiry)}`);
  }
  const serviceCode = afterSeparator.slice(4, 7);
  if (!/^\d{3}$/.test(serviceCode)) {
    return cardFail('bad_service_code', 'service code is not three digits');
  }
  return cardOk({ expiry, serviceCode });
}

/** "MM/YY", as printed on the card. */
export const formatExpiry = (expiry: YearMonth): string =>
  `${String(expiry.month).padStart(2, '0')}/${String(expiry.year % 100).padStart(2, '0')}`;
