/** English messages of bounded offline card acceptance (issue #6 "Offline"). */
export const offlineEn = {
  'errors.offline_card_refused':
    'Payment not completed, reversing. The payment host cannot be reached ({{reason}}): card not accepted. Nothing was charged: take cash.',
  'errors.offline_qr_refused':
    'Payment not completed, reversing. The payment host cannot be reached ({{reason}}), and QR payment codes work online only. Nothing was charged: take cash.',
  'errors.offline_per_sale_cap':
    'Payment not completed, reversing. The payment host cannot be reached: offline card payments are limited to {{limit}} each. Nothing was charged: take cash.',
  'errors.offline_total_cap':
    'Payment not completed, reversing. The payment host cannot be reached: card payments waiting for it would pass the offline limit of {{limit}} ({{left}} left). Nothing was charged: take cash.',
  'errors.offline_count_cap':
    'Payment not completed, reversing. The payment host cannot be reached: {{max}} offline card payments are already waiting for it. Nothing was charged: take cash.',
  'errors.offline_too_old':
    'Payment not completed, reversing. The payment host cannot be reached, and an offline card payment has waited almost 24 h for it: no more are accepted. Nothing was charged: take cash, and check the connection to the host.',
  'errors.offline_item_not_found':
    'That payment is not on the worklist (any more). Refresh the screen.',
  'errors.offline_not_forwarded':
    'This card payment was accepted offline and the host has not approved it yet ({{status}}): it cannot go back on the card. Pay it back in cash, or cancel and try again once the host has it.',
  'offline.title': 'Offline card acceptance',
  'offline.hint':
    'When the payment host cannot be reached, a card swipe within these limits is approved by the till and sent to the host within 24 h. The host may still decline it: you then collect from the customer. QR payment codes are one-time and work online only.',
  'offline.enabled': 'Accept card swipes while the host is unreachable',
  'offline.perSaleCap': 'Limit per sale',
  'offline.totalCap': 'Total limit waiting for the host',
  'offline.countCap': 'Most payments waiting for the host',
  'offline.save': 'Save offline settings',
  'offline.saved': 'Offline settings saved.',
  'offline.invalid':
    'Check the values: amounts like 500.00, the count a whole number; with offline acceptance on, each limit must be above 0.',
  'offline.pending': 'Waiting for the host: {{count}} payment(s), {{total}}',
  'offline.oldest': 'Oldest accepted {{at}}; it must reach the host within 24 h.',
  'offline.worklist': 'Collect from the customer',
  'offline.worklistHint':
    'Offline card payments the host declined, or that could not be sent within 24 h: the customer has not paid for these.',
  'offline.noWorklist': 'No offline card payment was declined or expired.',
  'offline.sale': 'Sale',
  'offline.accepted': 'Accepted',
  'offline.card': 'Card',
  'offline.amount': 'Amount',
  'offline.outcome': 'Host',
  'offline.declined': 'Declined {{code}}: {{message}}',
  'offline.expired': 'Not sent within 24 h',
  'offline.note': 'What was done',
  'offline.notePlaceholder': 'e.g. collected in cash',
  'offline.resolve': 'Mark resolved',
  'offline.resolved': 'Resolved {{at}} by {{by}}: {{note}}',
  'offline.noteRequired': 'Write what was done before marking it resolved.',
  'tender.acceptedOffline': 'Accepted offline: sent to the host when it answers',
  'tender.qrOnlineOnly': 'QR payment codes are one-time and work only while the host answers.',
  'receipt.offline': 'OFFLINE APPROVAL',
} as const;
