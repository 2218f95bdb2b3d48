import type {
  ApiErrorCode,
  BatchRow,
  Me,
  Places,
  RangeFilter,
  Summary,
  TillStatus,
} from '../../dashboard-api';

/** What went wrong with a call, in the words the screen shows (see messages.ts errors.*). */
export type CallError =
  | { kind: 'unreachable' }
  | { kind: 'api'; status: number; code: ApiErrorCode; message?: string; retryAfterS?: number };

export class ApiCallError extends Error {
  constructor(readonly problem: CallError) {
    super(problem.kind === 'api' ? problem.code : problem.kind);
  }
}

async function call<T>(path: string, init?: { body: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`api/${path}`, {
      method: init ? 'POST' : 'GET',
      headers: init ? { 'content-type': 'application/json' } : {},
      body: init ? JSON.stringify(init.body) : null,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiCallError({ kind: 'unreachable' });
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // A proxy's HTML error page: reported by its status below.
  }
  if (response.ok) return body as T;
  const error = (body ?? {}) as { error?: ApiErrorCode; message?: string; retryAfterS?: number };
  // A 502/504 from a proxy in front means the back office behind it is not answering.
  if (error.error === undefined && (response.status === 502 || response.status === 504)) {
    throw new ApiCallError({ kind: 'unreachable' });
  }
  throw new ApiCallError({
    kind: 'api',
    status: response.status,
    code: error.error ?? 'internal_error',
    ...(error.message === undefined ? {} : { message: error.message }),
    ...(error.retryAfterS === undefined ? {} : { retryAfterS: error.retryAfterS }),
  });
}

export const query = (filter: RangeFilter, extra: Record<string, string> = {}): string => {
  const params = new URLSearchParams({ from: filter.from, to: filter.to, ...extra });
  if (filter.shopId) params.set('shop', filter.shopId);
  if (filter.terminalId) params.set('till', filter.terminalId);
  return params.toString();
};

export const api = {
  setupStatus: () => call<{ needsSetup: boolean }>('setup-status'),
  setup: (token: string, login: string, password: string) =>
    call<Me>('setup', { body: { token, login, password } }),
  login: (login: string, password: string) => call<Me>('login', { body: { login, password } }),
  logout: () => call<object>('logout', { body: {} }),
  me: () => call<Me>('me'),
  places: () => call<Places>('places'),
  summary: (filter: RangeFilter) => call<Summary>(`summary?${query(filter)}`),
  batches: (filter: RangeFilter) => call<BatchRow[]>(`batches?${query(filter)}`),
  tills: (filter: RangeFilter) => call<TillStatus[]>(`tills?${query(filter)}`),
  csvHref: (filter: RangeFilter, table: string) => `api/export.csv?${query(filter, { table })}`,
};
