import { z } from 'zod';
import { currencies } from '../money/currency';
import { errorCodes } from '../errors';
import { tenderDetailSchema } from './payment-schemas';

/** zod schemas of the domain types that cross the renderer ↔ main boundary. */
const minor = z.number().int().refine(Number.isSafeInteger, 'not a safe integer');
const currency = z.enum(Object.keys(currencies) as [keyof typeof currencies]);
const taxClass = z.enum(['standard', 'reduced']);
const uuid = z.uuid();

export const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bp: z.number().int().min(0).max(10_000) }),
  z.object({ kind: z.literal('amount'), minor: minor.min(0) }),
]);

export { productSchema } from './catalog-schemas';

const cartLineSchema = z.object({
  lineId: z.string(),
  productId: z.string(),
  sku: z.string(),
  barcode: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  unitPriceMinor: minor,
  taxClass,
  quantity: z.number().int(),
  discount: discountSchema.nullable(),
  /** Weighed (unit price per kg, grams) or priced by its label's barcode; absent: per piece. */
  measure: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('weight'), grams: z.number().int().min(1) }),
      z.object({ kind: z.literal('labelPrice') }),
    ])
    .optional(),
});

const lineTotalsSchema = z.object({
  lineId: z.string(),
  grossMinor: minor,
  lineDiscountMinor: minor,
  orderDiscountMinor: minor,
  netMinor: minor,
  taxMinor: minor,
});

const taxTotalSchema = z.object({
  taxClass,
  rateBp: z.number().int(),
  baseMinor: minor,
  taxMinor: minor,
});

const totalsSchema = z.object({
  subtotalMinor: minor,
  discountMinor: minor,
  taxes: z.array(taxTotalSchema),
  taxMinor: minor,
  totalMinor: minor,
  itemCount: z.number().int(),
});

/** The cart as the cashier sees it: lines, their totals and what cash would be due. */
export const cartViewSchema = z.object({
  currency,
  lines: z.array(cartLineSchema),
  lineTotals: z.array(lineTotalsSchema),
  orderDiscount: discountSchema.nullable(),
  totals: totalsSchema,
  /** Due in cash after cash rounding, and the rounding adjustment. */
  cashDueMinor: minor,
  cashRoundingMinor: minor,
  quickCash: z.array(minor),
  /** The line the last scan or add touched, for highlighting. */
  lastLineId: z.string().nullable(),
  /** The id the sale of this cart will have (chosen with the cart, kept across restarts). */
  saleId: z.string().optional(),
  /**
   * True while the cart's sale has an unknown outcome (a failed fsync): the cart is locked to
   * that sale until Complete sale finds it committed or commits it.
   */
  outcomePending: z.boolean().optional(),
});

const tenderMethod = z.enum(['cash', 'card', 'qr', 'other']);

export const saleSummarySchema = z.object({
  id: uuid,
  seq: z.number().int(),
  at: z.string(),
  currency,
  paidMinor: minor,
  itemCount: z.number().int(),
  tenderMethods: z.array(tenderMethod),
});

export const saleRecordSchema = z.object({
  id: uuid,
  seq: z.number().int(),
  at: z.string(),
  batchNo: z.string(),
  terminalId: z.string(),
  currency,
  lines: z.array(cartLineSchema.extend(lineTotalsSchema.omit({ lineId: true }).shape)),
  orderDiscount: discountSchema.nullable(),
  totals: totalsSchema,
  roundingMinor: minor,
  paidMinor: minor,
  tenders: z.array(
    z.object({
      method: tenderMethod,
      amountMinor: minor,
      tenderedMinor: minor,
      changeMinor: minor,
      // Issue #6: how a card, QR, chip or "other" tender was paid.
      ...tenderDetailSchema.shape,
    }),
  ),
  hash: z.string(),
  member: z
    .object({
      customerId: z.string(),
      name: z.string(),
      phoneMasked: z.string(),
      pointsEarned: z.number().int(),
      pointsRedeemed: z.number().int(),
      balanceAfter: z.number().int(),
    })
    .optional(),
});

export const printJobSchema = z.object({
  id: z.string(),
  saleId: z.string().nullable(),
  kind: z.enum(['receipt', 'reprint', 'test']),
  createdAt: z.string(),
  status: z.enum(['queued', 'printed', 'failed', 'skipped']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});

export const printerConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('simulated') }),
  z.object({
    kind: z.literal('tcp'),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535),
  }),
  z.object({
    kind: z.literal('serial'),
    path: z.string().min(1).max(200),
    baudRate: z.number().int().min(1_200).max(921_600),
  }),
  /** Linux USB printer class: /dev/usb/lp0. */
  z.object({ kind: z.literal('usb-lp'), path: z.string().min(1).max(200) }),
]);

