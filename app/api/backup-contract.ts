import { z } from 'zod';
import { command } from './command';
import {
  backupCopySchema,
  backupSettingsSchema,
  backupStatusSchema,
  restoreOutcomeSchema,
} from './backup-schemas';

const none = z.strictObject({});
const backupName = z.string().min(1).max(200);

/** Backup and restore of the ledger (issue #14); part of contract.ts's commands. */
export const backupCommands = {
  'backup.status': command(
    'The backup folder, schedule and retention, the backup running (with its progress) and the last outcome.',
    none,
    backupStatusSchema,
  ),
  'backup.configure': command(
    'Sets the backup folder (it must exist and be writable), the daily hour and how many days copies are kept.',
    backupSettingsSchema.extend({ folder: z.string().min(1).max(1_000) }).strict(),
    backupStatusSchema,
  ),
  'backup.run': command(
    'Backs the ledger up now (online backup; selling goes on), verifies the copy and prunes old ones; ' +
      'answers when it is done, progress arrives as backup.changed events.',
    none,
    backupStatusSchema,
  ),
  'backup.list': command(
    'The backups in the folder, newest first, each with its manifest and verification result.',
    none,
    z.array(backupCopySchema),
  ),
  'backup.check': command(
    'Verifies one backup again as it is in the folder: integrity, hash chain, checksum and manifest.',
    z.strictObject({ name: backupName }),
    backupCopySchema,
  ),
  'backup.restore': command(
    'Restores a backup after checking it: the current data is moved aside (kept), the copy is ' +
      "swapped in and the till's services restart. A copy from another terminal needs its " +
      'terminal ID typed as confirmation.',
    z.strictObject({ name: backupName, confirmTerminalId: z.string().max(32).optional() }),
    restoreOutcomeSchema,
  ),
} as const;

export const backupEvents = {
  'backup.changed': {
    summary: 'A backup started, made progress, finished or failed, or its settings changed.',
    payload: backupStatusSchema,
  },
  'backup.restored': {
    summary: 'A restore finished (the services run on the restored ledger) or was undone.',
    payload: restoreOutcomeSchema,
  },
} as const;

export type BackupCommandName = keyof typeof backupCommands;
