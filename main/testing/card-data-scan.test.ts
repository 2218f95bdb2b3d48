import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createZip } from '../diagnostics/zip-writer';
import { tempDatabase } from '../ledger/temp-database';
import { findCardData, gs1CheckValid, isCardNumber } from './card-data-patterns';
import { describeFindings, filesWithCardData, scanForCardData } from './card-data-scan';

// Published test numbers (app/card/test-cards.ts and the schemes' test ranges).
const VISA = '4111111111111111';
const VISA_13 = '4222222222222';
const AMEX = '378282246310005';
const UNIONPAY_19 = '6222021234567890128';
const TRACK_1 = `%B${VISA}^TEST/VISA^3012101000000000?`;
const TRACK_2 = `;${VISA}=3012101000000000?`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'card-scan-test-'));
  dirs.push(dir);
  return dir;
};

/** A WAL database whose writes stay in the -wal file until `checkpoint()`. */
function walDatabase(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
  return db;
}

describe('what counts as card data on disk', () => {
  it('finds 13- to 19-digit Luhn-valid numbers, plain or grouped, and both tracks', () => {
    for (const pan of [VISA, VISA_13, AMEX, UNIONPAY_19]) {
      expect(findCardData(`card=${pan};`)).toMatchObject([{ index: 5, kind: 'card number' }]);
    }
    expect(findCardData('paid with 4111 1111 1111 1111 today')).toHaveLength(1);
    expect(findCardData('4111-1111-1111-1111')).toHaveLength(1);
    expect(findCardData('amex 3782 822463 10005')).toHaveLength(1);
    expect(findCardData('6222 0212 3456 7890 128')).toHaveLength(1);
    expect(findCardData(TRACK_1)).toMatchObject([
      { index: 0, kind: 'track 1' },
      { index: 2, kind: 'card number' },
    ]);
    expect(findCardData(`x${TRACK_2}`)).toMatchObject([
      { index: 1, kind: 'track 2' },
      { index: 2, kind: 'card number' },
    ]);
    // In text a number ends at any non-digit, a letter too.
    expect(findCardData(`pan${VISA}x`)).toHaveLength(1);
    // In raw SQLite pages values touch: only a number no letter or digit touches counts there.
    const strict = { boundary: 'alphanumerics' } as const;
    expect(findCardData(`\u0001'-${VISA}\u0002`, strict)).toHaveLength(1);
    expect(findCardData(`\u0001'-${VISA}TEST`, strict)).toEqual([]);
  });

  it('leaves what a till stores by design: masks, barcodes, hashes, ids, times', () => {
    const clean = [
      '411111******1111',
      '622202*********0128',
      // An EAN-13 that happens to pass Luhn too: the GS1 check digit says barcode.
      '6901234567892',
      '4111111111111112', // fails Luhn
      '1764000000000', // epoch ms: industry 1 is not a payment card
      '5555555555555555', // one digit repeated
      'a3f1c2e4b5d6078921436587092143658709bcdef0123456789abcdef0123456',
      '123456789012', // an RRN, 12 digits
      '0f8fad5b-d9cb-469f-a165-70867728950e',
      '2026-11-22T10:00:00.000Z',
      '41111111111111110', // 17 digits, not Luhn
    ];
    for (const text of clean) expect(findCardData(`"${text}"`), text).toEqual([]);
    // Found in an e2e ledger page: a barcode column, then an id starting with four digits.
    const record = "\u0003'U6937770000029" + '9557ef1d-d256-40f1-af93-73c2a1ff9992';
    expect(findCardData(record)).toEqual([]);
    expect(findCardData(record, { boundary: 'alphanumerics' })).toEqual([]);
    // An index entry: header, a 13-digit barcode, then its rowid as one byte, here '3'.
    const indexEntry = "\u0011\u0003'\u0001" + '6911031000027' + '3' + "\u0011\u0003'";
    expect(findCardData(indexEntry, { boundary: 'alphanumerics' })).toEqual([]);
    expect(gs1CheckValid('6901234567892')).toBe(true);
    expect(isCardNumber(VISA_13)).toBe(true);
  });
});

