/**
 * The cash register's side of ZVT: one method per command, each resolving to a typed result
 * (results.ts) and reporting progress through onEvent. One command at a time per terminal;
 * the cashier's abort is the exception, sent while a payment runs.
 */
import { encodeCommand, CURRENCY_EUR, DEFAULT_CONFIG_BYTE } from './ecr-commands';
import type { EcrCommand } from './ecr-commands';
import { runFlow } from './flow';
import type { FlowOutcome, FlowTimeouts } from './flow';
import type { ZvtLink } from './link';
import { parseCompletion } from './pt-messages';
import type {
  RegistrationDone,
  TerminalStatus,
  TransactionDone,
  ZvtEvent,
  ZvtFailure,
  ZvtResult,
} from './results';
import { resultCode } from './texts';
import type { ZvtCharset } from './text-codec';

export interface ZvtClientOptions {
  /** Terminal password, six digits (most terminals ship with 000000). */
  readonly password?: string;
  /** ISO 4217 numeric: 978 EUR, 156 CNY. */
  readonly currency?: number;
  readonly configByte?: number;
  readonly ackTimeoutMs?: number;
  readonly answerTimeoutMs?: number;
  /** The terminal's text encoding: CP437 by the spec, ISO-8859-1 on some terminals. */
  readonly charset?: ZvtCharset;
}

export interface CallOptions {
  readonly onEvent?: (event: ZvtEvent) => void;
}

/** Result code a terminal reports when its printer cannot print (0xCC "printer not ready"). */
const PRINTER_NOT_READY = 0xcc;
const ABORTED = 0x6c;

export interface ZvtClient {
  register(options?: CallOptions): Promise<ZvtResult<RegistrationDone>>;
  authorize(amountMinor: number, options?: CallOptions): Promise<ZvtResult<TransactionDone>>;
  reverse(receiptNo: number, options?: CallOptions): Promise<ZvtResult<TransactionDone>>;
  refund(amountMinor: number, options?: CallOptions): Promise<ZvtResult<TransactionDone>>;
  endOfDay(options?: CallOptions): Promise<ZvtResult<TransactionDone>>;
  statusEnquiry(options?: CallOptions): Promise<ZvtResult<TerminalStatus>>;
  /** Diagnosis (06 70): the terminal checks its line to the host; its printout says how. */
  diagnose(options?: CallOptions): Promise<ZvtResult<TransactionDone>>;
  logOff(): Promise<ZvtResult<null>>;
  /** Asks the terminal to abort the running command (06 B0); its result says if it did. */
  abort(): Promise<void>;
  readonly busy: boolean;
}

