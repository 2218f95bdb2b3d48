import type { BackupCommandName } from '@app/api/backup-contract';
import type { Handlers } from '../kernel/handlers';
import type { BackupService } from './backup-service';

export interface BackupHandlerDeps {
  backup: BackupService;
}

/** The backup commands, each one call into the backup service. */
export const backupHandlers = (d: BackupHandlerDeps): Pick<Handlers, BackupCommandName> => ({
  'backup.status': () => d.backup.status(),
  'backup.configure': (input) => d.backup.configure(input),
  'backup.run': () => d.backup.run('manual'),
  'backup.list': () => d.backup.list(),
  'backup.check': ({ name }) => d.backup.check(name),
  'backup.restore': ({ name, confirmTerminalId }) => d.backup.restore(name, confirmTerminalId),
});
