import { z } from 'zod';
import { paymentViewSchema } from './payment-schemas';

const none = z.strictObject({});
const amount = z.number().int();
const view = paymentViewSchema;

/**
 * Taking payment for the cart, one tender at a time (issue #6, split tender); part of
 * contract.ts. The sale is committed when the tenders cover the total: the answer's
 * `saleId` names it.
 */
export const paymentCommands = {
  'payment.get': {
    summary: 'The payment in progress: tenders taken, the remaining due, what is running.',
    input: none,
    output: view,
  },
  'payment.cash': {
    summary: 'Takes cash; change only when it covers what is left (then the sale completes).',
    input: z.strictObject({ tenderedMinor: amount }),
    output: view,
  },
  'payment.swipe': {
    summary: 'Card by swipe: waits for a card on the reader, then asks the payment host.',
    input: z.strictObject({ amountMinor: amount }),
    output: view,
  },
  'payment.chip': {
    summary: 'Chip or tap: the payment terminal reads the card and authorizes (ZVT).',
    input: z.strictObject({ amountMinor: amount }),
    output: view,
  },
  'payment.qr': {
    summary: "The customer's payment code, typed or scanned: the payment host authorizes it.",
    input: z.strictObject({ amountMinor: amount, code: z.string().max(128) }),
    output: view,
  },
  'payment.other': {
    summary: 'A voucher or bank transfer, with its reference.',
    input: z.strictObject({
      amountMinor: amount,
      kind: z.enum(['voucher', 'bank_transfer']),
      reference: z.string().max(64),
    }),
    output: view,
  },
  'payment.stop': {
    summary: 'Stops waiting for a swipe, or asks the payment terminal to abort.',
    input: none,
    output: view,
  },
  'payment.cancel': {
    summary: 'Cancels the payment: approved card and QR legs are voided, chip legs reversed.',
    input: none,
    output: view,
  },
  'payment.complete': {
    summary: 'Commits a fully paid sale again after its commit failed.',
    input: none,
    output: view,
  },
} as const;

export const paymentEvents = {
  'payment.changed': {
    summary: 'The payment in progress changed (a tender, waiting for a card, terminal texts).',
    payload: view,
  },
} as const;

export type PaymentCommandName = keyof typeof paymentCommands;
