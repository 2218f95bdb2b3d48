import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Locale } from '@app/i18n/messages';
import { api } from './api';
import { Dashboard } from './Dashboard';
import { errorText, isSignedOut } from './errors';
import { ErrorBanner } from './fields';
import { LoginForm } from './LoginForm';
import { SetupForm } from './SetupForm';
import { LocaleContext, initialLocale, saveLocale } from './locale';
import { translator } from './messages';
import type { DashboardKey } from './messages';

type Phase =
  | { name: 'loading' }
  | { name: 'setup'; token: string }
  | { name: 'login'; notice: Notice | null; needsSetup: boolean }
  | { name: 'dashboard'; login: string }
  | { name: 'unreachable'; error: unknown };

/** A message for the sign-in page, translated when shown (the language may change). */
interface Notice {
  key: DashboardKey;
  params?: Record<string, string>;
}

const setupToken = (): string | null => /[#&]setup=([\w-]+)/.exec(location.hash)?.[1] ?? null;

/** The dashboard when a session cookie is valid, else the sign-in page. */
async function firstPhase(): Promise<Phase> {
  try {
    const me = await api.me();
    return { name: 'dashboard', login: me.login };
  } catch (error) {
    if (!isSignedOut(error)) {
      return { name: 'unreachable', error };
    }
    const { needsSetup } = await api.setupStatus().catch(() => ({ needsSetup: false }));
    return { name: 'login', notice: null, needsSetup };
  }
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const t = useMemo(() => translator(locale), [locale]);
  const setLocale = useCallback((next: Locale) => {
    saveLocale(next);
    setLocaleState(next);
  }, []);
  const [phase, setPhase] = useState<Phase>(() => {
    const token = setupToken();
    return token === null ? { name: 'loading' } : { name: 'setup', token };
  });
  const [attempt, setAttempt] = useState(0);
  // Stable, so the dashboard does not load again when the language changes.
  const signedOut = useCallback((expired: boolean) => {
    setPhase({
      name: 'login',
      notice: expired ? { key: 'errors.not_signed_in' } : null,
      needsSetup: false,
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
  useEffect(() => {
    if (setupToken() !== null) return;
    const run = { cancelled: false };
    void firstPhase().then((next) => {
      if (!run.cancelled) setPhase(next);
    });
    return () => {
      run.cancelled = true;
    };
  }, [attempt]);

  const toggle = (
    <button
      type="button"
      className="secondary language"
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('app.language')}
    </button>
  );

  let body;
  switch (phase.name) {
    case 'loading':
      body = <p className="centered muted">{t('summary.loading')}</p>;
      break;
    case 'unreachable':
      body = (
        <div className="card narrow">
          <ErrorBanner text={errorText(phase.error, t)} />
          <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
            {t('filter.refresh')}
          </button>
        </div>
      );
      break;
    case 'setup':
      body = (
        <SetupForm
          token={phase.token}
          onDone={(login) => {
            history.replaceState(null, '', location.pathname);
            setPhase({
              name: 'login',
              notice: { key: 'setup.done', params: { login } },
              needsSetup: false,
            });
          }}
        />
      );
      break;
    case 'login':
      body = (
        <LoginForm
          notice={phase.notice === null ? null : t(phase.notice.key, phase.notice.params)}
          needsSetup={phase.needsSetup}
          onSignedIn={(login) => setPhase({ name: 'dashboard', login })}
        />
      );
      break;
    case 'dashboard':
      body = <Dashboard login={phase.login} onSignedOut={signedOut} />;
      break;
  }

  return (
    <LocaleContext.Provider value={{ locale, t, setLocale }}>
      <div className="page">
        <header className="top-bar">
          <h1>{t('app.title')}</h1>
          <div className="top-actions">
            {phase.name === 'dashboard' && (
              <>
                <span className="muted">{t('login.signedInAs', { login: phase.login })}</span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    void api.logout().finally(() => {
                      setPhase({ name: 'login', notice: null, needsSetup: false });
                    });
                  }}
                >
                  {t('login.signOut')}
                </button>
              </>
            )}
            {toggle}
          </div>
        </header>
        <main>{body}</main>
      </div>
    </LocaleContext.Provider>
  );
}
