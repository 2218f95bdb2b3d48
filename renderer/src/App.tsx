import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, PrinterStatus, Settings } from '@app/api/contract';
import { useApi, useEvent } from './api/api-context';
import type { ConnectionState } from './api/websocket-carrier';
import { NoticeProvider, useNotify } from './common/notices';
import { ScreenBoundary } from './common/ScreenBoundary';
import { Navigation } from './nav/Navigation';
import { screensFor } from './nav/screens';
import type { Screen } from './nav/screens';
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
import type { SessionView, ShiftView, SyncStatus } from '@app/api/contract';
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
import { RecoveryScreen } from './backup/RecoveryScreen';

export function App({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation();
  const api = useApi();
  const [screen, setScreen] = useState<Screen>('sell');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [printer, setPrinter] = useState<PrinterStatus | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [shift, setShift] = useState<ShiftView | null>(null);
  const [recovery, setRecovery] = useState(false);
  const active = connection === 'open' && session?.state === 'active';
  const [sync, setSync] = useSyncStatus(active);
  useEvent('session.changed', setSession);
  const screens = screensFor(session?.permissions ?? []);
  const shown: Screen | undefined = screens.includes(screen) ? screen : screens[0];
  useEffect(() => {
    if (connection !== 'open') return;
    void api.invoke('session.status', {}).then((r) => {
      if (r.ok) setSession(r.value);
      // The ledger would not open: the till runs only what an owner needs to restore it.
      else setRecovery(r.error.code === 'ledger_unreadable');
    });
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
    void api.invoke('settings.get', {}).then((r) => r.ok && setSettings(r.value));
  }, [api]);

  useEffect(() => {
    if (connection !== 'open') return;
    loadSettings();
    void api.invoke('app.info', {}).then((r) => r.ok && setInfo(r.value));
  }, [api, connection, loadSettings]);
  useEvent('printer.status', setPrinter);

  // The signed-in person's language, else the shop's; the set-up wizard picks its own.
  const language =
    session?.state === 'setup' ? null : (session?.language ?? settings?.locale ?? null);
  useEffect(() => {
    if (language) void changeLocale(language);
  }, [language]);
  const toggleLocale = () => {
    void api
      .invoke('session.setLanguage', { language: language === 'zh-CN' ? 'en' : 'zh-CN' })
      .then((r) => r.ok && setSession(r.value));
  };

  if (recovery) {
    return (
      <div className="app">
        <RecoveryScreen />
      </div>
    );
  }
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
    // One notice area per signed-in user: what one was told never shows to the next.
    <NoticeProvider key={session?.user?.id ?? 'nobody'}>
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
          <Navigation screens={screens} shown={shown} onOpen={setScreen} />
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
            <button
              type="button"
              className="chip"
              onClick={toggleLocale}
              title={t('session.language')}
              lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
              data-testid="locale-toggle"
            >
              {language === 'zh-CN' ? 'EN' : '中文'}
            </button>
          </div>
        </header>
        {connection !== 'open' && (
          <div className="notice notice-error overlay-banner" role="alert">
            {t('status.connectionLost')}
          </div>
        )}
        <OverrideProvider>
          <main className="content">
            {shown === 'sell' && shift && !shift.open?.own && (
              <div
                className="notice notice-error overlay-banner shift-needed"
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
            {shown && (
              <ScreenBoundary
                key={shown}
                onBack={shown === 'sell' ? undefined : () => setScreen('sell')}
              >
                <ScreenView
                  shown={shown}
                  settings={settings}
                  printer={printer}
                  sync={sync}
                  permissions={session?.permissions ?? []}
                  onOpen={setScreen}
                  onShift={setShift}
                  onSync={setSync}
                  onSettings={setSettings}
                />
              </ScreenBoundary>
            )}
          </main>
        </OverrideProvider>
      </div>
    </NoticeProvider>
  );
}

/** The screen on show, inside the signed-in user's notice area. */
function ScreenView({
  shown,
  settings,
  printer,
  sync,
  permissions,
  onOpen,
  onShift,
  onSync,
  onSettings,
}: {
  shown: Screen;
  settings: Settings | null;
  printer: PrinterStatus | null;
  sync: SyncStatus | null;
  permissions: SessionView['permissions'];
  onOpen: (screen: Screen) => void;
  onShift: (view: ShiftView) => void;
  onSync: (status: SyncStatus) => void;
  onSettings: (settings: Settings) => void;
}) {
  const notify = useNotify();
  if (!settings) return null;
  switch (shown) {
    case 'sell':
      return <SellScreen settings={settings} printer={printer} notify={notify} />;
    case 'shift':
      return <ShiftScreen settings={settings} notify={notify} onChange={onShift} />;
    case 'staff':
      return <StaffScreen settings={settings} notify={notify} />;
    case 'audit':
      return <AuditScreen settings={settings} />;
    case 'history':
      return <HistoryScreen notify={notify} />;
    case 'reports':
      return <ReportsScreen notify={notify} />;
    case 'risk':
      return <RiskScreen currency={settings.currency} notify={notify} />;
    case 'stock':
      return <StockScreen notify={notify} />;
    case 'catalog':
      return <CatalogScreen currency={settings.currency} notify={notify} />;
    case 'printer':
      return <PrinterScreen status={printer} notify={notify} />;
    case 'devices':
      return <DevicesScreen notify={notify} />;
    case 'diagnostics':
      return <DiagnosticsScreen sync={sync} onOpenSync={() => onOpen('sync')} notify={notify} />;
    case 'sync':
      return (
        sync && (
          <SyncScreen status={sync} onStatus={onSync} permissions={permissions} notify={notify} />
        )
      );
    case 'settings':
      return <SettingsScreen settings={settings} onSaved={onSettings} notify={notify} />;
    case 'backup':
      return <BackupScreen notify={notify} />;
  }
}
