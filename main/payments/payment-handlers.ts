import type { PaymentCommandName } from '@app/api/payment-contract';
import type { Handlers } from '../kernel/handlers';
import type { PaymentSession } from './payment-session';

/** The payment commands (issue #6), each one call into the cart's payment session. */
export function paymentHandlers(payment: PaymentSession): Pick<Handlers, PaymentCommandName> {
  return {
    'payment.get': () => payment.view(),
    'payment.cash': ({ tenderedMinor }) => payment.cash(tenderedMinor),
    'payment.swipe': ({ amountMinor }) => payment.swipe(amountMinor),
    'payment.chip': ({ amountMinor }) => payment.chip(amountMinor),
    'payment.qr': ({ amountMinor, code }) => payment.qr(amountMinor, code),
    'payment.other': ({ amountMinor, kind, reference }) =>
      payment.other(amountMinor, kind, reference),
    'payment.stop': () => payment.stopWaiting(),
    'payment.cancel': () => payment.cancel(),
    'payment.complete': () => payment.complete(),
  };
}
