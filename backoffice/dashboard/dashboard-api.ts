/**
 * The dashboard's JSON API, shared by the server (backoffice/dashboard) and the web app
 * (backoffice/dashboard/web). Money is integer minor units of `currency`; times are unix ms.
 * Figures are named and signed as the till's X and Z reports name them
 * (app/reports/report-schema.ts), so an owner reads the same numbers in both.
 */
import type { FeeKind } from '@app/fees/fee-schedule';

export interface Figures {
  salesCount: number;
  salesMinor: number;
  refundCount: number;
  /** Positive: money given back. */
  refundMinor: number;
  voidCount: number;
  voidMinor: number;
  reversalCount: number;
  reversalMinor: number;
  /** Sales less refunds, voids and reversals. */
  netMinor: number;
  feeMinor: number;
  nonCashMinor: number;
  /** What the acquirer should pay out: non-cash takings less fees. */
  settlementMinor: number;
}

export interface TenderFigures {
  kind: FeeKind;
  count: number;
  amountMinor: number;
  feeMinor: number;
}

export interface TillFigures extends Figures {
  terminalId: string;
  shopId: string;
}

export interface ShopFigures extends Figures {
  shopId: string;
}

export interface Summary {
  from: string;
  to: string;
  /** Null when nothing was sold in the range (no till has uploaded yet). */
  currency: string | null;
  total: Figures;
  tenders: TenderFigures[];
  shops: ShopFigures[];
  tills: TillFigures[];
}

export interface ShopInfo {
  shopId: string;
  merchantId: string;
  name: string;
  timeZone: string;
}

export interface TillInfo {
  terminalId: string;
  shopId: string;
  deviceName: string;
}

export interface Places {
  shops: ShopInfo[];
  tills: TillInfo[];
}

export type AlarmKind =
  'no_contact' | 'chain_broken' | 'sensitive_data' | 'unbalanced_settlement' | 'not_summed';

export interface Alarm {
  kind: AlarmKind | (string & {});
  /** When it was raised (or, for no_contact, the last contact). */
  at: number | null;
  detail: string;
}

export interface TillStatus extends TillInfo {
  lastContactAt: number | null;
  /** The newest seq the back office holds. */
  heldSeq: number;
  /** When the newest held entry was committed at the till and received here. */
  newestAt: number | null;
  newestReceivedAt: number | null;
  /** How late the newest entry arrived: received − committed. */
  uploadLagMs: number | null;
  alarms: Alarm[];
}

export type BatchState = 'open' | 'closed' | 'balanced' | 'unbalanced';

export interface BatchRow {
  terminalId: string;
  shopId: string;
  batchNo: string;
  firstDay: string;
  lastDay: string;
  netMinor: number;
  feeMinor: number;
  settlementMinor: number;
  state: BatchState;
  settledAt: number | null;
}

export interface Me {
  login: string;
}

/** Every error the API answers: `{ error, … }` with an HTTP status. */
export type ApiErrorCode =
  | 'login_failed'
  | 'login_locked'
  | 'not_signed_in'
  | 'setup_invalid'
  | 'password_too_short'
  | 'bad_request'
  | 'not_found'
  | 'internal_error';

export interface ApiError {
  error: ApiErrorCode;
  message?: string;
  retryAfterS?: number;
}

/** The filter every figures call takes: business days from..to, optionally a shop or a till. */
export interface RangeFilter {
  from: string;
  to: string;
  shopId?: string | undefined;
  terminalId?: string | undefined;
}
