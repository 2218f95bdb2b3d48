import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { SerialPort } from 'serialport';
import { controlField, is, isAck } from '../zvt/apdu';
import type { Apdu } from '../zvt/apdu';
import { ACK_APDU, decodeCommand, nackApdu } from '../zvt/ecr-commands';
import type { DecodedCommand } from '../zvt/ecr-commands';
import type { ZvtLink } from '../zvt/link';
import {
  encodeAbort,
  encodeCompletion,
  encodeIntermediateStatus,
  encodePrintLine,
  encodePrintTextBlock,
  encodeStatusInformation,
} from '../zvt/pt-messages';
import type { StatusInformation } from '../zvt/pt-messages';
import { linkFromSerialPort } from '../zvt/serial-link';
import { linkFromSocket } from '../zvt/tcp-link';
import { commandLineValue, isStartedDirectly } from './command-line';
import { startSocatPtyPair } from './socat-pty-pair';

/**
 * How the simulated terminal answers payments (06 01) and refunds (06 31):
 * approve; decline (host says 05 "do not honour"); timeout (acknowledges, then silence);
 * paper-out (approved, then 04 0F with result CC "printer not ready"); card-removed (the
 * card leaves mid-flow: abort 06 1E with 66 "processing error, card reader").
 */
export const behaviours = ['approve', 'decline', 'timeout', 'paper-out', 'card-removed'] as const;
export type ZvtSimBehaviour = (typeof behaviours)[number];

