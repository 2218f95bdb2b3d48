import { join } from 'node:path';
import { createFileLogger } from '../log/logger';
import type { Logger } from '../log/logger';
import type { ServicesFactory } from '../restartable-services';
import { LedgerUnreadableError } from './ledger-unreadable';
import { createRecoveryServices } from './recovery-services';
import type { RecoveryOptions } from './recovery-services';

export interface RecoveryFallback {
  dataDir: string;
  nativeBinding?: string;
  log?: Logger;
  runner?: RecoveryOptions['runner'];
}

/**
 * The hosts' services factory with a way out: a ledger that will not open starts the till in
 * recovery (restore a backup) instead of ending the process with a line in a terminal the
 * cashier never sees. After the restore, the restart builds the real services again.
 */
export function servicesOrRecovery(
  create: ServicesFactory,
  fallback: RecoveryFallback,
): ServicesFactory {
  return (replaceLedger) => {
    try {
      return create(replaceLedger);
    } catch (error) {
      if (!(error instanceof LedgerUnreadableError)) throw error;
      return createRecoveryServices({
        dataDir: fallback.dataDir,
        failure: error,
        log: fallback.log ?? createFileLogger(join(fallback.dataDir, 'logs', 'countertop.log')),
        replaceLedger,
        ...(fallback.runner === undefined ? {} : { runner: fallback.runner }),
        ...(fallback.nativeBinding === undefined ? {} : { nativeBinding: fallback.nativeBinding }),
      });
    }
  };
}
