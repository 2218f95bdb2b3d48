import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { findCardData } from './card-data-patterns';
import type { CardDataKind } from './card-data-patterns';

/** One place a file holds card data; `hint` names the last four digits only. */
export interface CardDataFinding {
  /** The file; a member of an archive is `archive.zip!member`. */
  file: string;
  /** Byte offset in the file (or member); in a database row, in the column's value. */
  offset: number;
  /** How it was read: `bytes (latin1)`, `bytes (UTF-16)`, or `row: <table>.<column> #n`. */
  where: string;
  kind: CardDataKind;
  hint: string;
}

export interface CardDataScan {
  findings: CardDataFinding[];
  /** What was read, so a caller can refuse a scan that read next to nothing. */
  files: number;
  bytes: number;
  /** SQLite files (by their header), each also read row by row. */
  databases: number;
  wals: number;
  logs: number;
  archives: number;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
// SQLite file format 4.3: a WAL header starts with 0x377f0682 or 0x377f0683.
const isWal = (bytes: Buffer) => bytes.length >= 32 && (bytes.readUInt32BE(0) & ~1) === 0x377f0682;
const isSqlite = (bytes: Buffer) => bytes.subarray(0, 16).equals(SQLITE_HEADER);

/**
 * Every file under `dir` (ledgers and their -wal and -shm, logs, print queues, exported
 * CSVs, support bundles) searched for card numbers and track data (PCI DSS 3.3.1, issue #6
 * "Never stored"). Each file's bytes are read as latin1 (UTF-8 digits and SQLite's binary
 * pages keep every digit a digit) and as UTF-16 at both byte alignments (little and big
 * endian); ZIP and gzip members are inflated and read the same way; and each SQLite
 * database is opened on a copy (with its WAL) and read value by value, which also joins
 * text that SQLite split across overflow pages.
 */
export function scanForCardData(dir: string): CardDataScan {
  const scan: CardDataScan = {
    findings: [],
    files: 0,
    bytes: 0,
    databases: 0,
    wals: 0,
    logs: 0,
    archives: 0,
  };
  walk(dir, scan);
  return scan;
}

/** The files under `dir` that hold card data (each once). */
export function filesWithCardData(dir: string): string[] {
  return [...new Set(scanForCardData(dir).findings.map((f) => f.file.split('!')[0] ?? f.file))];
}

/** One line per finding, for a failure message: never the number itself. */
export function describeFindings(findings: readonly CardDataFinding[]): string {
  return findings
    .map((f) => `${f.file} @ ${String(f.offset)} (${f.where}): ${f.kind} ${f.hint}`)
    .join('\n');
}

function walk(dir: string, scan: CardDataScan): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // Chromium's own profile (app mode) is the browser's, not ours.
      if (name !== 'chromium-profile') walk(path, scan);
      continue;
    }
    scanFile(path, scan);
  }
}

function scanFile(path: string, scan: CardDataScan): void {
  const bytes = readFileSync(path);
  scan.files += 1;
  scan.bytes += bytes.length;
  if (/\.(log|jsonl)$/.test(path)) scan.logs += 1;
  if (isWal(bytes)) scan.wals += 1;
  scanBytes(path, bytes, scan);
  if (isSqlite(bytes)) {
    scan.databases += 1;
    scanRows(path, scan);
  }
  if ((bytes.length >= 4 && bytes.readUInt32LE(0) === ZIP_LOCAL) || path.endsWith('.zip')) {
    scan.archives += 1;
    for (const member of zipMembers(path, bytes)) scanBytes(member.label, member.data, scan);
  } else if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    scan.archives += 1;
    scanBytes(`${path}!${basename(path, '.gz')}`, gunzipSync(bytes), scan);
  }
}

function scanBytes(label: string, bytes: Buffer, scan: CardDataScan): void {
  const boundary = isSqlite(bytes) || isWal(bytes) ? 'alphanumerics' : 'digits';
  const found = new Set<string>();
  const add = (offset: number, where: string, kind: CardDataKind, hint: string) => {
    const key = `${String(offset)} ${kind}`;
    if (found.has(key)) return;
    found.add(key);
    scan.findings.push({ file: label, offset, where, kind, hint });
  };
  for (const hit of findCardData(bytes.toString('latin1'), { boundary })) {
    add(hit.index, 'bytes (latin1)', hit.kind, hit.hint);
  }
  // UTF-16LE from byte 0 and from byte 1: together every UTF-16 text, LE or BE, any alignment.
  for (const shift of [0, 1]) {
    const tail = bytes.subarray(shift);
    // An odd length leaves a last low byte (big endian's last digit): pad it to a pair.
    const body = tail.length % 2 === 0 ? tail : Buffer.concat([tail, Buffer.alloc(1)]);
    for (const hit of findCardData(body.toString('utf16le'), { boundary })) {
      add(shift + 2 * hit.index, 'bytes (UTF-16)', hit.kind, hit.hint);
    }
  }
}

/** Reads every value of every table from a copy, so the scan never touches the original. */
function scanRows(path: string, scan: CardDataScan): void {
  const copyDir = mkdtempSync(join(tmpdir(), 'card-data-scan-'));
  const copy = join(copyDir, 'copy.sqlite');
  copyFileSync(path, copy);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  const db = new Database(copy);
  try {
    const tables = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
      )
      .all();
    for (const { name } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      let row = 0;
      for (const values of db.prepare(`SELECT * FROM ${quoted}`).raw().iterate()) {
        row += 1;
        const columns = values as unknown[];
        columns.forEach((value, column) => {
          const text = typeof value === 'string' ? value : null;
          const blob = Buffer.isBuffer(value) ? value : null;
          if (text === null && blob === null) return;
          const where = `row: ${name}.${String(column)} #${String(row)}`;
          const found =
            text === null
              ? findCardData(blob?.toString('latin1') ?? '', { boundary: 'alphanumerics' })
              : findCardData(text);
          for (const hit of found) {
            scan.findings.push({
              file: path,
              offset: text === null ? hit.index : Buffer.byteLength(text.slice(0, hit.index)),
              where,
              kind: hit.kind,
              hint: hit.hint,
            });
          }
        });
      }
    }
  } finally {
    db.close();
    rmSync(copyDir, { recursive: true, force: true });
  }
}

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/** PKWARE APPNOTE 4.3: members found through the central directory, stored or deflated. */
function zipMembers(path: string, zip: Buffer): { label: string; data: Buffer }[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const members: { label: string; data: Buffer }[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0 && zip.readUInt32LE(at) === ZIP_CENTRAL; n -= 1) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + compressed);
    // A member the scan cannot read would pass unread: refuse it instead.
    if (method !== 0 && method !== 8) throw new Error(`${path}!${name}: ZIP method ${method}`);
    members.push({
      label: `${path}!${name}`,
      data: method === 0 ? Buffer.from(body) : inflateRawSync(body),
    });
    at = next;
  }
  return members;
}
