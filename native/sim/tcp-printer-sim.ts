import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { createInterface } from 'node:readline';
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
import { commandLineValue, isStartedDirectly } from './command-line';

export interface TcpPrinterSim {
  port: number;
  pages(): DecodedPage[];
  /** Paper, cover and drawer: what it answers to DLE EOT and whether it prints. */
  state: PrinterSimState;
  onPage(listener: (page: DecodedPage) => void): () => void;
  close(): Promise<void>;
}

/** Pages kept for pages(); listeners see every one. */
const KEEP_PAGES = 100;

/**
 * A raw TCP (9100) receipt printer on loopback for tests and people without a printer: the
 * bytes of each connection are decoded as a printer would print them, with the same decoder
 * as the in-app simulated printer. A page ends at a cut, or when the sender closes.
 */
export async function startTcpPrinterSim(
  options: { port?: number /* 0 = ephemeral */; host?: '127.0.0.1' } & PrinterSimStateOptions = {},
): Promise<TcpPrinterSim> {
  const pages: DecodedPage[] = [];
  const listeners = new Set<(page: DecodedPage) => void>();
  const sockets = new Set<Socket>();
  const state = new PrinterSimState(options);
  const emit = (page: DecodedPage) => {
    pages.push(page);
    if (pages.length > KEEP_PAGES) pages.shift();
    for (const listener of listeners) listener(page);
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    const decoder = createEscPosStreamDecoder();
    socket.on('data', (chunk) => {
      const { printed, answers } = takeBytes(state, decoder, chunk);
      if (answers.length > 0) socket.write(answers);
      printed.forEach(emit);
    });
    socket.on('close', () => {
      sockets.delete(socket);
      const last = decoder.flush();
      if (last) emit(last);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  return {
    port: (server.address() as AddressInfo).port,
    pages: () => [...pages],
    state,
    onPage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        state.dispose();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolveClose());
      }),
  };
}

// `npm run sim:printer -- [--port 9100] [--drawer-close-ms 5000]`: a network receipt printer
// that prints to this terminal. Point Countertop's printer settings at 127.0.0.1 and this
// port. Lines typed into its terminal change paper, cover and drawer (SIM_COMMANDS_HELP).
// The guard keeps this inert when imported (tests) or bundled (no import.meta.url in CJS).
if (isStartedDirectly(import.meta.url)) void runFromCommandLine();

async function runFromCommandLine(): Promise<void> {
  const port = Number(commandLineValue('--port') ?? 9100);
  const drawerCloseMs = Number(commandLineValue('--drawer-close-ms') ?? 5_000);
  const sim = await startTcpPrinterSim({ port, drawerCloseMs });
  console.log(`Simulated TCP printer listening on 127.0.0.1:${String(sim.port)}`);
  console.log(SIM_COMMANDS_HELP);
  sim.onPage((page) => console.log(formatPage(page)));
  sim.state.onDrawerKick((kick) => console.log(describeKick(kick)));
  createInterface({ input: process.stdin }).on('line', (line) =>
    console.log(applySimCommand(sim.state, line)),
  );
}
