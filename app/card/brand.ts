/** Card schemes we recognise by their IIN ranges (ISO/IEC 7812-1, scheme rule books). */
export type CardBrand = 'visa' | 'mastercard' | 'unionpay' | 'amex' | 'jcb' | 'unknown';

/** Whether the card draws on a deposit account. A hint for the screen, never for routing. */
export type CardKind = 'credit' | 'debit' | 'unknown';

interface BrandRange {
  brand: Exclude<CardBrand, 'unknown'>;
  /** Inclusive range of the PAN's first `digits` digits. */
  from: number;
  to: number;
  digits: number;
}

const BRAND_RANGES: readonly BrandRange[] = [
  { brand: 'visa', from: 4, to: 4, digits: 1 },
  { brand: 'mastercard', from: 51, to: 55, digits: 2 },
  { brand: 'mastercard', from: 2221, to: 2720, digits: 4 },
  { brand: 'unionpay', from: 62, to: 62, digits: 2 },
  { brand: 'amex', from: 34, to: 34, digits: 2 },
  { brand: 'amex', from: 37, to: 37, digits: 2 },
  { brand: 'jcb', from: 3528, to: 3589, digits: 4 },
];

/**
 * A few well-known UnionPay BINs (first six digits) and whether the issuer uses them for debit
 * or credit cards. A HINT ONLY, for the cashier's screen: issuers reuse and reassign BINs, so
 * anything that matters (fees, routing, refusing a card) must come from the acquirer's BIN
 * file or the authorization response. Sources: issuers' public card-number descriptions.
 */
const UNIONPAY_KIND_BY_BIN: Readonly<Record<string, CardKind>> = {
  '622202': 'debit', // ICBC 牡丹灵通卡
  '622848': 'debit', // Agricultural Bank of China 金穗借记卡
  '621700': 'debit', // China Construction Bank 龙卡储蓄卡
  '622700': 'debit', // China Construction Bank 龙卡储蓄卡
  '622230': 'credit', // ICBC 牡丹贷记卡
};

export function cardBrand(pan: string): CardBrand {
  for (const range of BRAND_RANGES) {
    const head = Number(pan.slice(0, range.digits));
    if (pan.length >= range.digits && head >= range.from && head <= range.to) return range.brand;
  }
  return 'unknown';
}

export function cardKind(pan: string): CardKind {
  return UNIONPAY_KIND_BY_BIN[pan.slice(0, 6)] ?? 'unknown';
}
