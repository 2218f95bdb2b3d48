import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventBus } from '../kernel/event-bus';
import type { Ledger } from '../kernel/ledger';
import type { Logger } from '../log/logger';
import type { AuthorizationStore } from '../payments/authorization-store';
import type { OfflineAcceptance } from '../payments/offline-acceptance';
import type { RiskGuard } from '../payments/risk-guard';
import type { RiskSettingsStore } from '../payments/risk-settings';
import type { ReportSettingsStore } from '../reports/report-settings';
import type { SaleRepository } from '../sales/sale-repository';
import type { SettingsStore } from '../settings/settings-store';
import type { SessionService } from '../staff/session';
import type { ShiftService } from '../staff/shift-service';
import type { StaffService } from '../staff/staff-service';
import type { TerminalIdentityStore } from '../terminal/terminal-identity';
import type { DeviceService } from '../devices/device-service';
import { CorrectionLedger } from './correction-ledger';
import { CorrectionService } from './correction-service';
import { SettingsPendingStore } from './pending-store';

export interface CorrectionWiring {
  db: Database.Database;
  ledger: Ledger;
  saleRepository: SaleRepository;
  identity: TerminalIdentityStore;
  session: SessionService;
  shifts: ShiftService;
  staff: StaffService;
  /** Offline acceptance over the card authorizer: an offline leg is dropped, not voided. */
  authorizer: OfflineAcceptance;
  authorizations: AuthorizationStore;
  devices: DeviceService;
  risk: RiskGuard;
  riskSettings: RiskSettingsStore;
  reportSettings: ReportSettingsStore;
  settings: SettingsStore;
  bus: EventBus;
  log: Logger;
  now: () => Date;
}

/** Voids and refunds (issue #6) wired to the till's services: who, where, and what follows. */
export function createCorrections(w: CorrectionWiring): CorrectionService {
  return new CorrectionService({
    db: w.db,
    ledger: w.ledger,
    corrections: new CorrectionLedger(w.db),
    sale: (id) => w.saleRepository.get(id),
    saleBySeq: (seq) => w.saleRepository.getBySeq(seq),
    identity: () => w.identity.current(),
    staff: () => {
      const operator = w.session.requireUser();
      return { operator, shiftId: w.shifts.requireOwn(operator).id };
    },
    approveLarge: (saleId) => w.session.authorize('sale.refund', saleId).override ?? null,
    refundLimitMinor: () => w.staff.policy().refundLimitMinor,
    authorizer: w.authorizer,
    authorization: (authId) => w.authorizations.get(authId),
    terminal: () => w.devices.terminalClient(),
    risk: w.risk,
    refundWithinDays: () => w.riskSettings.get().refundWithinDays,
    fees: () => w.reportSettings.get().fees,
    store: new SettingsPendingStore(w.settings),
    onChange: (pending) => w.bus.emit('correction.changed', pending),
    log: w.log,
    now: w.now,
    newId: () => randomUUID(),
  });
}
