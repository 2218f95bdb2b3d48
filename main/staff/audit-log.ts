import type Database from 'better-sqlite3';
import type { OperatorRef } from '@app/ledger/staff-detail';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditRecord {
  id: number;
  at: string;
  user: OperatorRef | null;
  action: string;
  outcome: AuditOutcome;
  object: string | null;
  origin: string;
  detail: Record<string, string | number | boolean | null>;
}

export interface AuditInput {
  user: OperatorRef | null;
  action: string;
  outcome?: AuditOutcome;
  object?: string | null;
  detail?: AuditRecord['detail'];
}

interface Row {
  id: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  user_role: string | null;
  action: string;
  outcome: AuditOutcome;
  object: string | null;
  origin: string;
  detail: string;
}

/**
 * The audit log (PCI DSS v4 10.2.2): who, when, what, success or failure, where from, on
 * what. Append-only: the schema's triggers refuse UPDATE and DELETE. Never holds a PIN.
 */
export class AuditLog {
  private readonly insert;
  private readonly page;

  constructor(
    db: Database.Database,
    private readonly origin: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, user_id, user_name, user_role, action, outcome, object, origin, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.page = db.prepare<[number, number], Row>(
      'SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?',
    );
  }

  record(input: AuditInput): void {
    this.insert.run(
      this.now().toISOString(),
      input.user?.id ?? null,
      input.user?.name ?? null,
      input.user?.role ?? null,
      input.action,
      input.outcome ?? 'ok',
      input.object ?? null,
      this.origin(),
      JSON.stringify(input.detail ?? {}),
    );
  }

  /** Newest first, before an id (paging). */
  list(limit: number, beforeId = Number.MAX_SAFE_INTEGER): AuditRecord[] {
    return this.page.all(beforeId, limit).map((row) => ({
      id: row.id,
      at: row.at,
      user:
        row.user_id === null
          ? null
          : {
              id: row.user_id,
              name: row.user_name ?? '',
              role: (row.user_role ?? 'cashier') as OperatorRef['role'],
            },
      action: row.action,
      outcome: row.outcome,
      object: row.object,
      origin: row.origin,
      detail: JSON.parse(row.detail) as AuditRecord['detail'],
    }));
  }
}