/** The cash drawer on the printer's kick connector. */
export const drawerSettingsSchema = z.strictObject({
  /** How long the kick pulse drives the solenoid (ESC p, 2 ms steps). */
  pulseMs: z.number().int().min(2).max(500),
  /** Which sensor level means open: the drawer's wiring decides. */
  openWhen: z.enum(['high', 'low']),
});

export const printerStatusSchema = z.object({
  config: printerConfigSchema,
  drawer: drawerSettingsSchema,
  description: z.string(),
  state: z.enum(['ready', 'printing', 'error']),
  lastError: z.string().nullable(),
  queued: z.number().int(),
  /** What the printer last said of itself (DLE EOT); unknown when it could not be asked. */
  condition: z.enum([
    'ready',
    'paper-near-end',
    'paper-out',
    'cover-open',
    'error',
    'offline',
    'unknown',
  ]),
  /** From the drawer sensor, where the printer reports it. */
  drawerOpen: z.boolean().nullable(),
  /** Why the last status query failed, for the technician. */
  statusError: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** Where a held receipt can be sent instead; none until the technician sets one. */
  backup: z.object({ config: printerConfigSchema, description: z.string() }).nullable(),
});

/** Printer dots of a logo (app/receipt/logo); sizes are checked where it is stored. */
export const monoImageSchema = z.strictObject({
  widthDots: z.number().int().min(8).max(384),
  heightDots: z.number().int().min(1).max(240),
  bitsHex: z.string().max((384 * 240) / 4),
});

const decodedLineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text: z.string(),
    align: z.enum(['left', 'center', 'right']),
    bold: z.boolean(),
    size: z.number(),
  }),
  z.object({ kind: z.literal('qr'), data: z.string() }),
  z.object({ kind: z.literal('barcode'), data: z.string(), symbology: z.string() }),
  z.object({
    kind: z.literal('image'),
    widthDots: z.number().int(),
    heightDots: z.number().int(),
    bitsHex: z.string(),
  }),
]);

/** A page the simulated printer decoded from the bytes it received. */
export const printedPageSchema = z.object({
  receivedAt: z.string(),
  byteCount: z.number().int(),
  lines: z.array(decodedLineSchema),
  cut: z.boolean(),
});

export const settingsSchema = z.object({
  locale: z.enum(['en', 'zh-CN']),
  shopName: z.string().max(64),
  currency,
  taxMode: z.enum(['inclusive', 'exclusive']),
  taxRounding: z.enum(['per-line', 'per-receipt']),
  cashRoundingStep: z.union([
    z.literal(0),
    z.literal(1),
    z.literal(5),
    z.literal(10),
    z.literal(50),
    z.literal(100),
  ]),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  receiptHeader: z.string().max(200),
  receiptFooter: z.string().max(200),
  // Set by the first-start wizard (issue #5).
  shopAddress: z.string().max(200),
  taxRates: z.object({
    standard: z.number().int().min(0).max(10_000),
    reduced: z.number().int().min(0).max(10_000),
  }),
});

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  terminalId: z.string(),
  batchNo: z.string(),
  dataDir: z.string(),
});

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

// Sync (upstream-sync-v1): what the status chip and the owner's Sync screen show.
const syncBindingSchema = z.object({
  hostUrl: z.string(),
  merchantId: z.string(),
  terminalId: z.string(),
  merchantName: z.string(),
  settlementAccount: z.string(),
  boundAt: z.string(),
});

export const syncAlarmSchema = z.object({
  code: z.enum([
    'chain_broken',
    'sensitive_data',
    'cursor_ahead',
    'cursor_mismatch',
    'idempotency_conflict',
    'totals_mismatch',
    'too_large',
    'batch_changed',
  ]),
  atSeq: z.number().int().optional(),
  path: z.string().optional(),
  raisedAt: z.string(),
});

export const syncStatusSchema = z.object({
  binding: syncBindingSchema.nullable(),
  /** The chip: not bound, all synced, entries waiting, host not answering, or stopped. */
  state: z.enum(['not_bound', 'synced', 'pending', 'unreachable', 'alarm']),
  headSeq: z.number().int(),
  ackedSeq: z.number().int(),
  unsynced: z.number().int(),
  oldestUnsyncedAt: z.string().nullable(),
  syncedAt: z.string().nullable(),
  unreachableSince: z.string().nullable(),
  lastError: z.object({ code: z.string(), detail: z.string(), at: z.string() }).nullable(),
  alarm: syncAlarmSchema.nullable(),
  nextAttemptAt: z.string().nullable(),
  uploading: z.boolean(),
  /** The backlog being worked through, for a progress bar: from its first seq to the head. */
  backlog: z.object({ fromSeq: z.number().int(), toSeq: z.number().int() }).nullable(),
  openBatch: z
    .object({
      batchId: z.string(),
      fromSeq: z.number().int(),
      toSeq: z.number().int(),
      attempts: z.number().int(),
      createdAt: z.string(),
    })
    .nullable(),
  batchNo: z.string(),
  pendingSettlements: z.number().int(),
});

