import { createInterface } from 'node:readline';
import { SerialPort } from 'serialport';
import type { DecodedPage } from '../printer/decoded-printout';
import { createEscPosStreamDecoder } from '../printer/escpos-decoder';
import { formatPage } from './format-page';
import {
  applySimCommand,
  describeKick,
  PrinterSimState,
  SIM_COMMANDS_HELP,
  takeBytes,
} from './printer-sim-state';
import type { PrinterSimStateOptions } from './printer-sim-state';
import { startSocatPtyPair } from './socat-pty-pair';
import { commandLineValue, isStartedDirectly } from './command-line';

export interface SerialPrinterSim {
  state: PrinterSimState;
  pages(): DecodedPage[];
  onPage(listener: (page: DecodedPage) => void): () => void;
  /** Bytes the printer sends by itself, e.g. an automatic status back (GS a) report. */
  sendUnsolicited(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * A serial receipt printer on one end of a pty pair. A pty moves bytes at memory speed
 * whatever the baud rate; with `paceAtBaud` the simulator takes them no faster than the
 * wire would (10 bits a byte), so a benchmark of a receipt over it means something.
 */
export async function startSerialPrinterSim(
  options: { path: string; baudRate: number; paceAtBaud?: boolean } & PrinterSimStateOptions,
): Promise<SerialPrinterSim> {
  const state = new PrinterSimState(options);
  const decoder = createEscPosStreamDecoder();
  const pages: DecodedPage[] = [];
  const listeners = new Set<(page: DecodedPage) => void>();
  const port = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false });
  await new Promise<void>((done, fail) => port.open((error) => (error ? fail(error) : done())));
  port.on('error', () => undefined);
  port.on('data', (chunk: Buffer) => {
    const { printed, answers } = takeBytes(state, decoder, chunk);
    if (answers.length > 0) port.write(Buffer.from(answers));
    for (const page of printed) {
      pages.push(page);
      if (pages.length > 100) pages.shift();
      for (const listener of listeners) listener(page);
    }
    if (options.paceAtBaud) {
      port.pause();
      setTimeout(() => port.resume(), (chunk.length * 10 * 1000) / options.baudRate);
    }
  });
  return {
    state,
    pages: () => [...pages],
    onPage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendUnsolicited: (bytes) =>
      new Promise<void>((done, fail) => {
        port.write(Buffer.from(bytes));
        port.drain((error) => (error ? fail(error) : done()));
      }),
    close: () =>
      new Promise<void>((done) => {
        state.dispose();
        if (port.isOpen) port.close(() => done());
        else done();
      }),
  };
}

// `npm run sim:serial-printer -- --pty /tmp/ct-printer [--baud 115200] [--drawer-close-ms 5000]`:
// a serial receipt printer; point the printer settings at the serial device /tmp/ct-printer.
// Lines typed into its terminal change paper, cover and drawer (SIM_COMMANDS_HELP).
if (isStartedDirectly(import.meta.url)) void runFromCommandLine();

async function runFromCommandLine(): Promise<void> {
  const pty = commandLineValue('--pty') ?? '/tmp/ct-printer';
  const baudRate = Number(commandLineValue('--baud') ?? 115_200);
  const pair = await startSocatPtyPair(pty, `${pty}-printer`);
  const drawerCloseMs = Number(commandLineValue('--drawer-close-ms') ?? 5_000);
  const sim = await startSerialPrinterSim({ path: `${pty}-printer`, baudRate, drawerCloseMs });
  console.log(`Simulated serial printer: point Countertop at ${pty} (${String(baudRate)} baud)`);
  console.log(SIM_COMMANDS_HELP);
  sim.onPage((page) => console.log(formatPage(page)));
  sim.state.onDrawerKick((kick) => console.log(describeKick(kick)));
  sim.state.onChange(() => console.log('status', JSON.stringify(sim.state.status())));
  createInterface({ input: process.stdin }).on('line', (line) =>
    console.log(applySimCommand(sim.state, line)),
  );
  process.on('SIGINT', () => {
    void sim
      .close()
      .then(() => pair.kill())
      .then(() => process.exit(0));
  });
}
