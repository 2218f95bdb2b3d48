import { z } from 'zod';
import {
  auditRecordSchema,
  permissionSchema,
  pinSchema,
  sessionViewSchema,
  setupSchema,
  shiftCloseSchema,
  shiftViewSchema,
  staffPolicySchema,
  staffRoleSchema,
  staffUserSchema,
  operatorSchema,
} from './staff-schemas';

const none = z.strictObject({});
const userId = z.string().min(1).max(64);
const amount = z.strictObject({
  amountMinor: z.number().int(),
  reason: z.string().max(120),
});

/** Staff, sessions, the audit log and shifts (issue #5); part of contract.ts's commands. */
export const staffCommands = {
  'session.status': {
    summary: 'Who is signed in, whether the till is locked, and what they may do.',
    input: none,
    output: sessionViewSchema,
  },
  'session.users': {
    summary: 'Active users to choose from on the lock screen (names and roles only).',
    input: none,
    output: z.array(operatorSchema),
  },
  'session.login': {
    summary:
      'Signs in (or unlocks) with a user and PIN; 5 wrong PINs lock the user for 30 minutes.',
    input: z.strictObject({ userId, pin: z.string().max(8) }),
    output: sessionViewSchema,
  },
  'session.lock': {
    summary: 'Locks the till; the cart and the shift wait for the next PIN.',
    input: none,
    output: sessionViewSchema,
  },
  'session.logout': { summary: 'Signs out.', input: none, output: sessionViewSchema },
  'session.override': {
    summary: 'Someone allowed enters their PIN: one action needing the permission is unlocked.',
    input: z.strictObject({
      approverId: userId,
      pin: z.string().max(8),
      permission: permissionSchema,
    }),
    output: z.object({}),
  },
  'setup.complete': {
    summary: 'First start: creates the owner and the shop settings, and signs the owner in.',
    input: setupSchema,
    output: sessionViewSchema,
  },
  'staff.list': { summary: 'Every user (owner).', input: none, output: z.array(staffUserSchema) },
  'staff.add': {
    summary: 'Adds a user with a role and a PIN (owner).',
    input: z.strictObject({
      name: z.string().trim().min(1).max(40),
      role: staffRoleSchema,
      pin: pinSchema,
    }),
    output: staffUserSchema,
  },
  'staff.update': {
    summary: 'Changes a role, or deactivates or reactivates a user (owner).',
    input: z.strictObject({
      userId,
      role: staffRoleSchema.optional(),
      active: z.boolean().optional(),
    }),
    output: staffUserSchema,
  },
  'staff.resetPin': {
    summary: 'Sets a new PIN for a user and clears their lockout (owner).',
    input: z.strictObject({ userId, pin: pinSchema }),
    output: staffUserSchema,
  },
  'staff.unlock': {
    summary: 'Lifts a lockout after wrong PINs (owner).',
    input: z.strictObject({ userId }),
    output: staffUserSchema,
  },
  'staff.policy': {
    summary: 'Discount limit, idle lock minutes, cash tolerance.',
    input: none,
    output: staffPolicySchema,
  },
  'staff.setPolicy': {
    summary: 'Changes the staff rules (owner).',
    input: staffPolicySchema.partial().strict(),
    output: staffPolicySchema,
  },
  'audit.list': {
    summary: 'The audit log, newest first (owner).',
    input: z.strictObject({
      limit: z.number().int().min(1).max(500),
      beforeId: z.number().int().optional(),
    }),
    output: z.array(auditRecordSchema),
  },
  'shift.current': {
    summary: 'The open shift, and its running totals for its own cashier.',
    input: none,
    output: shiftViewSchema,
  },
  'shift.open': {
    summary: 'Opens a shift with the counted float.',
    input: z.strictObject({ floatMinor: z.number().int() }),
    output: shiftViewSchema,
  },
  'shift.payIn': {
    summary: 'Cash into the drawer, with a reason.',
    input: amount,
    output: shiftViewSchema,
  },
  'shift.payOut': {
    summary: 'Cash out of the drawer, with a reason; never more than the drawer holds.',
    input: amount,
    output: shiftViewSchema,
  },
  'shift.drop': {
    summary: 'Cash from the drawer to the safe.',
    input: amount,
    output: shiftViewSchema,
  },
  'shift.close': {
    summary:
      'Closes the shift on a blind count by denomination; answers expected vs counted. Beyond ' +
      'the tolerance an owner approves first (session.override).',
    input: z.strictObject({
      denominations: z.record(z.string().regex(/^\d{1,7}$/), z.number().int()),
      counted: z
        .strictObject({
          card: z.number().int().optional(),
          qr: z.number().int().optional(),
          other: z.number().int().optional(),
        })
        .default({}),
    }),
    output: shiftCloseSchema,
  },
} as const;

export const staffEvents = {
  'session.changed': {
    summary: 'Signed in, locked (also when idle) or signed out.',
    payload: sessionViewSchema,
  },
  'shift.changed': {
    summary:
      'A shift opened or closed (the Electron app keeps the screen awake while one is open).',
    payload: z.object({ open: z.boolean() }),
  },
} as const;

/** The staff commands' names: their handlers live in main/staff/staff-handlers.ts. */
export type StaffCommandName = keyof typeof staffCommands;
