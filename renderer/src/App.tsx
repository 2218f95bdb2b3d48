import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AppInfo,
  PrinterStatus,
  SessionView,
  Settings,
  ShiftView,
  SyncStatus,
} from '@app/api/contract';
import { useEvent } from './api/api-context';
import type { ConnectionState } from './api/websocket-carrier';
import { useQuery } from './api/useQuery';
import { NoticeProvider, useNotify } from './common/notices';
import { ScreenBoundary } from './common/ScreenBoundary';
import { screensFor } from './nav/screens';
import type { Screen } from './nav/screens';
import { TopBar } from './nav/TopBar';
import { useLanguage } from './nav/useLanguage';
import { SellScreen } from './sell/SellScreen';
import { HistoryScreen } from './history/HistoryScreen';
import { CatalogScreen } from './catalog/CatalogScreen';
import { PrinterScreen } from './printer/PrinterScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { DevicesScreen } from './devices/DevicesScreen';
import { DiagnosticsScreen } from './diagnostics/DiagnosticsScreen';
import { SyncScreen } from './sync/SyncScreen';
import { useSyncStatus } from './sync/useSyncStatus';
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

/**
 * The till's window. What fails before anyone is signed in (the session, the settings) is
 * said in the app's own notice area; each signed-in user then has one of their own.
 */
export function App({ connection }: { connection: ConnectionState }) {
  return (
    <NoticeProvider>
      <Shell connection={connection} />
    </NoticeProvider>
  );
}

function Shell({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation();
  const open = connection === 'open';
  const session = useQuery('session.status', open ? {} : null);
  // Asked once the session answered: a till in recovery has no settings to give.
  const ready = open && session.data !== null;
  const settings = useQuery('settings.get', ready ? {} : null);
  const info = useQuery('app.info', ready ? {} : null);
  useEvent('session.changed', session.set);
  // Kept across a lock, so the cashier comes back to the screen they left.
  const [screen, setScreen] = useState<Screen>('sell');
  const language = useLanguage(session.data, settings.data);
  const lost = !open && (
    <div className="notice notice-error overlay-banner" role="alert">
      {t('status.connectionLost')}
    </div>
  );

  // The ledger would not open: the till runs only what an owner needs to restore it.
  if (session.error?.code === 'ledger_unreadable') {
    return (
      <div className="app">
        <RecoveryScreen />
      </div>
    );
  }
  // Until main has said who is signed in: a neutral frame, not an empty bar of controls.
  if (!session.data || !settings.data) {
    return (
      <div className="app">
        <header className="topbar" data-testid="topbar-loading" aria-busy="true">
          <div className="brand">
            <strong>{settings.data?.shopName ?? t('app.title')}</strong>
            <span className="muted">{t('app.loading')}</span>
          </div>
        </header>
        {lost}
      </div>
    );
  }
  // First start, or nobody signed in / the till locked: the wizard or the PIN pad, nothing else.
  if (session.data.state !== 'active') {
    return (
      <div className="app">
        {lost}
        {session.data.state === 'setup' ? (
          <SetupWizard
            settings={settings.data}
            onDone={(view) => {
              session.set(view);
              settings.refresh();
            }}
          />
        ) : (
          <LockScreen session={session.data} onSession={session.set} />
        )}
      </div>
    );
  }
  return (
    // One notice area per signed-in user: what one was told never shows to the next.
    <NoticeProvider key={session.data.user?.id ?? 'nobody'}>
      <Workspace
        session={session.data}
        onSession={session.set}
        settings={settings.data}
        onSettings={settings.set}
        info={info.data}
        language={language}
        screen={screen}
        onOpen={setScreen}
        open={open}
        lost={lost}
      />
    </NoticeProvider>
  );
}

/** The signed-in user's till: the top bar and the screen they have open. */
function Workspace({
  session,
  onSession,
  settings,
  onSettings,
  info,
  language,
  screen,
  onOpen,
  open,
  lost,
}: {
  session: SessionView;
  onSession: (view: SessionView) => void;
  settings: Settings;
  onSettings: (settings: Settings) => void;
  info: AppInfo | null;
  language: string | null;
  screen: Screen;
  onOpen: (screen: Screen) => void;
  /** Connected: asked again after the connection comes back. */
  open: boolean;
  lost: ReactNode;
}) {
  const { t } = useTranslation();
  const printer = useQuery('printer.status', open ? {} : null);
  useEvent('printer.status', printer.set);
  const shift = useQuery('shift.current', open ? {} : null, ['sale.committed']);
  const [sync, setSync] = useSyncStatus(open);
  const screens = screensFor(session.permissions);
  const shown: Screen | undefined = screens.includes(screen) ? screen : screens[0];
  return (
    <div className="app">
      <TopBar
        session={session}
        onSession={onSession}
        shopName={settings.shopName}
        info={info}
        sync={sync}
        printer={printer.data}
        language={language}
        screens={screens}
        shown={shown}
        onOpen={onOpen}
      />
      {lost}
      <OverrideProvider>
        <main className="content">
          {shown === 'sell' && shift.data && !shift.data.open?.own && (
            <div
              className="notice notice-error overlay-banner shift-needed"
              role="alert"
              data-testid="shift-needed"
            >
              {shift.data.open
                ? t('shift.otherOpen', { name: shift.data.open.operatorName })
                : t('shift.needed')}
              <button
                type="button"
                className="primary"
                onClick={() => onOpen('shift')}
                data-testid="go-open-shift"
              >
                {t('shift.goOpen')}
              </button>
            </div>
          )}
          {shown && (
            <ScreenBoundary
              key={shown}
              onBack={shown === 'sell' ? undefined : () => onOpen('sell')}
            >
              <ScreenView
                shown={shown}
                settings={settings}
                printer={printer.data}
                sync={sync}
                permissions={session.permissions}
                onOpen={onOpen}
                onShift={shift.set}
                onSync={setSync}
                onSettings={onSettings}
              />
            </ScreenBoundary>
          )}
        </main>
      </OverrideProvider>
    </div>
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
  settings: Settings;
  printer: PrinterStatus | null;
  sync: SyncStatus | null;
  permissions: SessionView['permissions'];
  onOpen: (screen: Screen) => void;
  onShift: (view: ShiftView) => void;
  onSync: (status: SyncStatus) => void;
  onSettings: (settings: Settings) => void;
}) {
  const notify = useNotify();
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
