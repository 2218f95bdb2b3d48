import { promises as fs } from 'node:fs';
import { SerialPort } from 'serialport';
import { PoleDisplayDecoder } from '../display/pole-display-decoder';
import type { PoleDisplayState } from '../display/pole-display-decoder';
import type { PoleScreen } from '../display/pole-screens';
import { startSocatPtyPair } from './socat-pty-pair';
import { commandLineValue, isStartedDirectly } from './command-line';

/** A 2×20 pole display on one end of a socat pty pair, showing what the bytes would. */
export interface PoleDisplaySim {
  /** The path Countertop opens, like /dev/ttyUSB1 of a real display. */
  readonly displayPath: string;
  screen(): PoleScreen;
  state(): PoleDisplayState;
  /** Resolves once the screen shows exactly `expected`; rejects with what it shows instead. */
  waitForScreen(expected: PoleScreen, timeoutMs?: number): Promise<void>;
  /** Called after every chunk of bytes with the screen it left. */
  onChange(listener: (screen: PoleScreen) => void): () => void;
  /** Pulls the cable: socat goes away and the writer's port fails. */
  unplug(): Promise<void>;
  close(): Promise<void>;
}

export async function startPoleDisplaySim(options: { link: string }): Promise<PoleDisplaySim> {
  const simPath = `${options.link}.sim`;
  const pair = await startSocatPtyPair(options.link, simPath);
  const decoder = new PoleDisplayDecoder();
  const listeners = new Set<(screen: PoleScreen) => void>();
  const port = new SerialPort({ path: simPath, baudRate: 9600, autoOpen: false });
  await new Promise<void>((done, reject) => port.open((error) => (error ? reject(error) : done())));
  port.on('data', (chunk: Buffer) => {
    decoder.push(chunk);
    const screen = decoder.screen;
    for (const listener of listeners) listener(screen);
  });
  // After an unplug the port fails; the simulator has nothing more to show.
  port.on('error', () => undefined);

  const onChange = (listener: (screen: PoleScreen) => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const unplug = async (): Promise<void> => {
    if (port.isOpen) await new Promise<void>((done) => port.close(() => done()));
    await pair.kill();
  };

  return {
    displayPath: options.link,
    screen: () => decoder.screen,
    state: () => decoder.state,
    onChange,
    waitForScreen: (expected, timeoutMs = 2000) =>
      new Promise((done, reject) => {
        const matches = (screen: PoleScreen): boolean =>
          screen[0] === expected[0] && screen[1] === expected[1];
        if (matches(decoder.screen)) {
          done();
          return;
        }
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`display shows\n${formatPoleScreen(decoder.screen)}`));
        }, timeoutMs);
        const stop = onChange((screen) => {
          if (!matches(screen)) return;
          clearTimeout(timer);
          stop();
          done();
        });
      }),
    unplug,
    close: async () => {
      await unplug();
      for (const path of [options.link, simPath]) await fs.rm(path, { force: true });
    },
  };
}

/** The screen in a frame, as the CLI prints it. */
export function formatPoleScreen(screen: PoleScreen): string {
  const rule = `+${'-'.repeat(screen[0].length)}+`;
  return [rule, `|${screen[0]}|`, `|${screen[1]}|`, rule].join('\n');
}

// `npx tsx --tsconfig tsconfig.native.json native/sim/pole-display-sim.ts --pty /tmp/ct-display`:
// a 2×20 customer display at /tmp/ct-display (9600 baud, Epson mode). It prints the screen
// whenever bytes arrive. The guard keeps this inert when imported (tests) or bundled.
if (isStartedDirectly(import.meta.url)) void runFromCommandLine();

async function runFromCommandLine(): Promise<void> {
  const link = commandLineValue('--pty') ?? '/tmp/ct-display';
  const sim = await startPoleDisplaySim({ link });
  console.log(`Simulated pole display at ${sim.displayPath} (9600 baud, Epson ESC/POS mode)`);
  console.log(formatPoleScreen(sim.screen()));
  sim.onChange((screen) => console.log(formatPoleScreen(screen)));
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