describe('scanForCardData over a data folder', () => {
  it('finds a test PAN planted in a SQLite WAL, then in the database file after a checkpoint', () => {
    const dir = tempDir();
    const file = join(dir, 'ledger.sqlite');
    const db = walDatabase(file);
    db.prepare('INSERT INTO notes (body) VALUES (?)').run(`customer card ${VISA}`);
    const inWal = scanForCardData(dir);
    const walFinding = inWal.findings.find((f) => f.file === `${file}-wal`);
    expect(walFinding).toMatchObject({ kind: 'card number', where: 'bytes (latin1)' });
    const walBytes = readFileSync(`${file}-wal`);
    const offset = walFinding?.offset ?? -1;
    expect(walBytes.toString('latin1', offset, offset + VISA.length)).toBe(VISA);
    // Read row by row too (from a copy: the WAL is still unmerged afterwards).
    expect(inWal.findings).toContainEqual(
      expect.objectContaining({ file, where: 'row: notes.1 #1', offset: 14 }),
    );
    expect(inWal).toMatchObject({ databases: 1, wals: 1 });

    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const inDb = scanForCardData(dir);
    expect(inDb.findings).toContainEqual(
      expect.objectContaining({ file, where: 'bytes (latin1)', kind: 'card number' }),
    );
    expect(filesWithCardData(dir)).toEqual([file]);
  });

  it('finds a number SQLite split across overflow pages, by reading the rows', () => {
    const dir = tempDir();
    const file = join(dir, 'split.sqlite');
    const db = walDatabase(file);
    // SQLite file format 2.3.4: a 4 KiB-page row this long keeps its first 489 bytes on the
    // table page and the rest on overflow pages; numbers placed around byte 489 are split.
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (let at = 470; at < 496; at += 1)
      insert.run(`${'x'.repeat(at)} ${VISA} ${'y'.repeat(3_700)}`);
    db.close();
    const { findings } = scanForCardData(dir);
    const inBytes = findings.filter((f) => f.where === 'bytes (latin1)');
    expect(inBytes.length).toBeLessThan(20);
    expect(findings.filter((f) => f.where.startsWith('row: notes.1'))).toHaveLength(26);
  });

  it('finds a PAN in a UTF-16 database and in UTF-16 logs of either byte order', () => {
    const dir = tempDir();
    const file = join(dir, 'utf16.sqlite');
    const db = new Database(file);
    db.pragma("encoding = 'UTF-16le'");
    db.exec('CREATE TABLE notes (body TEXT)');
    db.prepare('INSERT INTO notes (body) VALUES (?)').run(`card ${AMEX}`);
    db.close();
    writeFileSync(join(dir, 'le.log'), Buffer.from(`\uFEFFpaid ${VISA}\n`, 'utf16le'));
    writeFileSync(join(dir, 'be.log'), Buffer.from(`? ${UNIONPAY_19}`, 'utf16le').swap16());
    // Little endian starting at an odd byte (after one byte of something else).
    const odd = Buffer.concat([Buffer.from([0x01]), Buffer.from(`=${VISA_13}`, 'utf16le')]);
    writeFileSync(join(dir, 'odd.bin'), odd);

    const { findings } = scanForCardData(dir);
    const utf16 = (name: string) =>
      findings.filter((f) => f.file === join(dir, name) && f.where === 'bytes (UTF-16)');
    expect(utf16('utf16.sqlite').length).toBeGreaterThan(0);
    expect(utf16('le.log')).toMatchObject([{ offset: 2 + 2 * 5, hint: '…1111 (16 digits)' }]);
    // The offset is of the digit's low byte: in big endian, the second of its two.
    expect(utf16('be.log')).toMatchObject([{ offset: 2 * 2 + 1, hint: '…0128 (19 digits)' }]);
    expect(utf16('odd.bin')).toMatchObject([{ offset: 1 + 2 * 1, hint: '…2222 (13 digits)' }]);
  });

  it('finds track data in a log, and inside a deflated support bundle and a gzip', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'logs'));
    const line = `{"level":"info","msg":"swipe","raw":"${TRACK_2}"}\n`;
    writeFileSync(join(dir, 'logs', 'countertop.log'), `{"msg":"started"}\n${line}`);
    mkdirSync(join(dir, 'support'));
    const log = `${'{"msg":"padding so the member is deflated"}\n'.repeat(50)}${TRACK_1}\n`;
    const zip = createZip([
      { name: 'system.json', data: '{}' },
      { name: 'log-tail.jsonl', data: log },
    ]);
    writeFileSync(join(dir, 'support', 'bundle.zip'), zip);
    writeFileSync(join(dir, 'export.csv.gz'), gzipSync(`sku,note\nA,"${VISA}"\n`));

    const scan = scanForCardData(dir);
    expect(scan.findings).toContainEqual(
      expect.objectContaining({
        file: join(dir, 'logs', 'countertop.log'),
        offset: 18 + line.indexOf(';'),
        kind: 'track 2',
      }),
    );
    expect(Buffer.from(zip).includes(Buffer.from(TRACK_1))).toBe(false); // really deflated
    expect(scan.findings).toContainEqual(
      expect.objectContaining({
        file: `${join(dir, 'support', 'bundle.zip')}!log-tail.jsonl`,
        offset: log.indexOf('%B'),
        kind: 'track 1',
      }),
    );
    expect(scan.findings).toContainEqual(
      expect.objectContaining({ file: `${join(dir, 'export.csv.gz')}!export.csv` }),
    );
    expect(scan).toMatchObject({ logs: 1, archives: 2 });
  });

  it('names file and offset but never prints a whole number', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), `${TRACK_1} ${UNIONPAY_19}`);
    const text = describeFindings(scanForCardData(dir).findings);
    expect(text).toContain(join(dir, 'a.log'));
    expect(text).toContain('@ 0');
    expect(text).toContain('…0128');
    for (const pan of [VISA, UNIONPAY_19]) expect(text).not.toContain(pan.slice(0, 10));
  });

  it('passes a real till ledger with its demo-free schema, and counts what it read', () => {
    const temp = tempDatabase('card-scan-ledger-');
    try {
      const scan = scanForCardData(temp.dir);
      expect(scan.findings).toEqual([]);
      expect(scan.databases).toBe(1);
      expect(scan.bytes).toBeGreaterThan(4_096);
    } finally {
      temp.dispose();
    }
  });
});
