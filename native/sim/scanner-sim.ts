import { constants, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { isScanSuffix, scanSuffixes, suffixBytes } from '../scanner/scan-suffix';
import type { ScanSuffix } from '../scanner/scan-suffix';
import { startSocatPtyPair } from './socat-pty-pair';
import { commandLineValue, isStartedDirectly } from './command-line';

/** A serial barcode scanner on one end of a socat pty pair. */
export interface SerialScannerSim {
  /** The path Countertop opens, like /dev/ttyACM0 of a real scanner. */
  readonly scannerPath: string;
  readonly suffix: ScanSuffix;
  /** One scan: the code's ASCII bytes and the suffix (with 'none', then a pause of gapMs). */
  scan(code: string): Promise<void>;
  /** Any bytes, for noise and odd cases. */
  send(bytes: Uint8Array | string): Promise<void>;
  /** Pulls the cable: socat goes away and the reader's port fails. */
  unplug(): Promise<void>;
  close(): Promise<void>;
}

export interface ScannerSimOptions {
  /** Countertop opens `link`; the simulator writes into `<link>.sim`. */
  link: string;
  suffix?: ScanSuffix;
  /** With suffix 'none', the pause after each code (longer than the reader's idle gap). */
  gapMs?: number;
}

export async function startSerialScannerSim(options: ScannerSimOptions): Promise<SerialScannerSim> {
  const suffix = options.suffix ?? 'cr';
  const gapMs = options.gapMs ?? 150;
  const simPath = `${options.link}.sim`;
  const pair = await startSocatPtyPair(options.link, simPath);
  // O_NOCTTY: the simulator must not become the pty's controlling process.
  const handle = await fs.open(simPath, constants.O_WRONLY | constants.O_NOCTTY);
  let open = true;

  const send = async (bytes: Uint8Array | string): Promise<void> => {
    await handle.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  };
  const unplug = async (): Promise<void> => {
    if (open) {
      open = false;
      await handle.close();
    }
    await pair.kill();
  };

  return {
    scannerPath: options.link,
    suffix,
    send,
    scan: async (code) => {
      await send(Buffer.concat([Buffer.from(code, 'latin1'), suffixBytes(suffix)]));
      if (suffix === 'none') await new Promise((done) => setTimeout(done, gapMs));
    },
    unplug,
    close: async () => {
      await unplug();
      for (const path of [options.link, simPath]) await fs.rm(path, { force: true });
    },
  };
}

// `npx tsx --tsconfig tsconfig.native.json native/sim/scanner-sim.ts --pty /tmp/ct-scanner
//   [--suffix cr|lf|crlf|tab|none]`: a serial scanner at /tmp/ct-scanner. Each line typed on
// stdin is "scanned". The guard keeps this inert when imported (tests) or bundled.
if (isStartedDirectly(import.meta.url)) void runFromCommandLine();

async function runFromCommandLine(): Promise<void> {
  const suffix = commandLineValue('--suffix') ?? 'cr';
  if (!isScanSuffix(suffix)) {
    console.error(`--suffix must be one of: ${scanSuffixes.join(', ')}`);
    process.exit(2);
  }
  const sim = await startSerialScannerSim({
    link: commandLineValue('--pty') ?? '/tmp/ct-scanner',
    suffix,
  });
  console.log(`Simulated serial scanner at ${sim.scannerPath} (9600 baud, suffix ${suffix})`);
  console.log('Type a code and press Enter to scan it (try 6911001000019); Ctrl-D quits.');
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const code = line.trim();
    if (code === '') return;
    void sim.scan(code).then(() => console.log(`scanned ${code}`));
  });
  lines.on('close', stop);
}
