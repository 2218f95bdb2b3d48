import type { OperatorRef, StaffRole } from '@app/ledger/staff-detail';
import { defaultStaffPolicy } from '@app/staff/policy';
import type { StaffPolicy } from '@app/staff/policy';
import { isValidPin } from '@app/staff/pin';
import { DomainError } from '@app/result';
import type { Settings } from '@app/api/contract';
import { staffPolicySchema } from '@app/api/staff-schemas';
import type { SettingsStore } from '../settings/settings-store';
import type { AuditLog } from './audit-log';
import { hashPin } from './pin-hash';
import type { ScryptCost } from './pin-hash';
import { operatorOf } from './staff-store';
import type { StaffStore, StaffUser } from './staff-store';

const POLICY_KEY = 'staff.policy';
/** A stored policy may predate a rule: what it lacks takes the default. */
const storedPolicySchema = staffPolicySchema.partial();

export interface SetupInput {
  ownerName: string;
  pin: string;
  settings: Partial<Settings>;
}

/** Users, their PINs and the owner's staff rules; every change is audited. */
export class StaffService {
  /** Read on every command (the idle lock): parsed once, replaced by `setPolicy`. */
  private cachedPolicy: StaffPolicy | null = null;

  constructor(
    private readonly deps: {
      staff: StaffStore;
      settings: SettingsStore;
      audit: AuditLog;
      now: () => Date;
      scryptCost?: ScryptCost;
    },
  ) {}

  policy(): StaffPolicy {
    if (this.cachedPolicy) return this.cachedPolicy;
    const parsed = storedPolicySchema.safeParse(this.deps.settings.getValue(POLICY_KEY));
    this.cachedPolicy = { ...defaultStaffPolicy, ...(parsed.success ? parsed.data : {}) };
    return this.cachedPolicy;
  }

  setPolicy(by: OperatorRef | null, patch: Partial<StaffPolicy>): StaffPolicy {
    const next = staffPolicySchema.parse({ ...this.policy(), ...patch });
    this.deps.settings.setValue(POLICY_KEY, next);
    this.cachedPolicy = next;
    this.deps.audit.record({ user: by, action: 'policy_change', detail: { ...next } });
    return next;
  }

  /** First start only: the owner and the shop. Refused once an owner exists. */
  async setup(input: SetupInput): Promise<StaffUser> {
    if (this.deps.staff.hasActiveOwner()) {
      throw new DomainError('setup_done', 'The shop is already set up');
    }
    const hash = await this.hash(input.pin);
    // Checked again after the slow hash: two wizards submitting at once make one owner.
    if (this.deps.staff.hasActiveOwner()) {
      throw new DomainError('setup_done', 'The shop is already set up');
    }
    const owner = this.deps.staff.add(
      input.ownerName,
      'owner',
      hash,
      this.deps.now().toISOString(),
    );
    this.deps.settings.update(input.settings);
    this.deps.audit.record({
      user: operatorOf(owner),
      action: 'setup',
      object: owner.id,
      detail: { keys: Object.keys(input.settings).join(',') },
    });
    return owner;
  }

  list(): StaffUser[] {
    return this.deps.staff.list();
  }

  async add(
    by: OperatorRef | null,
    name: string,
    role: StaffRole,
    pin: string,
  ): Promise<StaffUser> {
    const user = this.deps.staff.add(
      name.trim(),
      role,
      await this.hash(pin),
      this.deps.now().toISOString(),
    );
    this.deps.audit.record({
      user: by,
      action: 'staff_add',
      object: user.id,
      detail: { name: user.name, role },
    });
    return user;
  }

  update(
    by: OperatorRef | null,
    userId: string,
    patch: { role?: StaffRole; active?: boolean },
  ): StaffUser {
    this.deps.staff.update(userId, patch);
    const user = this.get(userId);
    this.deps.audit.record({
      user: by,
      action: 'staff_update',
      object: userId,
      detail: { name: user.name, role: user.role, active: user.active },
    });
    return user;
  }

  async resetPin(by: OperatorRef | null, userId: string, pin: string): Promise<StaffUser> {
    const hash = await this.hash(pin);
    this.deps.staff.update(userId, { pinHash: hash });
    const user = this.get(userId);
    this.deps.audit.record({
      user: by,
      action: 'staff_pin_reset',
      object: userId,
      detail: { name: user.name },
    });
    return user;
  }

  unlock(by: OperatorRef | null, userId: string): StaffUser {
    this.get(userId);
    this.deps.staff.clearFailures(userId);
    const user = this.get(userId);
    this.deps.audit.record({
      user: by,
      action: 'staff_unlock',
      object: userId,
      detail: { name: user.name },
    });
    return user;
  }

  private get(userId: string): StaffUser {
    const user = this.deps.staff.get(userId);
    if (!user) throw new DomainError('user_not_found', `No user ${userId}`);
    return user;
  }

  private hash(pin: string): Promise<string> {
    if (!isValidPin(pin)) throw new DomainError('pin_invalid', 'A PIN is 4 to 8 digits');
    return hashPin(pin, this.deps.scryptCost);
  }
}
