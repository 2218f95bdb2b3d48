import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { api } from './api';
import { errorText } from './errors';
import { ErrorBanner, TextField } from './fields';
import { useLocale } from './locale';

export function LoginForm(props: {
  notice: string | null;
  needsSetup: boolean;
  onSignedIn: (login: string) => void;
}) {
  const { t } = useLocale();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api.login(login, password);
      props.onSignedIn(me.login);
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card narrow"
      onSubmit={(event) => void submit(event)}
      aria-label={t('login.title')}
    >
      <h2>{t('login.title')}</h2>
      {props.notice !== null && <p className="notice">{props.notice}</p>}
      {props.needsSetup && <p className="notice">{t('setup.needed')}</p>}
      <ErrorBanner text={error === null ? null : errorText(error, t)} />
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
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
