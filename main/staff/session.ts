import type { Locale } from '@app/i18n/messages';
import type { OperatorRef, OverrideRef } from '@app/ledger/staff-detail';
import { can, rolePermissions } from '@app/staff/permissions';
import type { Permission } from '@app/staff/permissions';
import { LOCKOUT_MS, MAX_PIN_FAILURES, isValidPin } from '@app/staff/pin';
import type { StaffPolicy } from '@app/staff/policy';
import { DomainError } from '@app/result';
import type { AuditLog } from './audit-log';
import { verifyPin } from './pin-hash';
import { operatorOf } from './staff-store';
import type { StaffStore, StaffUser } from './staff-store';
import type { UserLanguages } from './user-languages';

export type SessionState = 'setup' | 'signedOut' | 'locked' | 'active';

export interface SessionView {
  state: SessionState;
  /** Who is signed in (also while locked: their cart and shift wait for them). */
  user: OperatorRef | null;
  permissions: Permission[];
  /** The signed-in person's screen language; null: theirs is not chosen, or nobody is in. */
  language: Locale | null;
}

/** What a command runs as: the person, and a manager's one-shot override when one was used. */
import type { ActionContext } from '../kernel/handlers';

export type { ActionContext };

/** How long an override waits for the action it unlocked. */
const OVERRIDE_TTL_MS = 2 * 60_000;

export interface SessionDeps {
  staff: StaffStore;
  audit: AuditLog;
  policy: () => StaffPolicy;
  now: () => number;
  onChange: (view: SessionView) => void;
  languages: UserLanguages;
}

/**
 * The till's one session (one drawer, one person at a time). It lives in main: the renderer
 * only shows it, so a reloaded window cannot skip the lock. Locking keeps the user, their
 * cart and their shift; the next PIN (theirs or another user's) unlocks.
 */
export class SessionService {
  private user: OperatorRef | null = null;
  private locked = false;
  private lastActivity = 0;
  private readonly grants = new Map<Permission, { by: OperatorRef; expiresAt: number }>();

  constructor(private readonly deps: SessionDeps) {}

  view(): SessionView {
    if (!this.deps.staff.hasActiveOwner()) {
      return { state: 'setup', user: null, permissions: [], language: null };
    }
    if (!this.user) return { state: 'signedOut', user: null, permissions: [], language: null };
    return {
      state: this.locked ? 'locked' : 'active',
      user: this.user,
      permissions: this.locked ? [] : [...rolePermissions[this.user.role]],
      language: this.deps.languages.of(this.user.id),
    };
  }

  /** The signed-in person picks their screen language; kept for their next sign-in. */
  setLanguage(language: Locale): SessionView {
    const user = this.requireUser();
    this.deps.languages.set(user.id, language);
    return this.changed();
  }

  async login(userId: string, pin: string): Promise<SessionView> {
    const user = await this.checkPin(userId, pin, 'login');
    const resumed = this.user?.id === user.id && this.locked;
    this.user = operatorOf(user);
    this.locked = false;
    this.grants.clear();
    this.lastActivity = this.deps.now();
    this.deps.audit.record({ user: this.user, action: resumed ? 'unlock' : 'login' });
    return this.changed();
  }

  lock(reason: 'manual' | 'idle'): SessionView {
    if (this.user && !this.locked) {
      this.locked = true;
      this.grants.clear();
      this.deps.audit.record({ user: this.user, action: 'lock', detail: { reason } });
    }
    return this.changed();
  }

  logout(): SessionView {
    if (this.user) this.deps.audit.record({ user: this.user, action: 'logout' });
    this.user = null;
    this.locked = false;
    this.grants.clear();
    return this.changed();
  }

  /**
   * Every command that needs a person passes here first: the idle time is checked (and the
   * session locked once it is over), then the activity clock restarts.
   */
  touch(): void {
    if (!this.user || this.locked) return;
    const idleMs = this.deps.policy().idleLockMinutes * 60_000;
    if (this.deps.now() - this.lastActivity >= idleMs) {
      this.lock('idle');
      return;
    }
    this.lastActivity = this.deps.now();
  }

  /** Locks a session that has been idle too long (a timer calls this; no command needed). */
  checkIdle(): void {
    if (!this.user || this.locked) return;
    const idleMs = this.deps.policy().idleLockMinutes * 60_000;
    if (this.deps.now() - this.lastActivity >= idleMs) this.lock('idle');
  }

  /** The signed-in, unlocked person; refuses otherwise. */
  requireUser(): OperatorRef {
    this.touch();
    if (!this.user) throw new DomainError('login_required', 'Nobody is signed in');
    if (this.locked) throw new DomainError('session_locked', 'The till is locked');
    return this.user;
  }

