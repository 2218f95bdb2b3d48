import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '@app/api/contract';
import type { StaffRole } from '@app/ledger/staff-detail';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/useQuery';
import { useErrorText } from '../common/format';
import { PinPad } from './PinPad';

type User = { id: string; name: string; role: StaffRole };

/** Sign in or unlock: choose who you are, then your PIN. The cart waits in main. */
export function LockScreen({
  session,
  onSession,
}: {
  session: SessionView;
  onSession: (view: SessionView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  // A failed read is said in the app's notice area; the list stays empty until it answers.
  const users: User[] = useQuery('session.users', {}).data ?? [];
  const [chosen, setChosen] = useState<string | null>(session.user?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (pin: string) => {
    if (!chosen) return;
    setBusy(true);
    const result = await api.invoke('session.login', { userId: chosen, pin });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    onSession(result.value);
  };

  return (
    <div className="lock-screen" data-testid="lock-screen">
      <h1>
        {session.state === 'locked' && session.user
          ? t('session.locked', { name: session.user.name })
          : t('session.chooseUser')}
      </h1>
      <div className="lock-body">
        <div className="user-list" role="listbox" aria-label={t('session.chooseUser')}>
          {users.map((u) => (
            <button
              key={u.id}
              type="button"
              role="option"
              aria-selected={chosen === u.id}
              className={chosen === u.id ? 'user-choice selected' : 'user-choice'}
              onClick={() => {
                setChosen(u.id);
                setError(null);
              }}
              data-testid={`login-user-${u.name}`}
            >
              <strong>{u.name}</strong>
              <span className="muted">{t(`role.${u.role}`)}</span>
            </button>
          ))}
        </div>
        {chosen && (
          <div className="lock-pin">
            {error && (
              <div className="notice notice-error" role="alert" data-testid="login-error">
                {error}
              </div>
            )}
            <PinPad key={chosen} onSubmit={(pin) => void submit(pin)} busy={busy} testId="login" />
          </div>
        )}
      </div>
    </div>
  );
}