const settlementSideSchema = z.object({
  totals: z.record(z.string(), z.object({ count: z.number().int(), amount: minor })),
  byMethod: z.record(z.string(), minor),
});

export const settlementViewSchema = z.object({
  batchNo: z.string(),
  zSeq: z.number().int(),
  closedAt: z.string(),
  status: z.enum(['pending', 'balanced', 'unbalanced']),
  answeredAt: z.string().nullable(),
  currency,
  terminal: settlementSideSchema,
  /** The host's figures, when it answered "unbalanced". */
  host: settlementSideSchema.nullable(),
});

// Devices: the technician assigns a device to each role and tests it.
export const deviceRoles = [
  'cardReader',
  'paymentTerminal',
  'barcodeScanner',
  'customerDisplay',
] as const;
export const deviceRoleSchema = z.enum(deviceRoles);

export const zvtCharsetSchema = z.enum(['cp437', 'latin1']);

export const deviceConnectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('simulated') }),
  z.strictObject({
    kind: z.literal('serial'),
    path: z.string().min(1).max(200),
    baudRate: z.number().int().min(300).max(921_600),
    /** Barcode scanners: what ends a code (default CR); 'none' ends it after a pause. */
    suffix: z.enum(['cr', 'lf', 'crlf', 'tab', 'none']).optional(),
    /** Payment terminals: how their texts are encoded (default CP437, as ZVT specifies). */
    charset: zvtCharsetSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    /** A particular device when several of the same model are plugged in. */
    path: z.string().max(200).optional(),
  }),
  z.strictObject({
    kind: z.literal('tcp'),
    host: z.string().min(1).max(200),
    port: z.number().int().min(1).max(65_535),
    charset: zvtCharsetSchema.optional(),
  }),
]);

export const discoveredDeviceSchema = z.object({
  transport: z.enum(['serial', 'hid']),
  path: z.string(),
  vendorId: z.number().int().nullable(),
  productId: z.number().int().nullable(),
  manufacturer: z.string().nullable(),
  product: z.string().nullable(),
});

export const deviceStatusSchema = z.object({
  role: deviceRoleSchema,
  connection: deviceConnectionSchema.nullable(),
  state: z.enum(['not_configured', 'connecting', 'connected', 'disconnected']),
  /** For people: "Serial /dev/ttyUSB0 9600", "TCP 192.168.1.40:20007". */
  description: z.string(),
  since: z.string(),
  lastError: z.string().nullable(),
  /** The latest thing the device did, masked: "Swipe 411111******1111 VISA credit". */
  lastEvent: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
  /** What a simulated customer display shows: its two 20-character lines. */
  screen: z.tuple([z.string(), z.string()]).nullable(),
  /**
   * Round trip of the latest test or diagnosis, for devices that answer; readers and
   * scanners only send, so theirs is null (their delay to the screen is benchmarked).
   */
  latencyMs: z.number().int().nullable(),
});

export const devicesViewSchema = z.object({
  devices: z.array(deviceStatusSchema),
  discovered: z.array(discoveredDeviceSchema),
  /** Why discovery found nothing it could list (no udev, no libusb), for the technician. */
  discoveryError: z.string().nullable(),
});

export const deviceTestResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** What the device printed or showed for the test (a terminal's diagnosis printout). */
  printout: z.array(z.string()).optional(),
});

const trackCheckSchema = z.object({
  track: z.union([z.literal(1), z.literal(2)]),
  state: z.enum(['ok', 'absent', 'unreadable', 'failed']),
  length: z.number().int(),
  lrc: z.enum(['ok', 'absent', 'failed']).nullable(),
  code: z.string().nullable(),
});

/** How each track of a swipe fared (never its content): the technician's read quality. */
export const swipeDiagnosisSchema = z.object({
  quality: z.enum(['good', 'partial', 'bad']),
  tracks: z.tuple([trackCheckSchema, trackCheckSchema]),
  framing: z.string().nullable(),
});

const swipeOrigin = {
  /** The role's reader, or a keyboard-wedge reader recognised by the renderer. */
  source: z.enum(['reader', 'keyboard']),
  diagnosis: swipeDiagnosisSchema.nullable(),
};

/** What the renderer learns of a swipe: the masked card only, never track data. */
export const maskedSwipeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    maskedPan: z.string(),
    brand: z.string(),
    kind: z.string(),
    expiry: z.string(),
    ...swipeOrigin,
  }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string(), ...swipeOrigin }),
]);
