import { EventEmitter } from 'node:events';
import { constants, promises as fs } from 'node:fs';
import { encodeTrack1, encodeTrack2 } from '@app/card/encode-track';
import type { StripeContent } from '@app/card/encode-track';
import { testCards } from '@app/card/test-cards';
import type { TestCardName } from '@app/card/test-cards';
import { seededRandom } from '@app/util/seeded-random';
import type { HidDevice } from '../magstripe/hid-device';
import { magtekFixtures } from '../magstripe/fixtures/magtek-reports';
import type { MagtekFixtureName } from '../magstripe/fixtures/magtek-reports';
import { encodeMagtekReport, MagtekEncodeType } from '../magstripe/magtek-report';
import { commandLineValue, isStartedDirectly } from './command-line';
import { startSocatPtyPair } from './socat-pty-pair';

type Card = TestCardName | StripeContent;
const stripeOf = (card: Card): StripeContent => (typeof card === 'string' ? testCards[card] : card);

/** The reader text of a good swipe: both tracks (or track 2 only), each LRC optional. */
export function swipeText(card: Card, options: { track1?: boolean; lrc?: boolean } = {}): string {
  const stripe = stripeOf(card);
  const track1 = options.track1 === false ? '' : encodeTrack1(stripe, options.lrc ?? false);
  return `${track1}${encodeTrack2(stripe, options.lrc ?? false)}\r`;
}

// ---------------------------------------------------------------------------------------
// (a) A serial reader on one end of a socat pty pair.

