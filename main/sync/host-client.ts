import { hostErrorSchema } from '@app/sync/protocol';
import { posHmacAuthorization } from './request-signer';
import type { HostClock } from './host-clock';

/** What came back from the host: an HTTP answer, or nothing usable (an unknown outcome). */
export type HostAnswer =
  | {
      kind: 'answer';
      status: number;
      /** The parsed JSON body; undefined when the body was not JSON. */
      json: unknown;
      /** `Retry-After` in seconds, when the host sent a usable one. */
      retryAfterSeconds: number | null;
    }
  | { kind: 'no_answer'; reason: string };

/** In a word for the log and the cashier: why there was no answer, or its HTTP status. */
export function whyNoAnswer(answer: HostAnswer): string {
  return answer.kind === 'no_answer' ? answer.reason : `HTTP ${String(answer.status)}`;
}

export interface HostRequest {
  method: 'GET' | 'POST';
  /** Path under the host's base URL, e.g. `/v1/batches`. */
  path: string;
  /** Sent exactly as given: a frozen batch is these same bytes on every try. */
  body?: string;
  idempotencyKey?: string;
}

export interface TerminalCredentials {
  terminalId: string;
  secret: Uint8Array;
}

export interface HostClientOptions {
  baseUrl: string;
  /** No complete answer within this time is an unknown outcome. */
  timeoutMs: number;
  clock: HostClock;
}

/**
 * The terminal's HTTP client for upstream-sync-v1. It never decides what an answer means
 * (the callers hold the spec's tables); it signs, sends, and corrects the clock once when
 * the host answers `clock_skew`.
 */
export class HostClient {
  private readonly base: URL;

  constructor(private readonly options: HostClientOptions) {
    this.base = new URL(options.baseUrl);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new Error(`host URL must be http or https: ${options.baseUrl}`);
    }
  }

  /** The base URL as people write it: no trailing slash. */
  get url(): string {
    return this.base.href.replace(/\/+$/, '');
  }

  /** An unsigned request (only `POST /v1/bind` is sent so). */
  sendUnsigned(request: HostRequest): Promise<HostAnswer> {
    return this.exchange(request, null);
  }

  async sendSigned(request: HostRequest, credentials: TerminalCredentials): Promise<HostAnswer> {
    const first = await this.exchange(request, credentials);
    const serverTime = clockSkewServerTime(first);
    if (serverTime === null) return first;
    // upstream-sync-v1: correct the offset from serverTime and retry (a fresh signature over
    // the same bytes and the same idempotency key).
    this.options.clock.correctFrom(serverTime);
    return this.exchange(request, credentials);
  }

  private async exchange(
    request: HostRequest,
    credentials: TerminalCredentials | null,
  ): Promise<HostAnswer> {
    const path = this.fullPath(request.path);
    // Encoded once: the signature covers exactly the bytes that are sent.
    const body = Buffer.from(request.body ?? '', 'utf8');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    if (credentials !== null) {
      headers.authorization = posHmacAuthorization({
        ...credentials,
        method: request.method,
        path,
        body,
        unixSeconds: this.options.clock.unixSeconds(),
      });
    }
    try {
      const response = await fetch(new URL(path, this.base.origin), {
        method: request.method,
        headers,
        ...(request.method === 'POST' ? { body } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      const text = await response.text();
      return {
        kind: 'answer',
        status: response.status,
        json: parseJson(text),
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
      };
    } catch (error) {
      return { kind: 'no_answer', reason: describeFailure(error) };
    }
  }

  private fullPath(path: string): string {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return `${prefix}${path}`;
  }
}

/** The host's `{"error": …}` body, when it is one the spec names. */
export function hostError(answer: HostAnswer) {
  if (answer.kind !== 'answer') return null;
  const parsed = hostErrorSchema.safeParse(answer.json);
  return parsed.success ? parsed.data : null;
}

function clockSkewServerTime(answer: HostAnswer): number | null {
  if (answer.kind !== 'answer' || answer.status !== 401) return null;
  const error = hostError(answer);
  return error?.error === 'clock_skew' ? error.serverTime : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Delta seconds only; an HTTP date or garbage is ignored (the back-off applies instead). */
function parseRetryAfter(value: string | null): number | null {
  if (value === null || !/^\d{1,6}$/.test(value.trim())) return null;
  return Number(value.trim());
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: unknown }).code;
      return typeof code === 'string' ? code : cause.message;
    }
    return error.message;
  }
  return String(error);
}
