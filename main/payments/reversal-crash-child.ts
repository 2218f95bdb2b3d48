import { writeSync } from 'node:fs';
import { openDatabase } from '../ledger/database';
import { silentLogger } from '../log/logger';
import { HostClient } from '../sync/host-client';
import { HostClock } from '../sync/host-clock';
import { AuthorizationStore } from './authorization-store';
import { CardAuthorizer } from './card-authorizer';
import { swipe } from './payment-test-support';

/**
 * The victim of reversal-crash.test.ts: opens the till's database and swipes the test Visa
 * for 12.91 (an amount the test host never answers), then waits to be killed with SIGKILL
 * between request and answer. Run as
 * `node --import tsx main/payments/reversal-crash-child.ts <db file> <host url> <terminal id> <secret, base64>`.
 */
const [file, hostUrl, terminalId, secret] = process.argv.slice(2);
if (!file || !hostUrl || !terminalId || !secret) {
  throw new Error('usage: reversal-crash-child.ts <db file> <host url> <terminal id> <secret>');
}

const db = openDatabase(file);
const credentials = { terminalId, secret: Buffer.from(secret, 'base64') };
const authorizer = new CardAuthorizer({
  store: new AuthorizationStore(db),
  host: {
    connect: (timeoutMs) => ({
      client: new HostClient({ baseUrl: hostUrl, timeoutMs, clock: new HostClock() }),
      credentials,
    }),
  },
  log: silentLogger,
  // Far longer than the test: the answer must still be awaited when the kill comes.
  timeoutMs: 120_000,
});
writeSync(1, 'authorizing\n');
void authorizer.authorize(swipe('visa', 1_291)).then((outcome) => {
  writeSync(1, `unexpected outcome: ${outcome.kind}\n`);
  process.exit(1);
});