export interface SerialMagstripeSim {
  /** The path Countertop opens, like /dev/ttyUSB0 of a real reader. */
  readonly readerPath: string;
  /** A good swipe. */
  swipe(card: Card, options?: { track1?: boolean; lrc?: boolean }): Promise<void>;
  /** Both tracks with LRCs, track 2's LRC wrong. */
  swipeBadLrc(card: Card): Promise<void>;
  /** A good swipe in uneven chunks with pauses, as a slow USB-serial adapter delivers it. */
  swipeJittery(card: Card, seed?: number): Promise<void>;
  /** Track 1 and half of track 2, then nothing: the card was pulled out mid-swipe. */
  swipePartial(card: Card): Promise<void>;
  /** Any bytes, for odd cases. */
  send(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts `socat pty,link=<link> pty,link=<link>.sim`: Countertop opens `link`; the simulator
 * writes swipes into `<link>.sim`, which socat carries across. Resolves once both links exist.
 */
export async function startSerialMagstripeSim(options: {
  link: string;
}): Promise<SerialMagstripeSim> {
  const simPath = `${options.link}.sim`;
  const pair = await startSocatPtyPair(options.link, simPath);
  // O_NOCTTY: the simulator must not become the pty's controlling process.
  const handle = await fs.open(simPath, constants.O_WRONLY | constants.O_NOCTTY);

  const write = async (text: string): Promise<void> => {
    const bytes = Buffer.from(text, 'latin1');
    await handle.write(bytes);
    bytes.fill(0);
  };

  return {
    readerPath: options.link,
    swipe: (card, swipeOptions) => write(swipeText(card, swipeOptions)),
    swipeBadLrc: (card) => {
      const stripe = stripeOf(card);
      const track2 = encodeTrack2(stripe, true);
      const wrong = String.fromCharCode(((track2.charCodeAt(track2.length - 1) - 0x30) ^ 1) + 0x30);
      return write(`${encodeTrack1(stripe, true)}${track2.slice(0, -1)}${wrong}\r`);
    },
    swipeJittery: async (card, seed = 7) => {
      const random = seededRandom(seed);
      let text = swipeText(card);
      while (text !== '') {
        const size = 1 + Math.floor(random() * 12);
        await write(text.slice(0, size));
        text = text.slice(size);
        await delay(Math.floor(random() * 40));
      }
    },
    swipePartial: (card) => {
      const full = swipeText(card);
      return write(full.slice(0, full.indexOf(';') + 8));
    },
    send: write,
    close: async () => {
      await handle.close();
      await pair.kill();
      for (const path of [options.link, simPath]) await fs.rm(path, { force: true });
    },
  };
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------
// (b) A MagTek HID reader at the node-hid boundary.

/**
 * Stands in for node-hid's HID.HID. Every report goes out as a fresh Buffer, as node-hid's
 * do, because the driver zeroes what it is given.
 */
export class FakeHidDevice implements HidDevice {
  private readonly emitter = new EventEmitter();
  closed = false;

  on(event: 'data', listener: (report: Uint8Array) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(
    event: 'data' | 'error',
    listener: ((report: Uint8Array) => void) | ((error: Error) => void),
  ): this {
    this.emitter.on(event, listener);
    return this;
  }

  close(): void {
    this.closed = true;
    this.emitter.removeAllListeners();
  }

  /** Sends one input report; returns the buffer sent, to see what the driver left in it. */
  report(bytes: ArrayLike<number>): Buffer {
    const sent = Buffer.from(Uint8Array.from(bytes));
    if (!this.closed) this.emitter.emit('data', sent);
    return sent;
  }

  /** Sends one of the recorded fixtures. */
  swipeFixture(name: MagtekFixtureName): Buffer {
    return this.report(magtekFixtures[name]);
  }

  /** Sends the report a good swipe of `card` produces. */
  swipeCard(card: Card, options: { track1?: boolean } = {}): void {
    for (const report of magtekReports([card], options)) this.report(report);
  }

  /** What node-hid does when the reader is pulled out. */
  unplug(message = 'could not read from HID device'): void {
    if (!this.closed) this.emitter.emit('error', new Error(message));
  }
}

/** The reports of successive good swipes, each a fresh array. */
export function* magtekReports(
  cards: Iterable<Card>,
  options: { track1?: boolean } = {},
): Generator<Uint8Array> {
  for (const card of cards) {
    const stripe = stripeOf(card);
    const track1 = options.track1 === false ? undefined : encodeTrack1(stripe, false);
    yield encodeMagtekReport({
      tracks: [track1, encodeTrack2(stripe, false), undefined],
      encodeType: MagtekEncodeType.isoAba,
    });
  }
}

// ---------------------------------------------------------------------------------------
// `npx tsx --tsconfig tsconfig.native.json native/sim/magstripe-sim.ts --pty /tmp/ct-msr`:
// a serial card reader at /tmp/ct-msr. Point Countertop's card reader settings at that path,
// then press a key to swipe. The guard keeps this inert when imported (tests) or bundled.
if (isStartedDirectly(import.meta.url)) void runFromCommandLine();

const KEYS: readonly [string, string, (sim: SerialMagstripeSim) => Promise<void>][] = [
  ['\r', 'Visa, both tracks', (sim) => sim.swipe('visa')],
  ['1', 'Visa, both tracks, with LRCs', (sim) => sim.swipe('visa', { lrc: true })],
  ['2', 'UnionPay debit, track 2 only', (sim) => sim.swipe('unionpayDebit', { track1: false })],
  ['3', 'UnionPay debit (second card)', (sim) => sim.swipe('unionpayDebit2')],
  ['4', 'Visa "decline" test card', (sim) => sim.swipe('visaDeclined')],
  ['b', 'bad LRC on track 2', (sim) => sim.swipeBadLrc('visa')],
  ['j', 'jittery swipe (chunks and pauses)', (sim) => sim.swipeJittery('visa', Date.now())],
  ['p', 'partial swipe (card pulled out)', (sim) => sim.swipePartial('visa')],
];

async function runFromCommandLine(): Promise<void> {
  const link = commandLineValue('--pty') ?? '/tmp/ct-msr';
  const sim = await startSerialMagstripeSim({ link });
  console.log(`Simulated serial card reader at ${sim.readerPath} (9600 baud)`);
  for (const [key, label] of KEYS) {
    console.log(`  ${key === '\r' ? 'Enter' : key}  ${label}`);
  }
  console.log('  q  quit');
  const quit = async (): Promise<void> => {
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void quit());
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  process.stdin.on('data', (chunk: Buffer) => {
    for (const char of chunk.toString()) {
      if (char === 'q' || char === '\u0003') {
        void quit();
        return;
      }
      const entry = KEYS.find(([key]) => key === (char === '\n' ? '\r' : char));
      if (entry === undefined) continue;
      console.log(`swipe: ${entry[1]}`);
      void entry[2](sim);
    }
  });
}
