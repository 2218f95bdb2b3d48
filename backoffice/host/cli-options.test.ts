import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options';

describe('npm run host flags', () => {
  it('defaults to port 8787, ./.data/backoffice.sqlite and no faults', () => {
    expect(parseCliOptions([])).toEqual({
      port: 8787,
      database: './.data/backoffice.sqlite',
      poolSize: 10,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      faults: {
        dropAfterStore: null,
        fail500: null,
        fail503: null,
        fail429: null,
        delayMs: 0,
        duplicateDelivery: false,
        clockSkewS: 0,
      },
    });
  });

  it('reads every fault flag', () => {
    const options = parseCliOptions([
      '--port=9000',
      '--db',
      '/tmp/h.sqlite',
      '--drop-after-store',
      '1',
      '--fail503',
      '0.1',
      '--retry-after',
      '3',
      '--delay-ms',
      '250',
      '--duplicate-delivery',
      '--clock-skew-s=-600',
    ]);
    expect(options).toMatchObject({
      port: 9000,
      database: '/tmp/h.sqlite',
      faults: {
        dropAfterStore: { next: 1 },
        fail503: { probability: 0.1, retryAfterS: 3 },
        delayMs: 250,
        duplicateDelivery: true,
        clockSkewS: -600,
      },
    });
  });

  it('takes a PostgreSQL URL, a pool size and a time zone', () => {
    expect(
      parseCliOptions([
        '--database',
        'postgres://till@db.example/backoffice',
        '--pool-size=20',
        '--time-zone',
        'Asia/Shanghai',
      ]),
    ).toMatchObject({
      database: 'postgres://till@db.example/backoffice',
      poolSize: 20,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('refuses a time zone it does not know, and --db beside --database', () => {
    expect(() => parseCliOptions(['--time-zone', 'Mars/Olympus'])).toThrow(/IANA time zone/);
    expect(() => parseCliOptions(['--db', 'a.sqlite', '--database', 'b.sqlite'])).toThrow(
      /another name/,
    );
  });

  it('refuses unknown flags and bad numbers', () => {
    expect(() => parseCliOptions(['--nope'])).toThrow();
    expect(() => parseCliOptions(['--port', 'x'])).toThrow();
  });
});
