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
import { PrinterScreen } from './printer/PrinterScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { DevicesScreen } from './devices/DevicesScreen';
import { DiagnosticsScreen } from './diagnostics/DiagnosticsScreen';
import { SyncChip } from './sync/SyncChip';
import { SyncScreen } from './sync/SyncScreen';
import { useSyncStatus } from './sync/useSyncStatus';
import { ReportsScreen } from './reports/ReportsScreen';

type Screen =
  'sell' | 'history' | 'reports' | 'printer' | 'devices' | 'diagnostics' | 'sync' | 'settings';
const SCREENS: Screen[] = [
  'sell',
  'history',
  'reports',
  'printer',
  'devices',
  'diagnostics',
  'sync',
  'settings',
];

export function App({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation();
  const api = useApi();
  const [screen, setScreen] = useState<Screen>('sell');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [printer, setPrinter] = useState<PrinterStatus | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sync, setSync] = useSyncStatus(connection === 'open');
  const notify = useCallback((n: Notice | null) => setNotice(n), []);

  useEffect(() => {
    if (connection !== 'open') return;
    void api.invoke('settings.get', {}).then((r) => {
      if (!r.ok) return;
      setSettings(r.value);
      void changeLocale(r.value.locale);
    });
    void api.invoke('app.info', {}).then((r) => r.ok && setInfo(r.value));
    void api.invoke('printer.status', {}).then((r) => r.ok && setPrinter(r.value));
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
          {SCREENS.map((s) => (
            <button
              key={s}
              type="button"
              className={s === screen ? 'tab active' : 'tab'}
              onClick={() => setScreen(s)}
              data-testid={`nav-${s}`}
            >
              {t(`nav.${s}`)}
            </button>
          ))}
        </nav>
        <div className="status">
          {sync && <SyncChip status={sync} onOpen={() => setScreen('sync')} />}
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
      <main className="content">
        {settings && screen === 'sell' && (
          <SellScreen settings={settings} printer={printer} notify={notify} />
        )}
        {screen === 'history' && <HistoryScreen notify={notify} />}
        {screen === 'reports' && <ReportsScreen notify={notify} />}
        {screen === 'printer' && <PrinterScreen status={printer} notify={notify} />}
        {screen === 'devices' && <DevicesScreen notify={notify} />}
        {screen === 'diagnostics' && (
          <DiagnosticsScreen sync={sync} onOpenSync={() => setScreen('sync')} notify={notify} />
        )}
        {sync && screen === 'sync' && (
          <SyncScreen status={sync} onStatus={setSync} notify={notify} />
        )}
        {settings && screen === 'settings' && (
          <SettingsScreen settings={settings} onSaved={saveSettings} notify={notify} />
        )}
      </main>
    </div>
  );
}
