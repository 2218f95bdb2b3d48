import type { RecoveryCommandName } from '@app/api/recovery-contract';
import { DomainError } from '@app/result';
import type { Handlers } from '../kernel/handlers';

const notInRecovery = (): never => {
  throw new DomainError('not_in_recovery', 'The ledger can be read: use the Backup screen');
};

/** On a till whose ledger opens, the recovery commands refuse: restores go through backup.*. */
export const recoveryRefusals: Pick<Handlers, RecoveryCommandName> = {
  'recovery.status': notInRecovery,
  'recovery.list': notInRecovery,
  'recovery.restore': notInRecovery,
};
