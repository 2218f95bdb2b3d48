import { useTranslation } from 'react-i18next';
import type { AppInfo, PrinterStatus, SessionView, SyncStatus } from '@app/api/contract';
import { useCommand } from '../api/useCommand';
import { StorageChip } from '../diagnostics/StorageChip';
import { SyncChip } from '../sync/SyncChip';
import { Navigation } from './Navigation';
import type { Screen } from './screens';

interface Props {
  session: SessionView;
  onSession: (view: SessionView) => void;
  shopName: string;
  info: AppInfo | null;
  sync: SyncStatus | null;
  printer: PrinterStatus | null;
  language: string | null;
  screens: readonly Screen[];
  shown: Screen | undefined;
  onOpen: (screen: Screen) => void;
}

/**
 * The shop and terminal, the screens, the devices' state and the signed-in user's own
 * controls (lock, switch user, language). A refused lock or switch is said in the user's
 * notice area, and the till stays as it was.
 */
export function TopBar({
  session,
  onSession,
  shopName,
  info,
  sync,
  printer,
  language,
  screens,
  shown,
  onOpen,
}: Props) {
  const { t } = useTranslation();
  const lock = useCommand('session.lock');
  const logout = useCommand('session.logout');
  const setLanguage = useCommand('session.setLanguage');
  const signedIn = (call: Promise<SessionView | null>) =>
    void call.then((view) => view && onSession(view));
  return (
    <header className="topbar">
      <div className="brand">
        <strong>{shopName}</strong>
        {info && (
          <span className="muted">
            {sync?.binding?.terminalId ?? info.terminalId} · {sync?.batchNo ?? info.batchNo}
          </span>
        )}
      </div>
      <Navigation screens={screens} shown={shown} onOpen={onOpen} />
      <div className="status">
        {sync && <SyncChip status={sync} onOpen={() => onOpen('sync')} />}
        <StorageChip onOpen={() => onOpen('diagnostics')} />
        {printer && (
          <button
            type="button"
            className={`chip chip-${printer.state}`}
            onClick={() => onOpen('printer')}
            data-testid="printer-chip"
          >
            {t('nav.printer')}: {t(`printer.state.${printer.state}`)}
            {printer.queued > 0 ? ` · ${String(printer.queued)}` : ''}
          </button>
        )}
        {session.user && (
          <span className="chip" data-testid="session-user">
            {session.user.name} · {t(`role.${session.user.role}`)}
          </span>
        )}
        {(
          [
            [lock, 'session.lock', 'session-lock'],
            [logout, 'session.switch', 'session-switch'],
          ] as const
        ).map(([command, label, testId]) => (
          <button
            key={testId}
            type="button"
            className="chip"
            disabled={command.busy}
            onClick={() => signedIn(command.run({}))}
            data-testid={testId}
          >
            {t(label)}
          </button>
        ))}
        <button
          type="button"
          className="chip"
          disabled={setLanguage.busy}
          onClick={() =>
            signedIn(setLanguage.run({ language: language === 'zh-CN' ? 'en' : 'zh-CN' }))
          }
          title={t('session.language')}
          lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
          data-testid="locale-toggle"
        >
          {language === 'zh-CN' ? 'EN' : '中文'}
        </button>
      </div>
    </header>
  );
}
