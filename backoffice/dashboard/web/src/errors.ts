import { ApiCallError } from './api';
import type { Translate } from './messages';

/** The sentence a person reads for a failed call. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiCallError)) return t('errors.server', { status: '?' });
  const problem = error.problem;
  if (problem.kind === 'unreachable') return t('errors.unreachable');
  switch (problem.code) {
    case 'login_failed':
    case 'not_signed_in':
    case 'setup_invalid':
    case 'password_too_short':
      return t(`errors.${problem.code}`);
    case 'login_locked':
      return t('errors.login_locked', {
        minutes: Math.max(1, Math.ceil((problem.retryAfterS ?? 60) / 60)),
      });
    case 'bad_request':
      return t('errors.bad_request', { message: problem.message ?? String(problem.status) });
    case 'not_found':
    case 'internal_error':
      return t('errors.server', { status: problem.status });
  }
}

export const isSignedOut = (error: unknown): boolean =>
  error instanceof ApiCallError &&
  error.problem.kind === 'api' &&
  error.problem.code === 'not_signed_in';
