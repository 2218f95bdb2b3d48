import { z } from 'zod';
import { correctionLegSchema } from '@app/api/correction-schemas';
import { tenderDetailSchema } from '@app/api/payment-schemas';
import { staffRoles } from '@app/ledger/staff-detail';
import type { SettingsStore } from '../settings/settings-store';

const KEY = 'corrections.pending';

const operator = z.object({ id: z.string(), name: z.string(), role: z.enum(staffRoles) });

/** The leg the screen shows, kept with how it was paid back once it is. */
const storedLegSchema = correctionLegSchema.extend({
  legIndex: z.number().int().min(0),
  amountMinor: z.number().int().min(0),
  /** How it was paid back (the refund's authorization, masked card only); empty for cash. */
  detail: tenderDetailSchema.extend({ refAuthId: z.string().optional() }),
});
export type StoredLeg = z.output<typeof storedLegSchema>;

const storedCorrectionSchema = z.object({
  id: z.string(),
  kind: z.enum(['void', 'refund']),
  saleId: z.string(),
  requested: z.array(z.object({ lineId: z.string(), quantity: z.number().int() })),
  reason: z.string(),
  restock: z.boolean(),
  override: z.object({ by: operator, permission: z.string() }).nullable(),
  operator,
  shiftId: z.string(),
  legs: z.array(storedLegSchema),
});
export type StoredCorrection = z.output<typeof storedCorrectionSchema>;

export interface PendingStore {
  load(): StoredCorrection | null;
  /**
   * `durable` when money moved outside the till (a card paid back at the host or terminal):
   * that must survive a power cut; anything else is work saved without an fsync of its own.
   */
  save(stored: StoredCorrection | null, durable: boolean): void;
}

/**
 * The void or refund under way, kept in settings (a work record, not the ledger) after every
 * leg, so a restart knows which card was already paid back. Never card data: masked only.
 */
export class SettingsPendingStore implements PendingStore {
  constructor(private readonly settings: SettingsStore) {}

  load(): StoredCorrection | null {
    const parsed = storedCorrectionSchema.safeParse(this.settings.getValue(KEY));
    return parsed.success ? parsed.data : null;
  }

  save(stored: StoredCorrection | null, durable: boolean): void {
    if (durable) this.settings.setValue(KEY, stored);
    else this.settings.setWorkValue(KEY, stored);
  }
}
