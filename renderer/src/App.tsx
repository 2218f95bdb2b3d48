import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, PrinterStatus, Settings } from '@app/api/contract';
import { useApi, useEvent } from './api/api-context';
import type { ConnectionState } from './api/websocket-carrier';
import { NoticeBanner } from './common/ErrorBanner';
import type { Notice } from './common/ErrorBanner';
import { changeLocale } from './i18n';
import { SellScreen } from './sell/SellScreen';
import { HistoryScreen } from './history/HistoryScreen';
import { CatalogScreen } from './catalog/CatalogScreen';
import { PrinterScreen } from './printer/PrinterScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { DevicesScreen } from './devices/DevicesScreen';
import { DiagnosticsScreen } from './diagnostics/DiagnosticsScreen';
import { SyncChip } from './sync/SyncChip';
import { StorageChip } from './diagnostics/StorageChip';
import { SyncScreen } from './sync/SyncScreen';
import { useSyncStatus } from './sync/useSyncStatus';
import type { SessionView, ShiftView } from '@app/api/contract';
import type { Permission } from '@app/staff/permissions';
import { LockScreen } from './staff/LockScreen';
import { SetupWizard } from './staff/SetupWizard';
import { OverrideProvider } from './staff/OverrideProvider';
import { ShiftScreen } from './staff/ShiftScreen';
import { StaffScreen } from './staff/StaffScreen';
import { AuditScreen } from './staff/AuditScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { RiskScreen } from './payments/RiskScreen';
import { StockScreen } from './stock/StockScreen';
import { BackupScreen } from './backup/BackupScreen';

type Screen =
  | 'sell'
  | 'shift'
  | 'history'
  | 'catalog'
  | 'reports'
  | 'risk'
  | 'printer'
  | 'devices'
  | 'diagnostics'
  | 'sync'
  | 'settings'
  | 'staff'
  | 'audit'
  | 'stock'
  | 'backup';
const SCREENS: Screen[] = [
  'sell',
  'shift',
  'history',
  'catalog',
  'reports',
  'risk',
  'printer',
  'devices',
  'diagnostics',
  'sync',
  'settings',
  'staff',
  'audit',
  'stock',
  'backup',
];
/** Tabs a role may not use are hidden; main refuses their commands anyway. */
const screenNeeds: Record<Screen, readonly Permission[]> = {
  sell: ['sale.sell'],
  shift: ['sale.sell'],
  history: ['sale.history'],
  catalog: ['catalog.manage'],
  reports: ['reports.view'],
  risk: ['settings.change'],
  // Cashiers retry, skip or reroute held receipts; setting the printer up stays guarded in main.
  printer: ['sale.sell', 'devices.manage'],
  devices: ['devices.manage'],
  diagnostics: ['diagnostics.run'],
  sync: ['sync.operate', 'sync.bind'],
  settings: ['settings.change'],
  staff: ['staff.manage'],
  audit: ['audit.view'],
  stock: ['catalog.manage'],
  backup: ['data.backup'],
};

