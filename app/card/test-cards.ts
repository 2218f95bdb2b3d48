import type { StripeContent } from './encode-track';

/**
 * Published test card numbers (scheme and acquirer test ranges; they pass Luhn but no issuer
 * authorizes them). The only PANs simulators and tests may use.
 */
export const testCards = {
  visa: {
    pan: '4111111111111111',
    name: 'TEST/VISA',
    expiry: '3012',
    serviceCode: '101',
    discretionary: '000000000',
  },
  visaDeclined: {
    pan: '4000000000000002',
    name: 'TEST/DECLINE',
    expiry: '2912',
    serviceCode: '201',
    discretionary: '0000',
  },
  unionpayDebit: {
    pan: '6222020000000000000',
    name: 'ZHANG/SAN',
    expiry: '3106',
    serviceCode: '220',
    discretionary: '00000',
  },
  unionpayDebit2: {
    pan: '6222021234567890128',
    name: 'LI/SI',
    expiry: '2811',
    serviceCode: '120',
    discretionary: '12345',
  },
} as const satisfies Record<string, StripeContent>;

export type TestCardName = keyof typeof testCards;
