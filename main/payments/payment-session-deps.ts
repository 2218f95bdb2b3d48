import type { CartView } from '@app/api/contract';
import type { PaymentView } from '@app/api/payment-schemas';
import type { FeeSchedule } from '@app/fees/fee-schedule';
import type { SaleTender } from '@app/sale/sale';
import type { ZvtClient } from '@native/zvt/zvt-client';
import type { Logger } from '../log/logger';
import type { SaleService } from '../sales/sale-service';
import type { PaymentAuthorizer } from './offline-acceptance';
import type { RiskGuard } from './risk-guard';
import type { MerchantIdentity } from './sale-tenders';

/** What the payment session needs from the rest of the till (create-payments.ts wires it). */
export interface PaymentSessionDeps {
  cart: { view(): CartView };
  sales: Pick<SaleService, 'payCash' | 'payTenders' | 'assertCanSell'>;
  /** The CardAuthorizer, or OfflineAcceptance in front of it (issue #6 "Offline"). */
  authorizer: PaymentAuthorizer;
  /**
   * The owner's risk rules for tenders the host does not see first: chip (the terminal
   * reads the card, so limits only) and "other". Swipes and QR are checked by the authorizer.
   */
  risk?: Pick<RiskGuard, 'check'>;
  /** The payment terminal's ZVT client (chip and tap), or null when none is connected. */
  terminal: () => ZvtClient | null;
  /** Track 2 of the latest swipe, handed over once (DeviceService.takeTrack2). */
  takeTrack2: () => string | null;
  batchNo: () => string;
  merchant: () => MerchantIdentity | null;
  fees: () => FeeSchedule;
  onChange: (view: PaymentView) => void;
  log: Logger;
  now?: () => Date;
  /** How long "Card swipe" waits for a card on the reader. */
  swipeWaitMs?: number;
  /** A partly paid sale left alone this long is abandoned: its legs are voided. */
  abandonAfterMs?: number;
  /**
   * Where the legs of a partly paid sale are kept (masked data only), so a restart neither
   * forgets a charged card nor loses what was paid.
   */
  store?: PaymentStore;
  /** The id of the sale being paid (the cart's), saved with the legs. */
  saleId?: () => string;
  /** Whether the sale of this id is in the ledger (then its legs are paid, not given back). */
  isCommitted?: (saleId: string) => boolean;
}

export interface SavedPayment {
  total: number;
  saleId?: string;
  legs: SaleTender[];
}

export interface PaymentStore {
  load(): SavedPayment | null;
  /**
   * `durable` when a card or QR leg was taken or given back (money moved at the host or
   * terminal): that must survive a power cut; a cash leg is work without an fsync of its own.
   */
  save(saved: SavedPayment | null, durable: boolean): void;
}
