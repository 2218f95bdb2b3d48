import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultFeeSchedule } from '@app/fees/fee-schedule';
import type { FeeSchedule } from '@app/fees/fee-schedule';
import type { RouteModule } from '../http/route-module';
import type { SqlDatabase } from '../store/sql';
import type { ApiError, RangeFilter } from './dashboard-api';
import { MIN_PASSWORD_LENGTH, OwnerStore, SESSION_TTL_MS } from './owners';
import type { Owner } from './owners';
import type { ScryptCost } from './password';
import { batches, places, summary, tillStatus } from './queries';
import { catchUpSums } from './sums';
import { batchesCsv, csvTables, figuresCsv, statusCsv, tendersCsv } from './csv';
import type { CsvTable } from './csv';
import { serveStatic } from './static-files';

export const DASHBOARD_PATH = '/dashboard';
const API = `${DASHBOARD_PATH}/api/`;
const COOKIE = 'countertop_owner';
const MAX_BODY_BYTES = 16 * 1024;
/** The longest range one request may ask for: ten years of business days. */
const MAX_RANGE_DAYS = 3_660;

export interface DashboardOptions {
  db: SqlDatabase;
  now?: () => number;
  fees?: FeeSchedule;
  /** The local hour a business day starts: 4 (04:00) by default, as on the till. */
  cutoffHour?: number;
  /** The zone of a till whose shop has none: the host machine's by default. */
  defaultTimeZone?: string;
  /** A till silent longer than this is an alarm; 15 minutes by default. */
  noContactMs?: number;
  /** The built web app (dist/dashboard by default). */
  staticDir?: string;
  scryptCost?: ScryptCost;
}

export interface Dashboard {
  routes: RouteModule;
  owners: OwnerStore;
  /** The path of a one-time link for setting up the first owner; null once one exists. */
  setupPath(): Promise<string | null>;
}

const defaultStaticDir = fileURLToPath(new URL('../../dist/dashboard', import.meta.url));

