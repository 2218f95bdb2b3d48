/** English messages of voids (撤销) and refunds (退货) (issue #6 "Corrections"). */
export const correctionsEn = {
  'errors.sale_already_voided': 'This sale was voided: there is nothing left to give back.',
  'errors.sale_partly_refunded':
    'Part of this sale was already refunded, so it cannot be voided. Refund the rest instead.',
  'errors.refund_exceeds_left': 'Only {{left}} of “{{name}}” can still be refunded.',
  'errors.refund_nothing': 'Choose at least one item to refund.',
  'errors.correction_pending':
    'A void or refund (receipt {{seq}}) is not finished: retry it, pay it back in cash, or cancel it first.',
  'errors.correction_not_found': 'There is no unfinished void or refund.',
  'errors.refund_leg_failed':
    'A payment could not be given back yet. Nothing is recorded until every part is paid back: retry, or pay it back in cash.',
  'errors.void_not_possible':
    'The payment terminal could not cancel this card payment. Refund the sale instead.',
  'staff.policy.refundLimit': 'Refunds above this need a manager',
  'correction.receipt.void': 'VOID',
  'correction.receipt.refund': 'REFUND',
  'correction.receipt.original': 'Original receipt',
  'correction.receipt.total': 'Paid back',
  'correction.receipt.cash': 'Cash back',
  'correction.receipt.reason': 'Reason',
  'correction.receipt.by': 'By',
  'correction.receipt.signature': 'Customer signature:',
} as const;