  /**
   * The person may do this, by role or by an override granted for exactly this permission
   * (used up here, recorded). Refuses with `permission_required` otherwise.
   */
  authorize(permission: Permission, object?: string): ActionContext {
    const operator = this.requireUser();
    if (can(operator.role, permission)) return { operator };
    const override = this.takeOverride(permission, object);
    if (override) return { operator, override };
    this.deps.audit.record({
      user: operator,
      action: 'permission_denied',
      outcome: 'denied',
      object: object ?? null,
      detail: { permission },
    });
    throw new DomainError('permission_required', `${operator.role} may not ${permission}`, {
      permission,
    });
  }

  /** An override for `permission` granted to the current person, used up; null if none. */
  takeOverride(permission: Permission, object?: string): OverrideRef | null {
    const grant = this.grants.get(permission);
    this.grants.delete(permission);
    if (!grant || !this.user || grant.expiresAt < this.deps.now()) return null;
    this.deps.audit.record({
      user: this.user,
      action: 'override_used',
      object: object ?? null,
      detail: { permission, approverId: grant.by.id, approverName: grant.by.name },
    });
    return { by: grant.by, permission };
  }

  /**
   * Someone allowed to enters their PIN on the current person's screen: exactly one action
   * needing `permission` is unlocked for the current person.
   */
  async grantOverride(approverId: string, pin: string, permission: Permission): Promise<void> {
    const operator = this.requireUser();
    const approver = await this.checkPin(approverId, pin, 'override');
    if (!can(approver.role, permission)) {
      this.deps.audit.record({
        user: operatorOf(approver),
        action: 'override_refused',
        outcome: 'denied',
        detail: { permission, forUserId: operator.id, forUserName: operator.name },
      });
      throw new DomainError('approver_not_allowed', `${approver.role} may not ${permission}`, {
        name: approver.name,
        permission,
      });
    }
    this.grants.set(permission, {
      by: operatorOf(approver),
      expiresAt: this.deps.now() + OVERRIDE_TTL_MS,
    });
    this.deps.audit.record({
      user: operatorOf(approver),
      action: 'override_granted',
      detail: { permission, forUserId: operator.id, forUserName: operator.name },
    });
  }

  /**
   * Verifies a user's PIN with the lockout rules (PCI DSS v4 8.3.4): 5 wrong PINs lock the
   * user for 30 minutes unless an owner unlocks. Every failure is audited; the PIN never is.
   */
  async checkPin(userId: string, pin: string, purpose: string): Promise<StaffUser> {
    const { staff, audit } = this.deps;
    const user = staff.get(userId);
    if (!user) throw new DomainError('user_not_found', `No user ${userId}`);
    const who = operatorOf(user);
    if (!user.active) {
      audit.record({
        user: who,
        action: `${purpose}_failed`,
        outcome: 'failed',
        detail: { why: 'inactive' },
      });
      throw new DomainError('user_inactive', `${user.name} is deactivated`, { name: user.name });
    }
    const now = this.deps.now();
    if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > now) {
      audit.record({
        user: who,
        action: `${purpose}_failed`,
        outcome: 'failed',
        detail: { why: 'locked' },
      });
      throw lockedError(user.name, Date.parse(user.lockedUntil) - now);
    }
    const hash = staff.pinHash(userId);
    const good = isValidPin(pin) && hash !== null && (await verifyPin(pin, hash));
    if (good) {
      if (user.failedPins > 0) staff.clearFailures(userId);
      return user;
    }
    const lockNow = user.failedPins + 1 >= MAX_PIN_FAILURES;
    const failures = staff.recordFailure(
      userId,
      lockNow ? new Date(now + LOCKOUT_MS).toISOString() : null,
    );
    audit.record({
      user: who,
      action: `${purpose}_failed`,
      outcome: 'failed',
      detail: { why: 'wrong_pin', failures },
    });
    if (lockNow) {
      audit.record({ user: who, action: 'user_locked', outcome: 'failed', detail: { failures } });
      throw lockedError(user.name, LOCKOUT_MS);
    }
    throw new DomainError('pin_wrong', 'Wrong PIN', { remaining: MAX_PIN_FAILURES - failures });
  }

  private changed(): SessionView {
    const view = this.view();
    this.deps.onChange(view);
    return view;
  }
}

const lockedError = (name: string, ms: number): DomainError =>
  new DomainError('user_locked', `${name} is locked`, { name, minutes: Math.ceil(ms / 60_000) });
