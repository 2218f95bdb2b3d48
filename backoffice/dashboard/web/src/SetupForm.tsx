import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { api } from './api';
import { errorText } from './errors';
import { ErrorBanner, TextField } from './fields';
import { useLocale } from './locale';

const MIN_PASSWORD_LENGTH = 8;

export function SetupForm(props: { token: string; onDone: (login: string) => void }) {
  const { t } = useLocale();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return setError(t('errors.password_too_short'));
    if (password !== confirm) return setError(t('errors.password_mismatch'));
    setBusy(true);
    setError(null);
    try {
      const me = await api.setup(props.token, login, password);
      props.onDone(me.login);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card narrow"
      onSubmit={(event) => void submit(event)}
      aria-label={t('setup.title')}
    >
      <h2>{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <ErrorBanner text={error} />
      <TextField
        name="login"
        label={t('login.login')}
        autoComplete="username"
        value={login}
        onChange={setLogin}
        autoFocus
      />
      <TextField
        name="password"
        label={t('login.password')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
      />
      <TextField
        name="confirm"
        label={t('setup.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
