import type { CommandName } from '@app/api/names';
import type { CommandGuard } from '../kernel/handlers';
import type { AuditLog } from './audit-log';
import { commandAccess } from './command-access';
import type { SessionService } from './session';

/**
 * Commands audited by the guard itself. Staff, shift, drawer and settings commands are
 * audited by their services or handlers, with their details; reading commands are not.
 */
const audited: ReadonlySet<CommandName> = new Set<CommandName>([
  'printer.configure',
  'printer.drawerSettings',
  'printer.simulateOffline',
  'sync.bind',
  'sync.unbind',
  'sync.now',
  'sync.clearAlarm',
  'sync.closeBatch',
  'devices.configure',
  'diagnostics.exportBundle',
  'diagnostics.serialOpen',
  'diagnostics.serialSend',
  'staff.setPolicy',
  'backup.configure',
  'backup.run',
  // Not 'backup.restore': its audit row would land in the ledger being replaced (perhaps a
  // damaged one); the log records every restore.
]);

/** The dispatcher's check: every command passes its entry of the command-access map. */
export function createCommandGuard(session: SessionService, audit: AuditLog): CommandGuard {
  return {
    before(command) {
      const access = commandAccess[command];
      if (access === 'public')
        return { operator: session.view().state === 'active' ? session.view().user : null };
      if (access === 'login') return { operator: session.requireUser() };
      return session.authorize(access, command);
    },
    after(command, context, failed) {
      if (!audited.has(command)) return;
      audit.record({
        user: context.operator,
        action: command,
        outcome: failed === null ? 'ok' : 'failed',
        detail: {
          ...(failed === null ? {} : { error: failed }),
          ...(context.override ? { overrideBy: context.override.by.name } : {}),
        },
      });
    },
  };
}
