import { z } from 'zod';
import { appErrorSchema } from './schemas';

/** Where and when the ledger is backed up, and how long copies are kept. */
export const backupSettingsSchema = z.object({
  /** An absolute folder path (a USB stick, a network share), or none yet. */
  folder: z.string().max(1_000).nullable(),
  /** The local hour of the daily backup, 0 to 23. */
  hour: z.number().int().min(0).max(23),
  keepDays: z.number().int().min(1).max(365),
});

/** What can be wrong with a copy; the screen translates the kind. */
export const backupProblemSchema = z.object({
  kind: z.enum([
    'unreadable',
    'not_a_ledger',
    'integrity',
    'chain',
    'checksum',
    'head',
    'manifest',
  ]),
  detail: z.string(),
});

/** One backup in the folder, as its manifest describes it and as it was last verified. */
export const backupCopySchema = z.object({
  name: z.string(),
  createdAt: z.string().nullable(),
  terminalId: z.string().nullable(),
  merchantId: z.string().nullable(),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
  bytes: z.number().int(),
  verified: z.object({
    ok: z.boolean(),
    at: z.string(),
    problems: z.array(backupProblemSchema),
  }),
  /** Made by this till (its terminal ID). */
  thisTerminal: z.boolean(),
});

export const backupProgressSchema = z.object({
  /** copying: the online backup of the live ledger; writing: onto the folder; verifying: reading it back. */
  phase: z.enum(['copying', 'writing', 'verifying']),
  done: z.number(),
  total: z.number(),
});

export const backupOutcomeSchema = z.object({
  at: z.string(),
  trigger: z.enum(['manual', 'schedule', 'start']),
  ok: z.boolean(),
  /** The backup written, when it was. */
  name: z.string().nullable(),
  error: appErrorSchema.nullable(),
});

export const backupStatusSchema = z.object({
  settings: backupSettingsSchema,
  running: backupProgressSchema.nullable(),
  last: backupOutcomeSchema.nullable(),
  lastSuccessAt: z.string().nullable(),
  /** When the next scheduled backup is due (none without a folder). */
  nextAt: z.string().nullable(),
  terminalId: z.string(),
});

export const restoreOutcomeSchema = z.object({
  ok: z.boolean(),
  name: z.string(),
  /** Where the data the till had before the restore was put (kept, never deleted). */
  asideDir: z.string().nullable(),
  error: appErrorSchema.nullable(),
});
