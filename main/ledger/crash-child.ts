import { Ledger } from '../kernel/ledger';
import { silentLogger } from '../log/logger';
import { writeSync } from 'node:fs';
import { commitSale } from '../sales/commit-sale';
import { SaleRepository } from '../sales/sale-repository';
import { sampleSale, sampleStaff } from '../sales/sample-sale';
import { openDatabase } from './database';

/**
 * The victim of crash.test.ts: commits sales until it is killed, writing each sale's id to
 * stdout only after commitSale returned. Every id the parent reads is an acknowledged sale.
 * Run as `node --import tsx main/ledger/crash-child.ts <db file> [max sales]`.
 */
const [file, max = '100000'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: crash-child.ts <db file> [max sales]');

const db = openDatabase(file);
const ledger = new Ledger(db, silentLogger);
const repository = new SaleRepository(db);
for (let i = 0; i < Number(max); i++) {
  const sale = commitSale(ledger, repository, sampleSale({ lines: 1 + (i % 5) }), sampleStaff);
  // writeSync: the id is in the pipe before the next commit starts, never buffered behind it.
  writeSync(1, `${sale.id}\n`);
}
db.close();