export interface ZvtTerminalSimOptions {
  /** 0 = ephemeral; default 20007. */
  readonly port?: number;
  readonly host?: string;
  /** Also answer on this serial device (one end of a socat pty pair). */
  readonly serialPath?: string;
  readonly behaviour?: ZvtSimBehaviour;
  /** Pause between the terminal's messages, so a person (or a test) can abort. */
  readonly stepDelayMs?: number;
  /** Serial ACK wait; tests shorten it. */
  readonly serialAckTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface ZvtTerminalSim {
  readonly port: number;
  setBehaviour(behaviour: ZvtSimBehaviour): void;
  /** Commands received, in order, for tests to check what the driver sent. */
  commands(): DecodedCommand[];
  close(): Promise<void>;
}

const TERMINAL_ID = '52001233';
/** A public Visa test card number: the driver must mask it before it goes anywhere. */
const TEST_PAN = '4761739001010010';

interface Shared {
  behaviour: ZvtSimBehaviour;
  receiptNo: number;
  trace: number;
  /** receipt number → amount, for reversals. */
  readonly approved: Map<number, number>;
  readonly commands: DecodedCommand[];
}

export async function startZvtTerminalSim(
  options: ZvtTerminalSimOptions = {},
): Promise<ZvtTerminalSim> {
  const shared: Shared = {
    behaviour: options.behaviour ?? 'approve',
    receiptNo: 0,
    trace: 0,
    approved: new Map(),
    commands: [],
  };
  const links = new Set<ZvtLink>();
  const sockets = new Set<Socket>();
  const serve = (link: ZvtLink) => {
    links.add(link);
    link.onClose(() => links.delete(link));
    serveTerminal(link, shared, options);
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(linkFromSocket(socket, `ECR ${socket.remoteAddress ?? ''}`));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 20007, options.host ?? '127.0.0.1', () => resolveListen());
  });
  let serial: SerialPort | null = null;
  if (options.serialPath) {
    const port = new SerialPort({
      path: options.serialPath,
      baudRate: 9600,
      dataBits: 8,
      stopBits: 2,
      parity: 'none',
      autoOpen: false,
    });
    await new Promise<void>((resolveOpen, reject) =>
      port.open((error) => (error ? reject(error) : resolveOpen())),
    );
    serial = port;
    const ackTimeoutMs = options.serialAckTimeoutMs;
    serve(
      linkFromSerialPort(port, `ECR ${options.serialPath}`, ackTimeoutMs ? { ackTimeoutMs } : {}),
    );
  }
  return {
    port: (server.address() as AddressInfo).port,
    setBehaviour: (behaviour) => {
      shared.behaviour = behaviour;
    },
    commands: () => [...shared.commands],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([...links].map((link) => link.close()));
      const port = serial;
      if (port?.isOpen) await new Promise<void>((done) => port.close(() => done()));
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** One register connected to the terminal: the PT's side of PA00P015 §2. */
function serveTerminal(link: ZvtLink, shared: Shared, options: ZvtTerminalSimOptions): void {
  const log = options.log ?? (() => undefined);
  const delayMs = options.stepDelayMs ?? 20;
  let busy = false;
  let flowId = 0;
  let aborted = false;
  let waitingForAck: (() => void) | null = null;

  const send = (message: Apdu) => {
    log(`PT → ECR ${controlField(message)}`);
    return link.send(message);
  };
  /** Sends a message and waits for the register's 80 00 (5 s, as a terminal would). */
  const tell = async (message: Apdu): Promise<void> => {
    // The register may send its next command right behind its 80 00 to our last message.
    const last = is(message, 0x06, 0x0f) || is(message, 0x06, 0x1e);
    // Listen first: over serial the 80 00 can arrive in the same chunk as the frame's ACK.
    const acknowledged = new Promise<void>((resolveAck, reject) => {
      const timer = setTimeout(() => reject(new Error('ECR did not acknowledge')), 5000);
      waitingForAck = () => {
        clearTimeout(timer);
        if (last) busy = false;
        resolveAck();
      };
    });
    acknowledged.catch(() => undefined);
    await send(message);
    await acknowledged;
  };
  const pause = () => new Promise<void>((done) => setTimeout(done, delayMs));
  const abortedByEcr = async (): Promise<boolean> => {
    await pause();
    if (!aborted) return false;
    await tell(encodeAbort(0x6c));
    return true;
  };

  link.onApdu((message) => {
    if (isAck(message)) {
      const waiter = waitingForAck;
      waitingForAck = null;
      waiter?.();
      return;
    }
    const command = decodeCommand(message);
    shared.commands.push(command);
    log(`ECR → PT ${controlField(message)} ${command.kind}`);
    if (command.kind === 'abort') {
      aborted = busy;
      void send(ACK_APDU).catch(() => undefined);
      return;
    }
    if (busy) {
      void send(nackApdu(0x9c)).catch(() => undefined); // "please wait": one command at a time
      return;
    }
    busy = true;
    aborted = false;
    // A later flow may already run when this one settles (see tell): only clear our own.
    const id = ++flowId;
    run(command)
      .catch((error: unknown) =>
        log(`flow ended: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        if (flowId === id) busy = false;
      });
  });

  const receipt = (title: string, info: StatusInformation) => [
    title,
    `TID ${TERMINAL_ID}   BNr ${String(info.receiptNo ?? 0).padStart(4, '0')}`,
    `${info.cardName ?? ''} ${info.maskedPan ?? '************0010'}`,
    `EUR ${((info.amountMinor ?? 0) / 100).toFixed(2)}`,
  ];

  async function payment(title: string, amountMinor: number, currency: number): Promise<void> {
    const behaviour = shared.behaviour;
    await send(ACK_APDU);
    if (behaviour === 'timeout') return; // acknowledged, then never heard from again
    await tell(encodeIntermediateStatus(0x0a, 30)); // insert card
    if (await abortedByEcr()) return;
    if (behaviour === 'card-removed') {
      await tell(encodeIntermediateStatus(0x0b)); // please remove card
      await tell(encodeAbort(0x66));
      return;
    }
    await tell(encodeIntermediateStatus(0x0e)); // please wait
    if (await abortedByEcr()) return;
    await tell(encodeIntermediateStatus(0x04)); // waiting for the host
    if (await abortedByEcr()) return;
    const now = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    const base: StatusInformation & { pan: string } = {
      amountMinor,
      currency,
      time: `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`,
      date: `${two(now.getMonth() + 1)}${two(now.getDate())}`,
      pan: TEST_PAN,
      terminalId: TERMINAL_ID,
      trace: String(++shared.trace).padStart(6, '0'),
      cardName: 'VISA',
      cardType: 0x0a,
      expiry: '2812',
    };
    if (behaviour === 'decline') {
      await tell(encodeStatusInformation({ ...base, resultCode: 0x05 }));
      await tell(encodeAbort(0x05));
      return;
    }
    const receiptNo = ++shared.receiptNo;
    const approved = {
      ...base,
      resultCode: 0x00,
      receiptNo,
      vuNumber: '455600000599',
      aid: '889150',
    };
    await tell(encodeStatusInformation(approved));
    shared.approved.set(receiptNo, amountMinor);
    if (behaviour === 'paper-out') {
      await tell(encodeStatusInformation({ resultCode: 0xcc, terminalId: TERMINAL_ID }));
    } else {
      const lines = receipt(title, { ...approved, maskedPan: '************0010' });
      await tell(encodePrintTextBlock('merchant', ['MERCHANT COPY', ...lines]));
      await tell(encodePrintTextBlock('customer', ['CUSTOMER COPY', ...lines]));
    }
    await tell(encodeCompletion({ terminalId: TERMINAL_ID }));
  }

  async function run(command: DecodedCommand): Promise<void> {
    switch (command.kind) {
      case 'registration':
        await send(ACK_APDU);
        await pause();
        await tell(
          encodeCompletion({
            statusByte: 0x00,
            terminalId: TERMINAL_ID,
            currency: command.currency,
          }),
        );
        return;
      case 'authorization':
        return payment('PAYMENT', command.amountMinor, command.currency);
      case 'refund':
        return payment('REFUND', command.amountMinor, command.currency);
      case 'reversal': {
        await send(ACK_APDU);
        if (shared.behaviour === 'timeout') return;
        await tell(encodeIntermediateStatus(0x0e));
        const amountMinor = shared.approved.get(command.receiptNo);
        if (amountMinor === undefined) {
          await tell(encodeStatusInformation({ resultCode: 0xb5, terminalId: TERMINAL_ID }));
          await tell(encodeAbort(0xb5));
          return;
        }
        shared.approved.delete(command.receiptNo);
        const info = {
          resultCode: 0,
          amountMinor,
          receiptNo: command.receiptNo,
          terminalId: TERMINAL_ID,
        };
        await tell(encodeStatusInformation(info));
        await tell(encodePrintLine('REVERSAL'));
        await tell(encodePrintLine(`BNr ${String(command.receiptNo).padStart(4, '0')}`));
        await tell(encodeCompletion({ terminalId: TERMINAL_ID }));
        return;
      }
      case 'end-of-day': {
        await send(ACK_APDU);
        if (shared.behaviour === 'timeout') return;
        await tell(encodeIntermediateStatus(0x0e));
        const total = [...shared.approved.values()].reduce((sum, amount) => sum + amount, 0);
        const count = shared.approved.size;
        // BMP 60 here: count (2 bytes BCD) and total (6 bytes BCD); real layouts are per card network.
        const totals = String(count).padStart(4, '0') + String(total).padStart(12, '0');
        await tell(
          encodeStatusInformation({
            resultCode: 0,
            amountMinor: total,
            terminalId: TERMINAL_ID,
            totals,
          }),
        );
        await tell(encodePrintTextBlock('merchant', ['END OF DAY', `${String(count)} payments`]));
        shared.approved.clear();
        await tell(encodeCompletion({ terminalId: TERMINAL_ID }));
        return;
      }
      case 'status-enquiry':
        await send(ACK_APDU);
        await tell(
          encodeCompletion({
            softwareVersion: 'CT-SIM 1.0',
            terminalStatus: 0x00,
            terminalId: TERMINAL_ID,
          }),
        );
        return;
      case 'diagnosis':
        await send(ACK_APDU);
        if (shared.behaviour === 'timeout') return;
        await tell(encodeIntermediateStatus(0x0e));
        if (shared.behaviour === 'decline') {
          // The line to the host is down: the terminal says so and aborts.
          await tell(encodePrintTextBlock('merchant', ['DIAGNOSIS', 'HOST NOT REACHABLE']));
          await tell(encodeAbort(0xa3)); // no connection to the bank
          return;
        }
        await tell(encodeStatusInformation({ resultCode: 0, terminalId: TERMINAL_ID }));
        await tell(
          encodePrintTextBlock('merchant', ['DIAGNOSIS', `TID ${TERMINAL_ID}`, 'HOST OK']),
        );
        await tell(encodeCompletion({ terminalId: TERMINAL_ID }));
        return;
      case 'log-off':
        await send(ACK_APDU);
        return;
      case 'abort':
      case 'unknown':
        await send(nackApdu(0x83)); // function not possible
        return;
    }
  }
}

// `npx tsx --tsconfig tsconfig.native.json native/sim/zvt-terminal-sim.ts --port 20007
//   [--pty /tmp/ct-zvt] [--behaviour approve]`: a payment terminal on this machine. Point
// Countertop's terminal settings at 127.0.0.1:20007, or at the serial device /tmp/ct-zvt.
if (isStartedDirectly(import.meta.url)) void runFromCommandLine();

async function runFromCommandLine(): Promise<void> {
  const behaviour = commandLineValue('--behaviour') ?? 'approve';
  if (!behaviours.includes(behaviour as ZvtSimBehaviour)) {
    console.error(`--behaviour must be one of: ${behaviours.join(', ')}`);
    process.exit(2);
  }
  const pty = commandLineValue('--pty');
  const pair = pty ? await startSocatPtyPair(pty, `${pty}-terminal`) : null;
  const sim = await startZvtTerminalSim({
    port: Number(commandLineValue('--port') ?? 20007),
    serialPath: pty ? `${pty}-terminal` : undefined,
    behaviour: behaviour as ZvtSimBehaviour,
    stepDelayMs: 500,
    log: (line) => console.log(line),
  });
  console.log(`Simulated ZVT terminal (${behaviour}) on 127.0.0.1:${String(sim.port)}`);
  if (pty) console.log(`…and on serial ${pty} (9600 8N2)`);
  // socat must not outlive the simulator, however it is stopped.
  const stop = () => {
    void sim
      .close()
      .then(() => pair?.kill())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
