import type { OfflineCommandName } from '@app/api/offline-contract';
import { DomainError } from '@app/result';
import type { Handlers } from '../kernel/handlers';
import type { AuditLog } from '../staff/audit-log';
import type { OfflineAcceptance } from './offline-acceptance';
import type { RiskSettingsStore } from './risk-settings';

export interface OfflineHandlerDeps {
  offline: OfflineAcceptance;
  riskSettings: RiskSettingsStore;
  audit: AuditLog;
}

/** The owner's `offline.*` commands: bounds, what waits for the host, the worklist. */
export function offlineHandlers(d: OfflineHandlerDeps): Pick<Handlers, OfflineCommandName> {
  const view = () => d.offline.view(d.riskSettings.get().offline);
  return {
    'offline.get': view,
    'offline.setSettings': (settings, c) => {
      const current = d.riskSettings.get();
      d.riskSettings.set({ ...current, offline: settings });
      d.audit.record({
        user: c.operator,
        action: 'offline_settings',
        detail: { ...settings },
      });
      return view();
    },
    'offline.resolve': ({ authId, note }, c) => {
      if (!c.operator) throw new DomainError('login_required', 'Nobody is signed in');
      const item = d.offline.resolve(authId, c.operator.name, note);
      d.audit.record({
        user: c.operator,
        action: 'offline_resolve',
        object: authId,
        detail: {
          status: item.status,
          cardMasked: item.cardMasked,
          amountMinor: item.amount,
          saleSeq: item.saleSeq,
          note,
        },
      });
      return view();
    },
  };
}
