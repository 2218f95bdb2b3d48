import type Database from 'better-sqlite3';
import type { PrintJob } from '@app/api/contract';
import type { ReceiptDocument } from '@app/receipt/receipt-document';

interface JobRow {
  id: string;
  sale_id: string | null;
  kind: PrintJob['kind'];
  created_at: string;
  status: PrintJob['status'];
  attempts: number;
  last_error: string | null;
  document: string;
}

const toJob = (row: JobRow): PrintJob => ({
  id: row.id,
  saleId: row.sale_id,
  kind: row.kind,
  createdAt: row.created_at,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
});

/** The print queue's rows: a job outlives a restart until it is printed or skipped. */
export class PrintJobStore {
  constructor(private readonly db: Database.Database) {}

  insert(job: {
    id: string;
    saleId: string | null;
    kind: PrintJob['kind'];
    createdAt: string;
    document: ReceiptDocument;
  }): void {
    this.db
      .prepare(
        `INSERT INTO print_jobs (id, sale_id, kind, created_at, status, attempts, document)
         VALUES (?, ?, ?, ?, 'queued', 0, ?)`,
      )
      .run(job.id, job.saleId, job.kind, job.createdAt, JSON.stringify(job.document));
  }

  get(id: string): PrintJob | null {
    const row = this.db.prepare('SELECT * FROM print_jobs WHERE id = ?').get(id) as
      JobRow | undefined;
    return row ? toJob(row) : null;
  }

  document(id: string): ReceiptDocument | null {
    const row = this.db.prepare('SELECT document FROM print_jobs WHERE id = ?').get(id) as
      { document: string } | undefined;
    return row ? (JSON.parse(row.document) as ReceiptDocument) : null;
  }

  /** Jobs still to print, oldest first: receipts come out in the order sales were made. */
  pending(): PrintJob[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM print_jobs WHERE status IN ('queued', 'failed') ORDER BY created_at, rowid`,
      )
      .all() as JobRow[];
    return rows.map(toJob);
  }

  recent(limit: number): PrintJob[] {
    const rows = this.db
      .prepare('SELECT * FROM print_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit) as JobRow[];
    return rows.map(toJob);
  }

  markPrinted(id: string): void {
    this.db
      .prepare(
        `UPDATE print_jobs SET status = 'printed', attempts = attempts + 1, last_error = NULL WHERE id = ?`,
      )
      .run(id);
  }

  markFailed(id: string, error: string): void {
    this.db
      .prepare(
        `UPDATE print_jobs SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?`,
      )
      .run(error, id);
  }

  markSkipped(id: string): void {
    this.db.prepare(`UPDATE print_jobs SET status = 'skipped' WHERE id = ?`).run(id);
  }

  requeue(id: string): void {
    this.db.prepare(`UPDATE print_jobs SET status = 'queued' WHERE id = ?`).run(id);
  }
}
