import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANSWER_SIGNATURE_HEADER, answerSigningText } from '@app/sync/downsync-protocol';
import { header, readBody, sendText } from '../host/http-io';
import { INVALID, parseJson } from '../host/router';
import type { Reply } from '../host/reply';
import type { SignedRequest } from '../host/signature';
import type { SqlDatabase } from '../store/sql';
import type { RouteModule } from './route-module';

/** upstream-sync-v1 request authentication, as the host implements it. */
export type Authenticate = (
  request: SignedRequest,
) => Promise<{ terminalId: string } | { reply: Reply }>;

/** What the down-sync features need from the back office they run in. */
export interface FeatureDeps {
  db: SqlDatabase;
  /** Unix ms. */
  now: () => number;
  authenticate: Authenticate;
  /** The owner API's bearer token; null: the owner API answers 401 to everything. */
  ownerToken: string | null;
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface TerminalCall {
  terminalId: string;
  merchantId: string;
  shopId: string;
  url: URL;
  match: RegExpExecArray;
  json: unknown;
  idempotencyKey: string | undefined;
}

export interface OwnerCall {
  url: URL;
  match: RegExpExecArray;
  json: unknown;
}

/** A terminal route answers signed (downsync-v1 "Authentication"); an owner route does not. */
export type FeatureRoute =
  | {
      method: string;
      path: RegExp;
      who: 'terminal';
      handle: (call: TerminalCall) => Promise<Answer>;
    }
  | { method: string; path: RegExp; who: 'owner'; handle: (call: OwnerCall) => Promise<Answer> };

/** The owner's catalog change of 20,000 products fits; anything larger is refused. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

const REQUEST_SIG = /, sig=([0-9a-f]{64})$/;

/** A RouteModule over a table of routes: terminal routes signed both ways, owner routes by token. */
export function featureRoutes(deps: FeatureDeps, routes: readonly FeatureRoute[]): RouteModule {
  return {
    async handle(req, res, url) {
      const method = req.method ?? 'GET';
      const found = routeFor(routes, method, url.pathname);
      if (found === null) return false;
      const { route, match } = found;
      const read = await readBody(req, MAX_BODY_BYTES);
      if ('tooLarge' in read) {
        send(res, { status: 413, body: { error: 'too_large' } });
        return true;
      }
      const json = parseJson(read.body.toString('utf8'));
      if (json === INVALID) {
        send(res, { status: 400, body: { error: 'bad_request', message: 'the body is not JSON' } });
        return true;
      }
      // A failure propagates to the server, which answers 503 with Retry-After when the
      // database is away or full (nothing was stored), 500 otherwise.
      if (route.who === 'owner') {
        send(
          res,
          ownerAllowed(deps, req) ? await route.handle({ url, match, json }) : UNAUTHORIZED,
        );
      } else {
        await answerTerminal(deps, req, res, url, read.body, (call) =>
          route.handle({ ...call, url, match, json }),
        );
      }
      return true;
    },
  };
}

function routeFor(
  routes: readonly FeatureRoute[],
  method: string,
  pathname: string,
): { route: FeatureRoute; match: RegExpExecArray } | null {
  for (const route of routes) {
    const match = route.method === method ? route.path.exec(pathname) : null;
    if (match !== null) return { route, match };
  }
  return null;
}

const UNAUTHORIZED: Answer = { status: 401, body: { error: 'owner_unauthorized' } };

async function answerTerminal(
  deps: FeatureDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
  handle: (
    call: Pick<TerminalCall, 'terminalId' | 'merchantId' | 'shopId' | 'idempotencyKey'>,
  ) => Promise<Answer>,
): Promise<void> {
  const authorization = header(req, 'authorization');
  const auth = await deps.authenticate({
    method: req.method ?? 'GET',
    path: `${url.pathname}${url.search}`,
    authorization,
    body,
  });
  if ('reply' in auth) {
    const reply = 'status' in auth.reply ? auth.reply : { status: 401, body: {} };
    send(res, { status: reply.status, body: reply.body });
    return;
  }
  const rows = await deps.db.query<{ merchant_id: string; shop_id: string; secret: string }>(
    'SELECT merchant_id, shop_id, secret FROM terminals WHERE terminal_id = $1',
    [auth.terminalId],
  );
  const terminal = rows[0];
  if (terminal === undefined) {
    send(res, { status: 401, body: { error: 'bad_signature' } });
    return;
  }
  const answer = await handle({
    terminalId: auth.terminalId,
    merchantId: terminal.merchant_id,
    shopId: terminal.shop_id,
    idempotencyKey: header(req, 'idempotency-key'),
  });
  const text = JSON.stringify(answer.body);
  const headers: Record<string, string> = {};
  const requestSig = REQUEST_SIG.exec(authorization ?? '')?.[1];
  if (answer.status < 300 && requestSig !== undefined) {
    headers[ANSWER_SIGNATURE_HEADER] = `sig=${answerSignature(
      Buffer.from(terminal.secret, 'base64'),
      answer.status,
      requestSig,
      text,
    )}`;
  }
  sendText(res, answer.status, text, headers);
}

/** downsync-v1: HMAC over the status, the request's signature and the body as sent. */
export function answerSignature(
  secret: Buffer,
  status: number,
  requestSig: string,
  text: string,
): string {
  const bodyHash = createHash('sha256').update(text).digest('hex');
  return createHmac('sha256', secret)
    .update(answerSigningText(status, requestSig, bodyHash))
    .digest('hex');
}

function ownerAllowed(deps: FeatureDeps, req: IncomingMessage): boolean {
  if (deps.ownerToken === null) return false;
  const given = Buffer.from(/^Bearer (.+)$/.exec(header(req, 'authorization') ?? '')?.[1] ?? '');
  const expected = Buffer.from(deps.ownerToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function send(res: ServerResponse, answer: Answer): void {
  sendText(res, answer.status, JSON.stringify(answer.body), {});
}

export const badRequest = (message: string): Answer => ({
  status: 400,
  body: { error: 'bad_request', message },
});
