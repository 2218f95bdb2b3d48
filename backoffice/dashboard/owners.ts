import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqlDatabase } from '../store/sql';
import { defaultScryptCost, hashPassword, verifyPassword } from './password';
import type { ScryptCost } from './password';

export const SESSION_TTL_MS = 7 * 24 * 3_600_000;
export const SETUP_TOKEN_TTL_MS = 24 * 3_600_000;
export const MIN_PASSWORD_LENGTH = 8;
/** After this many wrong passwords in a row, a login waits LOCK_MS. */
const MAX_FAILURES = 5;
const LOCK_MS = 5 * 60_000;

export interface Owner {
  ownerId: string;
  login: string;
}

export type LoginResult =
  | { ok: true; owner: Owner; token: string; expiresAt: number }
  | { ok: false; error: 'login_failed' }
  | { ok: false; error: 'login_locked'; retryAfterS: number };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

/** The owners who may sign in to the dashboard, their sessions and the first-owner link. */
export class OwnerStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => number,
    private readonly cost?: ScryptCost,
  ) {}

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>('SELECT count(*) AS n FROM owners');
    return Number(row?.n ?? 0);
  }

  /** Adds an owner; false when the login is taken. */
  async create(login: string, password: string): Promise<boolean> {
    const hash = await hashPassword(password, this.cost);
    const added = await this.db.execute(
      `INSERT INTO owners (owner_id, login, password_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (login) DO NOTHING`,
      [randomUUID(), normalizeLogin(login), hash, this.now()],
    );
    return added === 1;
  }

  /**
   * Sets a login's password, adding the owner if the login is new, and ends that owner's
   * sessions: what `npm run owner` does for a forgotten password.
   */
  async setPassword(login: string, password: string): Promise<'added' | 'changed'> {
    const hash = await hashPassword(password, this.cost);
    const name = normalizeLogin(login);
    return this.db.transaction(async (tx) => {
      const changed = await tx.execute('UPDATE owners SET password_hash = $2 WHERE login = $1', [
        name,
        hash,
      ]);
      if (changed === 0) {
        await tx.execute(
          'INSERT INTO owners (owner_id, login, password_hash, created_at) VALUES ($1, $2, $3, $4)',
          [randomUUID(), name, hash, this.now()],
        );
      }
      await tx.execute(
        'DELETE FROM owner_sessions WHERE owner_id IN (SELECT owner_id FROM owners WHERE login = $1)',
        [name],
      );
      await tx.execute('DELETE FROM owner_login_failures WHERE login = $1', [name]);
      return changed === 0 ? 'added' : 'changed';
    });
  }

  /** A new one-time token for the first owner's set-up link (the old ones stay valid). */
  async issueSetupToken(): Promise<string> {
    const token = newToken();
    await this.db.execute(
      'INSERT INTO owner_setup_tokens (token_sha256, expires_at) VALUES ($1, $2)',
      [sha256(token), this.now() + SETUP_TOKEN_TTL_MS],
    );
    return token;
  }

  /**
   * The first owner, through the set-up link: only while no owner exists, with a token that
   * has not expired. Every set-up token is spent with it.
   */
  async setUpFirstOwner(token: string, login: string, password: string): Promise<boolean> {
    const hash = await hashPassword(password, this.cost);
    return this.db.transaction(async (tx) => {
      const valid = await tx.query(
        'SELECT 1 FROM owner_setup_tokens WHERE token_sha256 = $1 AND expires_at > $2',
        [sha256(token), this.now()],
      );
      const [existing] = await tx.query<{ n: number | string }>('SELECT count(*) AS n FROM owners');
      if (valid.length === 0 || Number(existing?.n ?? 0) > 0) return false;
      await tx.execute(
        'INSERT INTO owners (owner_id, login, password_hash, created_at) VALUES ($1, $2, $3, $4)',
        [randomUUID(), normalizeLogin(login), hash, this.now()],
      );
      await tx.execute('DELETE FROM owner_setup_tokens');
      return true;
    });
  }

  async login(login: string, password: string): Promise<LoginResult> {
    const name = normalizeLogin(login);
    const now = this.now();
    const [failures] = await this.db.query<{ locked_until: number | string | null }>(
      'SELECT locked_until FROM owner_login_failures WHERE login = $1',
      [name],
    );
    const lockedUntil = Number(failures?.locked_until ?? 0);
    if (lockedUntil > now) {
      return {
        ok: false,
        error: 'login_locked',
        retryAfterS: Math.ceil((lockedUntil - now) / 1000),
      };
    }
    const [row] = await this.db.query<{ owner_id: string; login: string; password_hash: string }>(
      'SELECT owner_id, login, password_hash FROM owners WHERE login = $1',
      [name],
    );
    // An unknown login costs the same scrypt as a wrong password: no timing tells them apart.
    const matches = await verifyPassword(
      password,
      row?.password_hash ?? unknownLoginHash(this.cost ?? defaultScryptCost),
    );
    if (row === undefined || !matches) {
      await this.recordFailure(name, now);
      return { ok: false, error: 'login_failed' };
    }
    await this.db.execute('DELETE FROM owner_login_failures WHERE login = $1', [name]);
    // Expired sessions go with each login, so the table holds only live ones.
    await this.db.execute('DELETE FROM owner_sessions WHERE expires_at <= $1', [now]);
    const token = newToken();
    const expiresAt = now + SESSION_TTL_MS;
    await this.db.execute(
      `INSERT INTO owner_sessions (token_sha256, owner_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4)`,
      [sha256(token), row.owner_id, now, expiresAt],
    );
    return { ok: true, owner: { ownerId: row.owner_id, login: row.login }, token, expiresAt };
  }

  /** The owner a session token belongs to, or null when it is unknown or expired. */
  async ownerOfSession(token: string): Promise<Owner | null> {
    const [row] = await this.db.query<{ owner_id: string; login: string }>(
      `SELECT o.owner_id, o.login FROM owner_sessions s JOIN owners o ON o.owner_id = s.owner_id
       WHERE s.token_sha256 = $1 AND s.expires_at > $2`,
      [sha256(token), this.now()],
    );
    return row === undefined ? null : { ownerId: row.owner_id, login: row.login };
  }

  async logout(token: string): Promise<void> {
    await this.db.execute('DELETE FROM owner_sessions WHERE token_sha256 = $1', [sha256(token)]);
  }

  private async recordFailure(login: string, now: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(
        `INSERT INTO owner_login_failures (login, failures, locked_until) VALUES ($1, 1, NULL)
         ON CONFLICT (login) DO UPDATE SET failures = owner_login_failures.failures + 1`,
        [login],
      );
      await tx.execute(
        `UPDATE owner_login_failures SET failures = 0, locked_until = $2
         WHERE login = $1 AND failures >= $3`,
        [login, now + LOCK_MS, MAX_FAILURES],
      );
    });
  }
}

/** Logins compare without case or surrounding spaces ("Owner " is "owner"). */
export const normalizeLogin = (login: string): string => login.trim().toLowerCase();

// A well-formed hash no password matches: verifying against it takes as long as a real one.
const unknownLoginHash = (cost: ScryptCost): string =>
  [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    randomBytes(16).toString('base64'),
    randomBytes(32).toString('base64'),
  ].join('$');
