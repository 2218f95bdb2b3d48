import { z } from 'zod';
import { command } from './command';
import { backupCopySchema, restoreOutcomeSchema } from './backup-schemas';

const folder = z.string().min(1).max(1_000);

export const recoveryStatusSchema = z.object({
  /** Why the ledger would not open, as SQLite said it. */
  problem: z.string(),
  dataDir: z.string(),
  /** The backup folder last configured, when the till noted one outside the ledger. */
  folder: z.string().nullable(),
});

/**
 * Recovery (issue #14): when the ledger is too damaged to open, the till starts with only
 * these commands, so an owner can restore a backup without signing in to a ledger that
 * cannot be read. Every other command answers `ledger_unreadable`; on a healthy till these
 * answer `not_in_recovery`.
 */
export const recoveryCommands = {
  'recovery.status': command(
    'Why the ledger cannot be opened, the data folder, and the backup folder last used.',
    z.strictObject({}),
    recoveryStatusSchema,
  ),
  'recovery.list': command(
    'The backups in a folder, newest first, each with its manifest (not yet verified).',
    z.strictObject({ folder }),
    z.array(backupCopySchema),
  ),
  'recovery.restore': command(
    'Checks a backup (integrity, hash chain, manifest), checks the PIN against an owner in that ' +
      'copy, moves the damaged data aside (kept) and starts the till on the copy.',
    z.strictObject({
      folder,
      name: z.string().min(1).max(200),
      ownerPin: z.string().min(4).max(12),
    }),
    restoreOutcomeSchema,
  ),
} as const;

export type RecoveryStatus = z.output<typeof recoveryStatusSchema>;
export type RecoveryCommandName = keyof typeof recoveryCommands;
