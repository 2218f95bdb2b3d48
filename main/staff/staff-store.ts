import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { OperatorRef, StaffRole } from '@app/ledger/staff-detail';
import { DomainError } from '@app/result';

export interface StaffUser extends OperatorRef {
  active: boolean;
  failedPins: number;
  /** RFC 3339 time until which PIN entry is refused, or null. */
  lockedUntil: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  name: string;
  role: StaffRole;
  pin_hash: string;
  active: number;
  failed_pins: number;
  locked_until: string | null;
  created_at: string;
}

const fromRow = (row: Row): StaffUser => ({
  id: row.id,
  name: row.name,
  role: row.role,
  active: row.active === 1,
  failedPins: row.failed_pins,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
});

export const operatorOf = (user: OperatorRef): OperatorRef => ({
  id: user.id,
  name: user.name,
  role: user.role,
});

/** The till's people: name, role, PIN hash (never the PIN), lockout state. */
export class StaffStore {
  constructor(private readonly db: Database.Database) {}

  list(): StaffUser[] {
    return this.db
      .prepare<[], Row>('SELECT * FROM staff_users ORDER BY active DESC, name')
      .all()
      .map(fromRow);
  }

  get(id: string): StaffUser | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM staff_users WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  pinHash(id: string): string | null {
    const row = this.db
      .prepare<[string], { pin_hash: string }>('SELECT pin_hash FROM staff_users WHERE id = ?')
      .get(id);
    return row?.pin_hash ?? null;
  }

  hasActiveOwner(): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM staff_users WHERE role = 'owner' AND active = 1 LIMIT 1")
        .get() !== undefined
    );
  }

  add(name: string, role: StaffRole, pinHash: string, at: string): StaffUser {
    const id = randomUUID();
    try {
      this.db
        .prepare(
          'INSERT INTO staff_users (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(id, name, role, pinHash, at);
    } catch (error) {
      if (String(error).includes('UNIQUE')) {
        throw new DomainError('name_taken', `A user named ${name} exists`, { name });
      }
      throw error;
    }
    const user = this.get(id);
    if (!user) throw new Error('user vanished after insert');
    return user;
  }

  update(id: string, patch: { role?: StaffRole; active?: boolean; pinHash?: string }): void {
    const user = this.get(id);
    if (!user) throw new DomainError('user_not_found', `No user ${id}`);
    const role = patch.role ?? user.role;
    const active = patch.active ?? user.active;
    // The shop always keeps one active owner, or nobody could manage staff again.
    if (user.role === 'owner' && user.active && (role !== 'owner' || !active)) {
      const owners = this.db
        .prepare<[], { n: number }>(
          "SELECT count(*) AS n FROM staff_users WHERE role = 'owner' AND active = 1",
        )
        .get();
      if ((owners?.n ?? 0) <= 1) throw new DomainError('last_owner', 'The last owner stays');
    }
    this.db
      .prepare('UPDATE staff_users SET role = ?, active = ? WHERE id = ?')
      .run(role, active ? 1 : 0, id);
    if (patch.pinHash !== undefined) {
      this.db
        .prepare(
          'UPDATE staff_users SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?',
        )
        .run(patch.pinHash, id);
    }
  }

  /** Counts a wrong PIN; locks the user until `lockUntil` when it is given. */
  recordFailure(id: string, lockUntil: string | null): number {
    this.db
      .prepare(
        'UPDATE staff_users SET failed_pins = failed_pins + 1, locked_until = coalesce(?, locked_until) WHERE id = ?',
      )
      .run(lockUntil, id);
    return this.get(id)?.failedPins ?? 0;
  }

  clearFailures(id: string): void {
    this.db
      .prepare('UPDATE staff_users SET failed_pins = 0, locked_until = NULL WHERE id = ?')
      .run(id);
  }

  /** For the setup wizard: a random id a new user will get. */
  static newId(): string {
    return randomUUID();
  }
}