export function createZvtClient(link: ZvtLink, options: ZvtClientOptions = {}): ZvtClient {
  const password = options.password ?? '000000';
  const currency = options.currency ?? CURRENCY_EUR;
  const charset = options.charset ?? 'cp437';
  const timeouts: FlowTimeouts = {
    ackTimeoutMs: options.ackTimeoutMs ?? 5000,
    answerTimeoutMs: options.answerTimeoutMs ?? 120_000,
  };
  const state = { running: false, abortRequested: false };
  // Read through a call: TypeScript would otherwise keep its narrowing across the await.
  const abortRequested = () => state.abortRequested;

  async function flow<T>(
    command: EcrCommand,
    call: CallOptions,
    interpret: (
      outcome: FlowOutcome & { end: { kind: 'completion' | 'acknowledged' } },
    ) => ZvtResult<T>,
  ): Promise<ZvtResult<T>> {
    const record = { statusInformation: [], receipts: [] };
    if (state.running) {
      return { ok: false, error: failure('busy'), ...record };
    }
    if (!amountOk(command)) {
      return {
        ok: false,
        error: {
          code: 'protocol',
          message: { en: 'Amount must be whole minor units', zh: '金额必须为整数（分）' },
        },
        ...record,
      };
    }
    state.running = true;
    state.abortRequested = false;
    try {
      const outcome = await runFlow(link, encodeCommand(command), {
        ...timeouts,
        endsAtAck: command.kind === 'log-off',
        onEvent: call.onEvent,
        charset,
      });
      const base = {
        statusInformation: outcome.statusInformation,
        receipts: outcome.receipts,
      };
      switch (outcome.end.kind) {
        case 'failed':
          return { ok: false, error: outcome.end.error, ...base };
        case 'abort': {
          const code = outcome.end.resultCode;
          if (abortRequested() && code === ABORTED) {
            return {
              ok: false,
              error: { code: 'cancelled', message: { en: 'Payment cancelled', zh: '付款已取消' } },
              ...base,
            };
          }
          return { ok: false, error: declined(code), ...base };
        }
        default:
          return interpret({ ...outcome, end: outcome.end });
      }
    } catch (error) {
      // runFlow does not throw; this guards the promise contract against a bug.
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: { code: 'protocol', message: { en: message, zh: `驱动内部错误：${message}` } },
        ...record,
      };
    } finally {
      state.running = false;
    }
  }

  /** A transaction ends well only if its last verdict (04 0F result code) was approval. */
  const transaction = (outcome: FlowOutcome): ZvtResult<TransactionDone> => {
    const base = { statusInformation: outcome.statusInformation, receipts: outcome.receipts };
    const infos = outcome.statusInformation;
    const approvedAt = infos.findIndex((info) => info.resultCode === 0x00);
    const verdict = infos.findLast((info) => info.resultCode !== undefined);
    const printerFailedLater =
      approvedAt >= 0 &&
      infos.slice(approvedAt + 1).some((i) => i.resultCode === PRINTER_NOT_READY);
    const approved = approvedAt >= 0 ? infos[approvedAt] : undefined;
    if (approved && (verdict?.resultCode === 0 || printerFailedLater)) {
      return { ok: true, value: { info: approved, terminalPrinted: !printerFailedLater }, ...base };
    }
    if (verdict?.resultCode !== undefined && verdict.resultCode !== 0) {
      return { ok: false, error: declined(verdict.resultCode), ...base };
    }
    // A completion without any status information: the terminal did it and said nothing more.
    return { ok: true, value: { info: infos.at(-1) ?? {}, terminalPrinted: true }, ...base };
  };

  return {
    get busy() {
      return state.running;
    },
    register: (call = {}) =>
      flow(
        {
          kind: 'registration',
          password,
          configByte: options.configByte ?? DEFAULT_CONFIG_BYTE,
          currency,
        },
        call,
        (outcome) => {
          const completion =
            outcome.end.kind === 'completion' ? parseCompletion(outcome.end.data, charset) : {};
          return {
            ok: true,
            value: {
              terminalId: completion.terminalId,
              currency: completion.currency,
              statusByte: completion.statusByte,
            },
            statusInformation: outcome.statusInformation,
            receipts: outcome.receipts,
          };
        },
      ),
    authorize: (amountMinor, call = {}) =>
      flow({ kind: 'authorization', amountMinor, currency }, call, transaction),
    reverse: (receiptNo, call = {}) =>
      flow({ kind: 'reversal', password, receiptNo }, call, transaction),
    refund: (amountMinor, call = {}) =>
      flow({ kind: 'refund', password, amountMinor, currency }, call, transaction),
    endOfDay: (call = {}) => flow({ kind: 'end-of-day', password }, call, transaction),
    diagnose: (call = {}) => flow({ kind: 'diagnosis' }, call, transaction),
    statusEnquiry: (call = {}) =>
      flow({ kind: 'status-enquiry', password }, call, (outcome) => {
        const completion =
          outcome.end.kind === 'completion' ? parseCompletion(outcome.end.data, charset) : {};
        const info = outcome.statusInformation.at(-1);
        return {
          ok: true,
          value: {
            softwareVersion: completion.softwareVersion,
            terminalStatus: completion.terminalStatus,
            terminalId: completion.terminalId ?? info?.terminalId,
            info,
          },
          statusInformation: outcome.statusInformation,
          receipts: outcome.receipts,
        };
      }),
    logOff: () =>
      flow({ kind: 'log-off' }, {}, (outcome) => ({
        ok: true,
        value: null,
        statusInformation: outcome.statusInformation,
        receipts: outcome.receipts,
      })),
    abort: async () => {
      if (!state.running) return;
      state.abortRequested = true;
      await link.send(encodeCommand({ kind: 'abort' })).catch(() => undefined);
    },
  };
}

function declined(code: number): ZvtFailure {
  const known = resultCode(code);
  return { code: 'declined', reason: known.reason, resultCode: code, message: known.text };
}

function failure(code: 'busy'): ZvtFailure {
  return {
    code,
    message: { en: 'The terminal is busy with another command', zh: '终端正在处理其他指令' },
  };
}

function amountOk(command: EcrCommand): boolean {
  if (!('amountMinor' in command)) return true;
  const amount = command.amountMinor;
  return Number.isSafeInteger(amount) && amount > 0 && amount <= 999_999_999_999;
}
