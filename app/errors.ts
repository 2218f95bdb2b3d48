/**
 * Every error a cashier, owner or technician can meet. Each code has a message in every
 * locale of app/i18n (a test checks that), so the screen never shows a raw code.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_barcode',
  'invalid_barcode',
  'card_data_in_scan',
  'drawer_failed',
  'serial_in_use',
  'serial_open_failed',
  'serial_not_open',
  'product_not_found',
  'invalid_quantity',
  'invalid_discount',
  'line_not_found',
  'cart_empty',
  'tender_insufficient',
  'invalid_amount',
  'ledger_write_failed',
  'ledger_outcome_unknown',
  'disk_full',
  'sale_not_found',
  'printer_offline',
  'printer_failed',
  'print_job_not_found',
  'invalid_printer_config',
  'not_connected',
  'binding_code_invalid',
  'binding_locked',
  'already_bound',
  'not_bound',
  'terminal_mismatch',
  'host_unreachable',
  'host_error',
  'invalid_host_url',
  'internal',
  // Reports (X/Z, dashboard)
  'shift_open',
  'z_already_closed',
  'z_not_found',
  'invalid_date_range',
  'invalid_time_zone',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
