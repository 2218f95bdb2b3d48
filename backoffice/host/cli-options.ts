import { parseArgs } from 'node:util';
import { checkTimeZone, hostTimeZone } from './business-day';
import { parseTrigger } from './faults';
import type { Faults } from './faults';

export interface CliOptions {
  port: number;
  /** A PostgreSQL URL, or the embedded SQLite file. */
  database: string;
  /** PostgreSQL connections. */
  poolSize: number;
  /** IANA time zone of new merchants' default shops. */
  timeZone: string;
  faults: Partial<Faults>;
}

export const DEFAULT_DATABASE = './.data/backoffice.sqlite';

export const CLI_USAGE = `npm run host -- [options]
  --port N                  listen on 127.0.0.1:N (default 8787)
  --database URL|FILE       postgres://user@host/db for PostgreSQL, or a SQLite file
                            (default ${DEFAULT_DATABASE}); --db is the same
  --pool-size N             PostgreSQL connections (default 10)
  --time-zone ZONE          IANA time zone of a new merchant's shop (default this machine's)
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
      database: { type: 'string' },
      db: { type: 'string' },
      'pool-size': { type: 'string', default: '10' },
      'time-zone': { type: 'string' },
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
  if (values.database !== undefined && values.db !== undefined) {
    throw new Error('--db is another name for --database: give one of them');
  }
  const retryAfterS = integer(values['retry-after'], 'retry-after');
  const trigger = (text: string | undefined) => (text === undefined ? null : parseTrigger(text));
  const busy = (text: string | undefined) => {
    const t = trigger(text);
    return t === null ? null : { ...t, retryAfterS };
  };
  const poolSize = integer(values['pool-size'], 'pool-size');
  if (poolSize < 1) throw new Error('--pool-size needs at least 1 connection');
  return {
    port: integer(values.port, 'port'),
    database: values.database ?? values.db ?? DEFAULT_DATABASE,
    poolSize,
    timeZone: checkTimeZone(values['time-zone'] ?? hostTimeZone()),
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
