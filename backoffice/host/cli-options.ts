import { parseArgs } from 'node:util';
import { parseTrigger } from './faults';
import type { Faults } from './faults';

export interface CliOptions {
  port: number;
  dbFile: string;
  faults: Partial<Faults>;
}

export const CLI_USAGE = `npm run host -- [options]
  --port N                  listen on 127.0.0.1:N (default 8787)
  --db FILE                 the host's database (default ./.data/upstream-host.sqlite)
  --drop-after-store T      store, then drop the connection without answering
  --fail500 T               answer 500
  --fail503 T               answer 503 with Retry-After
  --fail429 T               answer 429 with Retry-After
  --retry-after S           seconds for 503 and 429 (default 5)
  --delay-ms N              wait before each answer
  --duplicate-delivery      handle each request twice
  --clock-skew-s N          offset the host's clock
T is a count ("3": the next 3 requests) or a probability ("0.2": one in five).`;

/** Reads `npm run host` flags; throws on anything it does not know. */
export function parseCliOptions(args: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      port: { type: 'string', default: '8787' },
      db: { type: 'string', default: './.data/upstream-host.sqlite' },
      'drop-after-store': { type: 'string' },
      fail500: { type: 'string' },
      fail503: { type: 'string' },
      fail429: { type: 'string' },
      'retry-after': { type: 'string', default: '5' },
      'delay-ms': { type: 'string', default: '0' },
      'duplicate-delivery': { type: 'boolean', default: false },
      'clock-skew-s': { type: 'string', default: '0' },
    },
  });
  const retryAfterS = integer(values['retry-after'], 'retry-after');
  const trigger = (text: string | undefined) => (text === undefined ? null : parseTrigger(text));
  const busy = (text: string | undefined) => {
    const t = trigger(text);
    return t === null ? null : { ...t, retryAfterS };
  };
  return {
    port: integer(values.port, 'port'),
    dbFile: values.db,
    faults: {
      dropAfterStore: trigger(values['drop-after-store']),
      fail500: trigger(values.fail500),
      fail503: busy(values.fail503),
      fail429: busy(values.fail429),
      delayMs: integer(values['delay-ms'], 'delay-ms'),
      duplicateDelivery: values['duplicate-delivery'],
      clockSkewS: integer(values['clock-skew-s'], 'clock-skew-s', true),
    },
  };
}

function integer(text: string, name: string, signed = false): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || (!signed && value < 0)) {
    throw new Error(`--${name} needs ${signed ? 'an integer' : 'a whole number'}: ${text}`);
  }
  return value;
}
