/**
 * One ECR-initiated exchange (PA00P015 §2 "ECR → PT commands"): send the command, wait for
 * the terminal's 80 00, then answer every 04 FF, 04 0F, 06 D1 and 06 D3 with 80 00 until it
 * ends the exchange with completion 06 0F or abort 06 1E. Each wait has a deadline; the
 * outcome is a value whatever happens on the wire.
 */
import { controlField, is, isAck, isNack } from './apdu';
import type { Apdu } from './apdu';
import { ACK_APDU } from './ecr-commands';
import { ZvtLinkError } from './link';
import type { ZvtLink } from './link';
import {
  parseAbort,
  parseIntermediateStatus,
  parsePrintLine,
  parsePrintTextBlock,
  parseStatusInformation,
} from './pt-messages';
import type { StatusInformation } from './pt-messages';
import type { ZvtCharset } from './text-codec';
import type { Receipt, ZvtEvent, ZvtFailure } from './results';
import { intermediateStatus, resultCode } from './texts';

export interface FlowTimeouts {
  /** Until the terminal's 80 00 for our command ("T3"-style, 5 s). */
  readonly ackTimeoutMs: number;
  /** Longest silence while the customer and the bank take their time. */
  readonly answerTimeoutMs: number;
}

export type FlowEnd =
  | { readonly kind: 'acknowledged' }
  | { readonly kind: 'completion'; readonly data: Uint8Array }
  | { readonly kind: 'abort'; readonly resultCode: number }
  | { readonly kind: 'failed'; readonly error: ZvtFailure };

export interface FlowOutcome {
  readonly end: FlowEnd;
  readonly statusInformation: readonly StatusInformation[];
  readonly receipts: readonly Receipt[];
}

export interface FlowControl {
  /** Resolves when the flow has ended, however it ended. */
  readonly outcome: Promise<FlowOutcome>;
}

export function runFlow(
  link: ZvtLink,
  command: Apdu,
  options: FlowTimeouts & {
    /** Log-off and abort end at 80 00; everything else ends at 06 0F / 06 1E. */
    readonly endsAtAck: boolean;
    readonly onEvent?: (event: ZvtEvent) => void;
    /** How the terminal's texts are encoded (CP437 unless the terminal is set otherwise). */
    readonly charset?: ZvtCharset;
  },
): Promise<FlowOutcome> {
  const statusInformation: StatusInformation[] = [];
  const receipts: Receipt[] = [];
  const printed: string[] = [];
  let phase: 'sending' | 'acknowledgement' | 'answer' | 'done' = 'sending';

  return new Promise<FlowOutcome>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const emit = (event: ZvtEvent) => {
      try {
        options.onEvent?.(event);
      } catch {
        // A listener's bug must not break the payment flow.
      }
    };
    const finish = (end: FlowEnd) => {
      if (phase === 'done') return;
      phase = 'done';
      clearTimeout(timer);
      offApdu();
      offClose();
      if (printed.length) receipts.push({ kind: 'unknown', lines: [...printed] });
      resolve({ end, statusInformation, receipts });
    };
    const arm = (ms: number, which: 'acknowledgement' | 'answer') => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          finish({
            kind: 'failed',
            error: {
              code: 'timeout',
              phase: which,
              message:
                which === 'acknowledgement'
                  ? { en: 'The terminal did not answer', zh: '终端无响应' }
                  : {
                      en: 'The terminal stopped answering; check the payment before retrying',
                      zh: '终端停止响应，请先核实付款状态再重试',
                    },
            },
          }),
        ms,
      );
    };
    const ack = () => {
      link.send(ACK_APDU).catch(() => undefined); // a dead link ends the flow via onClose
    };

    const onMessage = (message: Apdu) => {
      // Over serial the answer can arrive in the same chunk as the ACK that resolves send().
      if (phase === 'sending') phase = 'acknowledgement';
      if (phase === 'acknowledgement') {
        if (isAck(message)) {
          if (options.endsAtAck) {
            finish({ kind: 'acknowledged' });
            return;
          }
          phase = 'answer';
          arm(options.answerTimeoutMs, 'answer');
          return;
        }
        if (isNack(message)) {
          const code = message.instr;
          finish({
            kind: 'failed',
            error: { code: 'refused', resultCode: code, message: resultCode(code).text },
          });
          return;
        }
        // Some terminals skip the 80 00 and start talking: take that as the acknowledgement.
        phase = 'answer';
      }
      if (phase !== 'answer') return;
      arm(options.answerTimeoutMs, 'answer');
      if (isAck(message)) return; // the 80 00 for an abort request sent meanwhile
      if (is(message, 0x04, 0xff)) {
        ack();
        const status = parseIntermediateStatus(message.data, options.charset);
        const known = intermediateStatus(status.code);
        emit({
          kind: 'intermediate-status',
          code: status.code,
          status: known.kind,
          text: known.text,
          lines: status.lines,
        });
      } else if (is(message, 0x04, 0x0f)) {
        ack();
        const info = parseStatusInformation(message.data, options.charset).value;
        statusInformation.push(info);
        emit({ kind: 'status-information', info });
      } else if (is(message, 0x06, 0xd1)) {
        ack();
        printed.push(parsePrintLine(message.data, options.charset).text);
      } else if (is(message, 0x06, 0xd3)) {
        ack();
        const block = parsePrintTextBlock(message.data, options.charset).value;
        receipts.push(block);
        emit({ kind: 'receipt', receipt: block });
      } else if (is(message, 0x06, 0x0f)) {
        ack();
        finish({ kind: 'completion', data: message.data });
      } else if (is(message, 0x06, 0x1e)) {
        ack();
        finish({ kind: 'abort', resultCode: parseAbort(message.data).resultCode });
      } else {
        finish({
          kind: 'failed',
          error: {
            code: 'protocol',
            message: {
              en: `Unexpected message ${controlField(message)} from the terminal`,
              zh: `终端发送了意外的消息 ${controlField(message)}`,
            },
          },
        });
      }
    };

    const offApdu = link.onApdu(onMessage);
    const offClose = link.onClose(() =>
      finish({
        kind: 'failed',
        error: {
          code: 'disconnected',
          sent: phase !== 'sending',
          message: { en: 'The terminal disconnected', zh: '终端连接已断开' },
        },
      }),
    );

    link.send(command).then(
      () => {
        if (phase !== 'sending') return;
        phase = 'acknowledgement';
        arm(options.ackTimeoutMs, 'acknowledgement');
      },
      (error: unknown) => {
        const noAck = error instanceof ZvtLinkError && error.code === 'no-ack';
        finish({
          kind: 'failed',
          error: noAck
            ? {
                code: 'timeout',
                phase: 'acknowledgement',
                message: { en: 'The terminal did not answer', zh: '终端无响应' },
              }
            : {
                code: 'disconnected',
                sent: false,
                message: { en: 'The terminal is not connected', zh: '终端未连接' },
              },
        });
      },
    );
  });
}