const credentialsSchema = z.strictObject({
  login: z.string().min(1).max(100),
  password: z.string().max(200),
});
const setupSchema = credentialsSchema.extend({ token: z.string().min(1).max(200) });
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The owner's dashboard: sign-in, the JSON API under /dashboard/api and the web app. */
export function createDashboard(options: DashboardOptions): Dashboard {
  const { db } = options;
  const now = options.now ?? Date.now;
  const owners = new OwnerStore(db, now, options.scryptCost);
  const staticDir = options.staticDir ?? defaultStaticDir;
  const sumsOptions = {
    fees: options.fees ?? defaultFeeSchedule,
    cutoffHour: options.cutoffHour ?? 4,
    defaultTimeZone: options.defaultTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  // One catch-up at a time in this process; a request arriving meanwhile waits for it.
  let catchingUp: Promise<number> | null = null;
  const catchUp = (): Promise<number> => {
    catchingUp ??= catchUpSums(db, sumsOptions).finally(() => {
      catchingUp = null;
    });
    return catchingUp;
  };

  const signedIn = async (request: IncomingMessage): Promise<Owner | null> => {
    const token = cookieOf(request, COOKIE);
    return token === null ? null : owners.ownerOfSession(token);
  };

  const api = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    name: string,
  ): Promise<void> => {
    const method = request.method ?? 'GET';
    if (method === 'POST') {
      // A JSON body needs a CORS preflight cross-site: with SameSite=Strict, no forged posts.
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(response, 415, { error: 'bad_request', message: 'send JSON' });
      }
      const body = await readJson(request);
      if (body === undefined) return sendError(response, 400, { error: 'bad_request' });
      return post(name, body, request, response);
    }
    if (method !== 'GET') return sendError(response, 405, { error: 'bad_request' });
    if (name === 'setup-status') {
      return sendJson(response, 200, { needsSetup: (await owners.count()) === 0 });
    }
    const owner = await signedIn(request);
    if (owner === null) return sendError(response, 401, { error: 'not_signed_in' });
    if (name === 'me') return sendJson(response, 200, { login: owner.login });
    if (name === 'places') return sendJson(response, 200, await places(db));
    const filter = rangeOf(url);
    if (typeof filter === 'string') {
      return sendError(response, 400, { error: 'bad_request', message: filter });
    }
    await catchUp();
    const status = { now: now(), noContactMs: options.noContactMs ?? 15 * 60_000 };
    switch (name) {
      case 'summary':
        return sendJson(response, 200, await summary(db, filter));
      case 'batches':
        return sendJson(response, 200, await batches(db, filter));
      case 'tills':
        return sendJson(response, 200, await tillStatus(db, filter, status));
      case 'export.csv': {
        const table = url.searchParams.get('table') ?? 'tills';
        if (!csvTables.includes(table as CsvTable)) {
          return sendError(response, 400, { error: 'bad_request', message: 'unknown table' });
        }
        const text = await csvOf(table as CsvTable, filter, status);
        response.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="countertop-${table}-${filter.from}-${filter.to}.csv"`,
          'cache-control': 'no-store',
        });
        response.end(text);
        return;
      }
      default:
        return sendError(response, 404, { error: 'not_found' });
    }
  };

  const csvOf = async (
    table: CsvTable,
    filter: RangeFilter,
    status: { now: number; noContactMs: number },
  ): Promise<string> => {
    switch (table) {
      case 'shops':
      case 'tills':
        return figuresCsv(await summary(db, filter), table);
      case 'tenders':
        return tendersCsv(await summary(db, filter));
      case 'batches':
        return batchesCsv(await batches(db, filter), (await summary(db, filter)).currency ?? 'CNY');
      case 'status':
        return statusCsv(await tillStatus(db, filter, status));
    }
  };

  const post = async (
    name: string,
    body: unknown,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    switch (name) {
      case 'login': {
        const parsed = credentialsSchema.safeParse(body);
        if (!parsed.success) return sendError(response, 401, { error: 'login_failed' });
        const result = await owners.login(parsed.data.login, parsed.data.password);
        if (!result.ok) {
          return result.error === 'login_locked'
            ? sendError(response, 429, result, { 'retry-after': String(result.retryAfterS) })
            : sendError(response, 401, result);
        }
        return sendJson(
          response,
          200,
          { login: result.owner.login },
          {
            'set-cookie': sessionCookie(result.token, SESSION_TTL_MS / 1000),
          },
        );
      }
      case 'logout': {
        const token = cookieOf(request, COOKIE);
        if (token !== null) await owners.logout(token);
        return sendJson(response, 200, {}, { 'set-cookie': sessionCookie('', 0) });
      }
      case 'setup': {
        const parsed = setupSchema.safeParse(body);
        if (!parsed.success) return sendError(response, 400, { error: 'bad_request' });
        const { token, login, password } = parsed.data;
        if (password.length < MIN_PASSWORD_LENGTH) {
          return sendError(response, 400, { error: 'password_too_short' });
        }
        if (!(await owners.setUpFirstOwner(token, login, password))) {
          return sendError(response, 403, { error: 'setup_invalid' });
        }
        return sendJson(response, 201, { login: login.trim().toLowerCase() });
      }
      default:
        return sendError(response, 404, { error: 'not_found' });
    }
  };

  const routes: RouteModule = {
    async handle(request, response, url) {
      const path = url.pathname;
      if (path !== DASHBOARD_PATH && !path.startsWith(`${DASHBOARD_PATH}/`)) return false;
      try {
        if (path === DASHBOARD_PATH) {
          response.writeHead(308, { location: `${DASHBOARD_PATH}/` }).end();
        } else if (path.startsWith(API)) {
          await api(request, response, url, path.slice(API.length));
        } else if (request.method === 'GET' || request.method === 'HEAD') {
          await serveStatic(staticDir, path.slice(DASHBOARD_PATH.length), response);
        } else {
          sendError(response, 405, { error: 'bad_request' });
        }
      } catch {
        if (!response.headersSent) sendError(response, 500, { error: 'internal_error' });
        else response.destroy();
      }
      return true;
    },
  };

  return {
    routes,
    owners,
    async setupPath() {
      if ((await owners.count()) > 0) return null;
      return `${DASHBOARD_PATH}/#setup=${await owners.issueSetupToken()}`;
    },
  };
}

/** from/to (YYYY-MM-DD, from ≤ to) and optional shop and till; a message when invalid. */
function rangeOf(url: URL): RangeFilter | string {
  const q = url.searchParams;
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  if (!daySchema.safeParse(from).success || !daySchema.safeParse(to).success) {
    return 'from and to must be dates (YYYY-MM-DD)';
  }
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(days >= 0)) return 'from must not be after to';
  if (days > MAX_RANGE_DAYS) return 'a range may span at most ten years';
  return {
    from,
    to,
    shopId: q.get('shop') || undefined,
    terminalId: q.get('till') || undefined,
  };
}

function sessionCookie(token: string, maxAgeS: number): string {
  return `${COOKIE}=${token}; Path=${DASHBOARD_PATH}; Max-Age=${String(maxAgeS)}; HttpOnly; SameSite=Strict`;
}

function cookieOf(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function sendError(
  response: ServerResponse,
  status: number,
  error: ApiError,
  headers: Record<string, string> = {},
): void {
  const { error: code, message, retryAfterS } = error;
  sendJson(response, status, { error: code, message, retryAfterS }, headers);
}
