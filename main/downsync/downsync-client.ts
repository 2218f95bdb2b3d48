import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { hostErrorSchema } from '@app/sync/protocol';
import { ANSWER_SIGNATURE_HEADER, answerSigningText } from '@app/sync/downsync-protocol';
import { posHmacAuthorization } from '../sync/request-signer';
import type { HostClock } from '../sync/host-clock';
import type { TerminalCredentials } from '../sync/host-client';

/**
 * What a down-sync request came back with. `verified` answers passed the answer signature
 * (downsync-v1 "Authentication"): only they are ever applied. An answer whose signature is
 * missing or wrong (altered, replayed, from someone else) is `refused`, like no answer.
 */
export type DownsyncAnswer =
  | { kind: 'verified'; status: number; json: unknown }
  | { kind: 'error'; status: number; json: unknown }
  | { kind: 'refused'; reason: 'answer_unsigned' | 'answer_signature_invalid' }
  | { kind: 'no_answer'; reason: string };

export interface DownsyncRequest {
  method: 'GET' | 'POST';
  /** Under the host's base URL, with its query string. */
  path: string;
  body?: string;
  idempotencyKey?: string;
}

export interface DownsyncClientOptions {
  baseUrl: string;
  credentials: TerminalCredentials;
  clock: HostClock;
  timeoutMs: number;
}

const SIGNATURE = /^sig=([0-9a-f]{64})$/;

/** Signs a request, sends it, and checks the answer's signature against that request. */
export async function downsyncRequest(
  options: DownsyncClientOptions,
  request: DownsyncRequest,
): Promise<DownsyncAnswer> {
  const first = await exchange(options, request);
  const serverTime = first.kind === 'error' ? clockSkew(first) : null;
  if (serverTime === null) return first;
  // upstream-sync-v1: correct the offset from serverTime and try once more.
  options.clock.correctFrom(serverTime);
  return exchange(options, request);
}

async function exchange(
  options: DownsyncClientOptions,
  request: DownsyncRequest,
): Promise<DownsyncAnswer> {
  const base = new URL(options.baseUrl);
  const path = `${base.pathname.replace(/\/+$/, '')}${request.path}`;
  const body = Buffer.from(request.body ?? '', 'utf8');
  const authorization = posHmacAuthorization({
    ...options.credentials,
    method: request.method,
    path,
    body,
    unixSeconds: options.clock.unixSeconds(),
  });
  const headers: Record<string, string> = { accept: 'application/json', authorization };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
  let status: number;
  let text: string;
  let signature: string | null;
  try {
    const response = await fetch(new URL(path, base.origin), {
      method: request.method,
      headers,
      ...(request.method === 'POST' ? { body } : {}),
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
    status = response.status;
    text = await response.text();
    signature = response.headers.get(ANSWER_SIGNATURE_HEADER);
  } catch (error) {
    return { kind: 'no_answer', reason: error instanceof Error ? error.message : String(error) };
  }
  if (status >= 300) return { kind: 'error', status, json: parseJson(text) };
  const requestSig = authorization.slice(authorization.lastIndexOf('sig=') + 4);
  const given = SIGNATURE.exec(signature ?? '')?.[1];
  if (given === undefined) return { kind: 'refused', reason: 'answer_unsigned' };
  const bodyHash = createHash('sha256').update(text).digest('hex');
  const expected = createHmac('sha256', options.credentials.secret)
    .update(answerSigningText(status, requestSig, bodyHash))
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) {
    return { kind: 'refused', reason: 'answer_signature_invalid' };
  }
  return { kind: 'verified', status, json: parseJson(text) };
}

function clockSkew(answer: { status: number; json: unknown }): number | null {
  if (answer.status !== 401) return null;
  const parsed = hostErrorSchema.safeParse(answer.json);
  return parsed.success && parsed.data.error === 'clock_skew' ? parsed.data.serverTime : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** In a few words for the status and the log. */
export function describeAnswer(answer: DownsyncAnswer): string {
  switch (answer.kind) {
    case 'verified':
    case 'error':
      return `HTTP ${answer.status}`;
    case 'refused':
    case 'no_answer':
      return answer.reason;
  }
}
