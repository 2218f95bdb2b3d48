import type { HostError } from '@app/sync/protocol';
import type { SqlDatabase } from '../store/sql';

/** Errors of this host that the spec does not name: malformed requests and unknown paths. */
export type LocalError =
  | { error: 'bad_request'; message: string }
  | { error: 'not_found' }
  | { error: 'internal_error' }
  | { error: 'busy' }
  /** The database is unreachable or full: the same request may be sent again later. */
  | { error: 'storage_unavailable'; reason: 'unavailable' | 'disk_full' };

/** What a route answers; `hang` holds the request open with no answer (test card "91"). */
export type Reply =
  { status: number; body: unknown; headers?: Record<string, string> } | { hang: true };

export const ok = (status: number, body: unknown): Reply => ({ status, body });

export const fail = (status: number, body: HostError | LocalError): Reply => ({ status, body });

export const badRequest = (message: string): Reply => fail(400, { error: 'bad_request', message });

/** What every route needs: the store and the host's clock (ms, fault skew included). */
export interface HostContext {
  readonly db: SqlDatabase;
  now: () => number;
  /** IANA time zone of a new merchant's default shop. */
  readonly timeZone: string;
}
