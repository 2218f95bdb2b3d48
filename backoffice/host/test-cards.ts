import type { AuthorizationRequest } from '@app/sync/protocol';

/** What the test host decides for an authorization, before codes are drawn. */
export type CardDecision =
  | { outcome: 'no_answer'; cardMasked: string | null }
  | { outcome: 'declined'; cardMasked: string | null; responseCode: string; message: string }
  | {
      outcome: 'approved';
      cardMasked: string;
      cardBrand: string;
      cardType: 'credit' | 'debit' | 'wallet';
    };

// ISO 7813 track 2: [;]PAN=YYMM service code, discretionary data[?]. Sentinels optional.
const TRACK2 = /^;?(\d{12,19})=(\d{4}\d*)\??$/;

/** upstream-sync-v1 "Test cards and codes": the table, row by row. */
const CARDS: Record<string, { cardType: 'credit' | 'debit' } | { declined: true }> = {
  '4111111111111111': { cardType: 'credit' },
  '6222020000000000000': { cardType: 'credit' },
  '6222021234567890128': { cardType: 'debit' },
  '4000000000000002': { declined: true },
};

/**
 * Decides by the spec's test table. Only the masked number leaves this function: the
 * caller must drop track 2 as soon as this returns.
 */
export function decideAuthorization(request: AuthorizationRequest): CardDecision {
  const pan = request.entryMode === 'swipe' ? panOfTrack2(request.track2) : null;
  const code = request.entryMode === 'qr' ? (request.qrCode ?? '') : null;
  const cardMasked = pan !== null ? maskPan(pan) : code !== null ? maskPan(code) : null;
  const cents = request.amount % 100;
  if (cents === 91) return { outcome: 'no_answer', cardMasked };
  if (code !== null) {
    if (/^28\d{16}$/.test(code)) {
      return {
        outcome: 'approved',
        cardMasked: maskPan(code),
        cardBrand: 'Alipay',
        cardType: 'wallet',
      };
    }
    if (/^62\d{16}$/.test(code)) {
      return {
        outcome: 'approved',
        cardMasked: maskPan(code),
        cardBrand: 'UnionPay',
        cardType: 'credit',
      };
    }
    return declined(cardMasked, '14', 'invalid code');
  }
  if (pan === null) return declined(null, '14', 'invalid card');
  if (cents === 51) return declined(cardMasked, '51', 'insufficient funds');
  const card = CARDS[pan];
  // Cards outside the table are declined as unknown: the test host approves only its own.
  if (card === undefined) return declined(cardMasked, '14', 'invalid card');
  if ('declined' in card) return declined(cardMasked, '05', 'do not honour');
  return {
    outcome: 'approved',
    cardMasked: maskPan(pan),
    cardBrand: brandOf(pan),
    cardType: card.cardType,
  };
}

export function panOfTrack2(track2: string | undefined): string | null {
  return TRACK2.exec(track2 ?? '')?.[1] ?? null;
}

/** upstream-sync-v1 "Card data": at most the first 6 and last 4 digits (622202******1234). */
export function maskPan(pan: string): string {
  if (pan.length <= 10) return '*'.repeat(pan.length);
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}

function brandOf(pan: string): string {
  if (pan.startsWith('62')) return 'UnionPay';
  if (pan.startsWith('4')) return 'Visa';
  if (/^5[1-5]/.test(pan)) return 'Mastercard';
  return 'Unknown';
}

const declined = (
  cardMasked: string | null,
  responseCode: string,
  message: string,
): CardDecision => ({ outcome: 'declined', cardMasked, responseCode, message });
