import type Database from 'better-sqlite3';
import type { PrintJob } from '@app/api/contract';
import type { ReceiptDocument } from '@app/receipt/receipt-document';
import { withoutFsync } from '../ledger/work-writes';
import { prepared } from '../ledger/prepared';

interface JobRow {
  id: string;
  sale_id: string | null;
  kind: PrintJob['kind'];
  created_at: string;
  status: PrintJob['status'];
  attempts: number;
  last_error: string | null;
}

/** A job's columns without its document: lists and status need no receipt text. */
const JOB_COLUMNS = 'id, sale_id, kind, created_at, status, attempts, last_error';
/** Jobs still to print or held after a failure. */
const UNPRINTED = "status IN ('queued', 'failed')";

const toJob = (row: JobRow): PrintJob => ({
  id: row.id,
  saleId: row.sale_id,
  kind: row.kind,
  createdAt: row.created_at,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
});

/**
 * The print queue's rows: a job outlives a restart until it is printed or skipped. A sale's
 * receipt is inserted in the sale's own transaction (the receipt outbox); the queue's
 * progress is work, written without an fsync of its own (a power cut may print a receipt
 * twice, never lose one).
 */
export class PrintJobStore {
  constructor(private readonly db: Database.Database) {}

  private write(sql: string, ...params: (string | number | null)[]): void {
    withoutFsync(this.db, () => prepared(this.db, sql).run(...params));
  }

  insert(job: {
    id: string;
    saleId: string | null;
    kind: PrintJob['kind'];
    createdAt: string;
    document: ReceiptDocument;
  }): void {
    this.write(
      `INSERT INTO print_jobs (id, sale_id, kind, created_at, status, attempts, document)
       VALUES (?, ?, ?, ?, 'queued', 0, ?)`,
      job.id,
      job.saleId,
      job.kind,
      job.createdAt,
      JSON.stringify(job.document),
    );
  }

  get(id: string): PrintJob | null {
    const row = prepared(this.db, `SELECT ${JOB_COLUMNS} FROM print_jobs WHERE id = ?`).get(id) as
      JobRow | undefined;
    return row ? toJob(row) : null;
  }

  document(id: string): ReceiptDocument | null {
    const row = prepared(this.db, 'SELECT document FROM print_jobs WHERE id = ?').get(id) as
      { document: string } | undefined;
    return row ? (JSON.parse(row.document) as ReceiptDocument) : null;
  }

  /** Jobs still to print, oldest first: receipts come out in the order sales were made. */
  pending(): PrintJob[] {
    const rows = prepared(
      this.db,
      `SELECT ${JOB_COLUMNS} FROM print_jobs WHERE ${UNPRINTED} ORDER BY created_at, rowid`,
    ).all() as JobRow[];
    return rows.map(toJob);
  }

  /** How many jobs `pending` would list, without reading them (the status shows it often). */
  pendingCount(): number {
    const row = prepared(
      this.db,
      `SELECT count(*) AS n FROM print_jobs WHERE ${UNPRINTED}`,
    ).get() as {
      n: number;
    };
    return row.n;
  }

  /** The first job `pending` would list, with its document: what the spooler sends next. */
  next(): { job: PrintJob; document: ReceiptDocument } | null {
    const row = prepared(
      this.db,
      `SELECT ${JOB_COLUMNS}, document FROM print_jobs WHERE ${UNPRINTED}
       ORDER BY created_at, rowid LIMIT 1`,
    ).get() as (JobRow & { document: string }) | undefined;
    return row ? { job: toJob(row), document: JSON.parse(row.document) as ReceiptDocument } : null;
  }

  recent(limit: number): PrintJob[] {
    const rows = prepared(
      this.db,
      `SELECT ${JOB_COLUMNS} FROM print_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    ).all(limit) as JobRow[];
    return rows.map(toJob);
  }

  markPrinted(id: string): void {
    this.write(
      `UPDATE print_jobs SET status = 'printed', attempts = attempts + 1, last_error = NULL WHERE id = ?`,
      id,
    );
  }

  markFailed(id: string, error: string): void {
    this.write(
      `UPDATE print_jobs SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?`,
      error,
      id,
    );
  }

  markSkipped(id: string): void {
    this.write(`UPDATE print_jobs SET status = 'skipped' WHERE id = ?`, id);
  }

  requeue(id: string): void {
    this.write(`UPDATE print_jobs SET status = 'queued' WHERE id = ?`, id);
  }
}
