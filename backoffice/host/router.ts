import { bindRequestSchema } from '@app/sync/protocol';
import type { HostContext, Reply } from './reply';
import { badRequest, fail, ok } from './reply';
import { bind } from './binding';
import { authenticate } from './signature';
import { uploadBatch } from './batches';
import { readCursor } from './host-ledger';
import { settle } from './settlements';
import { authorize, reverse, voidAuthorization } from './authorizations';

export interface HostRequest {
  method: string;
  /** Path with its query string, as the client signed it. */
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: Buffer;
}

const AUTH_ACTION = /^\/v1\/authorizations\/([0-9a-fA-F-]{36})\/(reversal|void)$/;

/** upstream-sync-v1: one answer per request, every route but /v1/bind signed. */
export async function route(ctx: HostContext, request: HostRequest): Promise<Reply> {
  // Decoded once: the card-data check reads the text, the handlers the parsed JSON.
  const text = request.body.toString('utf8');
  const json = parseJson(text);
  if (json === INVALID) return badRequest('the body is not JSON');
  const { pathname } = new URL(request.path, 'http://host.invalid');
  const { method } = request;

  if (method === 'POST' && pathname === '/v1/bind') {
    const parsed = bindRequestSchema.safeParse(json);
    return parsed.success ? bind(ctx, parsed.data) : badRequest(parsed.error.message);
  }
  const auth = await authenticate(ctx, request);
  if ('reply' in auth) return auth.reply;
  const { terminalId } = auth;
  const call = {
    terminalId,
    idempotencyKey: request.idempotencyKey,
    raw: request.body,
    text,
    json,
  };

  if (method === 'GET' && pathname === '/v1/cursor')
    return ok(200, await readCursor(ctx.db, terminalId));
  if (method === 'POST' && pathname === '/v1/batches') return uploadBatch(ctx, call);
  if (method === 'POST' && pathname === '/v1/settlements') return settle(ctx, call);
  if (method === 'POST' && pathname === '/v1/authorizations') {
    return authorize(ctx, terminalId, request.idempotencyKey, json);
  }
  const action = method === 'POST' ? AUTH_ACTION.exec(pathname) : null;
  const authId = action?.[1];
  if (authId !== undefined) {
    return action?.[2] === 'void'
      ? voidAuthorization(ctx, terminalId, authId)
      : reverse(ctx, terminalId, authId);
  }
  return fail(404, { error: 'not_found' });
}

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}