export function App({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation();
  const api = useApi();
  const [screen, setScreen] = useState<Screen>('sell');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [printer, setPrinter] = useState<PrinterStatus | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [shift, setShift] = useState<ShiftView | null>(null);
  const active = connection === 'open' && session?.state === 'active';
  const [sync, setSync] = useSyncStatus(active);
  const notify = useCallback((n: Notice | null) => setNotice(n), []);
  useEvent('session.changed', setSession);
  const screens = SCREENS.filter((s) =>
    screenNeeds[s].some((p) => session?.permissions.includes(p)),
  );
  const shown: Screen | undefined = screens.includes(screen) ? screen : screens[0];
  useEffect(() => {
    if (connection !== 'open') return;
    void api.invoke('session.status', {}).then((r) => r.ok && setSession(r.value));
  }, [api, connection]);
  useEffect(() => {
    if (!active) return;
    void api.invoke('printer.status', {}).then((r) => r.ok && setPrinter(r.value));
    void api.invoke('shift.current', {}).then((r) => r.ok && setShift(r.value));
  }, [api, active, session?.user?.id]);
  useEvent('sale.committed', () => {
    void api.invoke('shift.current', {}).then((r) => r.ok && setShift(r.value));
  });
  const loadSettings = useCallback(() => {
    void api.invoke('settings.get', {}).then((r) => {
      if (!r.ok) return;
      setSettings(r.value);
      void changeLocale(r.value.locale);
    });
  }, [api]);

  useEffect(() => {
    if (connection !== 'open') return;
    void api.invoke('settings.get', {}).then((r) => {
      if (!r.ok) return;
      setSettings(r.value);
      void changeLocale(r.value.locale);
    });
    void api.invoke('app.info', {}).then((r) => r.ok && setInfo(r.value));
  }, [api, connection]);
  useEvent('printer.status', setPrinter);

  const saveSettings = (next: Settings) => {
    setSettings(next);
    void changeLocale(next.locale);
  };
  const toggleLocale = () => {
    if (!settings) return;
    void api
      .invoke('settings.update', { locale: settings.locale === 'zh-CN' ? 'en' : 'zh-CN' })
      .then((r) => r.ok && saveSettings(r.value));
  };

  // First start, or nobody signed in / the till locked: the wizard or the PIN pad, nothing else.
  if (session && session.state !== 'active') {
    return (
      <div className="app">
        {connection !== 'open' && (
          <div className="notice notice-error" role="alert">
            {t('status.connectionLost')}
          </div>
        )}
        {session.state === 'setup' ? (
          settings && (
            <SetupWizard
              settings={settings}
              onDone={(view) => {
                setSession(view);
                loadSettings();
              }}
            />
          )
        ) : (
          <LockScreen session={session} onSession={setSession} />
        )}
      </div>
    );
  }

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <strong>{settings?.shopName ?? t('app.title')}</strong>
          {info && (
            <span className="muted">
              {sync?.binding?.terminalId ?? info.terminalId} · {sync?.batchNo ?? info.batchNo}
            </span>
          )}
        </div>
        <nav className="tabs">
          {screens.map((s) => (
            <button
              key={s}
              type="button"
              className={s === shown ? 'tab active' : 'tab'}
              onClick={() => setScreen(s)}
              data-testid={`nav-${s}`}
            >
              {t(`nav.${s}`)}
            </button>
          ))}
        </nav>
        <div className="status">
          {sync && <SyncChip status={sync} onOpen={() => setScreen('sync')} />}
          <StorageChip onOpen={() => setScreen('diagnostics')} />
          {printer && (
            <button
              type="button"
              className={`chip chip-${printer.state}`}
              onClick={() => setScreen('printer')}
              data-testid="printer-chip"
            >
              {t('nav.printer')}: {t(`printer.state.${printer.state}`)}
              {printer.queued > 0 ? ` · ${String(printer.queued)}` : ''}
            </button>
          )}
          {session?.user && (
            <span className="chip" data-testid="session-user">
              {session.user.name} · {t(`role.${session.user.role}`)}
            </span>
          )}
          <button
            type="button"
            className="chip"
            onClick={() =>
              void api.invoke('session.lock', {}).then((r) => r.ok && setSession(r.value))
            }
            data-testid="session-lock"
          >
            {t('session.lock')}
          </button>
          <button
            type="button"
            className="chip"
            onClick={() =>
              void api.invoke('session.logout', {}).then((r) => r.ok && setSession(r.value))
            }
            data-testid="session-switch"
          >
            {t('session.switch')}
          </button>
          <button type="button" className="chip" onClick={toggleLocale} data-testid="locale-toggle">
            {settings?.locale === 'zh-CN' ? 'EN' : '中文'}
          </button>
        </div>
      </header>
      {connection !== 'open' && (
        <div className="notice notice-error" role="alert">
          {t('status.connectionLost')}
        </div>
      )}
      <NoticeBanner notice={notice} onClose={() => setNotice(null)} />
      <OverrideProvider>
        <main className="content">
          {shown === 'sell' && shift && !shift.open?.own && (
            <div
              className="notice notice-error shift-needed"
              role="alert"
              data-testid="shift-needed"
            >
              {shift.open
                ? t('shift.otherOpen', { name: shift.open.operatorName })
                : t('shift.needed')}
              <button
                type="button"
                className="primary"
                onClick={() => setScreen('shift')}
                data-testid="go-open-shift"
              >
                {t('shift.goOpen')}
              </button>
            </div>
          )}
          {settings && shown === 'sell' && (
            <SellScreen settings={settings} printer={printer} notify={notify} />
          )}
          {settings && shown === 'shift' && (
            <ShiftScreen settings={settings} notify={notify} onChange={setShift} />
          )}
          {settings && shown === 'staff' && <StaffScreen settings={settings} notify={notify} />}
          {settings && shown === 'audit' && <AuditScreen settings={settings} />}
          {shown === 'history' && <HistoryScreen notify={notify} />}
          {shown === 'reports' && <ReportsScreen notify={notify} />}
          {settings && shown === 'risk' && (
            <RiskScreen currency={settings.currency} notify={notify} />
          )}
          {shown === 'stock' && <StockScreen notify={notify} />}
          {shown === 'backup' && <BackupScreen notify={notify} />}
          {settings && shown === 'catalog' && (
            <CatalogScreen currency={settings.currency} notify={notify} />
          )}
          {shown === 'printer' && <PrinterScreen status={printer} notify={notify} />}
          {shown === 'devices' && <DevicesScreen notify={notify} />}
          {shown === 'diagnostics' && (
            <DiagnosticsScreen sync={sync} onOpenSync={() => setScreen('sync')} notify={notify} />
          )}
          {sync && shown === 'sync' && (
            <SyncScreen status={sync} onStatus={setSync} notify={notify} />
          )}
          {settings && shown === 'settings' && (
            <SettingsScreen settings={settings} onSaved={saveSettings} notify={notify} />
          )}
        </main>
      </OverrideProvider>
    </div>
  );
}
