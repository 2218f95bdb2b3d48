/** What a ZVT command hands back to the caller: values, never thrown errors. */
import type { ReceiptKind, StatusInformation } from './pt-messages';
import type { Bilingual, DeclineReason, IntermediateKind } from './texts';

export interface Receipt {
  readonly kind: ReceiptKind;
  readonly lines: readonly string[];
}

export type ZvtEvent =
  | {
      readonly kind: 'intermediate-status';
      readonly code: number;
      readonly status: IntermediateKind;
      readonly text: Bilingual;
      /** The terminal's own display lines, when it sends them. */
      readonly lines: readonly string[];
    }
  | { readonly kind: 'status-information'; readonly info: StatusInformation }
  | { readonly kind: 'receipt'; readonly receipt: Receipt };

export type ZvtFailure =
  /** The card, the bank or the terminal said no; nothing was charged. */
  | {
      readonly code: 'declined';
      readonly reason: DeclineReason;
      readonly resultCode: number;
      readonly message: Bilingual;
    }
  /** The cashier's abort (06 B0) was honoured; nothing was charged. */
  | { readonly code: 'cancelled'; readonly message: Bilingual }
  /**
   * The terminal went silent. A payment may or may not have gone through: the caller
   * reverses it (or asks the terminal) before trying again.
   */
  | {
      readonly code: 'timeout';
      readonly phase: 'acknowledgement' | 'answer';
      readonly message: Bilingual;
    }
  /** The connection dropped; same uncertainty as a timeout once the command was sent. */
  | { readonly code: 'disconnected'; readonly sent: boolean; readonly message: Bilingual }
  /** The terminal refused the command itself (84 xx), e.g. not registered. */
  | { readonly code: 'refused'; readonly resultCode: number; readonly message: Bilingual }
  /** Another command is still running on this terminal. */
  | { readonly code: 'busy'; readonly message: Bilingual }
  /** The terminal sent something this driver cannot read. */
  | { readonly code: 'protocol'; readonly message: Bilingual };

export interface FlowRecord {
  /** Every 04 0F in order; the last one describes the outcome. */
  readonly statusInformation: readonly StatusInformation[];
  readonly receipts: readonly Receipt[];
}

export type ZvtResult<T> =
  | ({ readonly ok: true; readonly value: T } & FlowRecord)
  | ({ readonly ok: false; readonly error: ZvtFailure } & FlowRecord);

export interface TransactionDone {
  /** The status information that approved it (receipt number, trace, masked PAN…). */
  readonly info: StatusInformation;
  /** False when the terminal said its own printer failed after approving (e.g. paper out). */
  readonly terminalPrinted: boolean;
}

export interface RegistrationDone {
  readonly terminalId?: string;
  readonly currency?: number;
  readonly statusByte?: number;
}

export interface TerminalStatus {
  readonly softwareVersion?: string;
  readonly terminalStatus?: number;
  readonly terminalId?: string;
  readonly info?: StatusInformation;
}
