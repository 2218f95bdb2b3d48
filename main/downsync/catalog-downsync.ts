import { catalogPageSchema, DEFAULT_CATALOG_PAGE } from '@app/sync/downsync-protocol';
import { DomainError } from '@app/result';
import type { Logger } from '../log/logger';
import type { TerminalCredentials } from '../sync/host-client';
import { HostClock } from '../sync/host-clock';
import { applyCatalogPage } from './catalog-apply';
import type { CatalogApplyDeps } from './catalog-apply';
import { readCatalogSyncState, saveCatalogSyncState, unmanaged } from './catalog-sync-state';
import type { CatalogSyncState } from './catalog-sync-state';
import { describeAnswer, downsyncRequest } from './downsync-client';

/** Where the till's back office is, and how it signs; null while the till is not bound. */
export type BackOfficeAccess = () => { baseUrl: string; credentials: TerminalCredentials } | null;

export interface CatalogDownsyncDeps extends CatalogApplyDeps {
  access: BackOfficeAccess;
  log: Logger;
  now?: () => Date;
  /** Products changed: grids and lists reload. */
  changed: () => void;
  pageSize?: number;
  timeoutMs?: number;
  /** Between polls while bound (60 s). */
  intervalMs?: number;
}

/** A page of 5,000 products is about 1.5 MB: a slow link gets this long for it. */
const REQUEST_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 60_000;

/**
 * The till's side of downsync-v1 "Catalog and prices": polls the back office while bound,
 * applies each page in one transaction, and keeps selling on the last applied version
 * whatever the back office does. Runs one pass at a time.
 */
export class CatalogDownsync {
  private readonly clock: HostClock;
  private running: Promise<CatalogSyncState> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: CatalogDownsyncDeps) {
    this.clock = new HostClock(() => this.now().getTime());
  }

  state(): CatalogSyncState {
    return readCatalogSyncState(this.deps.settings);
  }

  /** While true the till's own catalog editing is refused. */
  managed(): boolean {
    return this.state().managed;
  }

  /** Refuses a catalog edit on the till while the back office manages the catalog. */
  assertEditable(): void {
    if (this.managed()) {
      throw new DomainError('catalog_managed', 'The back office manages this catalog');
    }
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Pages until the till is up to date, or the first failure (recorded in the state). */
  syncNow(): Promise<CatalogSyncState> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.syncNow().finally(() => this.schedule(this.deps.intervalMs ?? POLL_INTERVAL_MS));
    }, delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<CatalogSyncState> {
    let state = this.state();
    const access = this.deps.access();
    if (access === null) {
      // Unbound: the catalog is the till's own again, and a later binding starts afresh.
      if (state.managed || state.cursor !== null) {
        state = unmanaged;
        saveCatalogSyncState(this.deps.settings, state);
      }
      return state;
    }
    for (let pages = 0; !this.stopped; pages += 1) {
      const query = new URLSearchParams({
        limit: String(this.deps.pageSize ?? DEFAULT_CATALOG_PAGE),
      });
      if (state.cursor !== null) query.set('cursor', state.cursor);
      const answer = await downsyncRequest(
        {
          baseUrl: access.baseUrl,
          credentials: access.credentials,
          clock: this.clock,
          timeoutMs: this.deps.timeoutMs ?? REQUEST_TIMEOUT_MS,
        },
        { method: 'GET', path: `/v1/catalog/changes?${query.toString()}` },
      );
      const page = answer.kind === 'verified' ? catalogPageSchema.safeParse(answer.json) : null;
      if (page === null || !page.success) {
        const code = answer.kind === 'refused' ? answer.reason : 'catalog_sync_failed';
        return this.fail(state, code, page === null ? describeAnswer(answer) : 'malformed page');
      }
      const data = page.data;
      if (!data.managed) {
        if (state.managed) this.deps.log.info('catalog no longer managed by the back office');
        state = { ...unmanaged, syncedAt: this.nowIso() };
        saveCatalogSyncState(this.deps.settings, state);
        return state;
      }
      if (data.reload) {
        this.deps.log.warn('catalog cursor expired: reloading', { version: data.version });
        state = { ...state, cursor: null, snapshotting: false };
        continue;
      }
      try {
        state = applyCatalogPage(this.deps, data, state, this.nowIso());
      } catch (error) {
        const code = error instanceof DomainError ? error.code : 'catalog_apply_failed';
        return this.fail(state, code, error instanceof Error ? error.message : String(error));
      }
      if (data.products.length > 0) this.deps.changed();
      if (!data.hasMore) {
        if (pages > 0 || data.products.length > 0) {
          this.deps.log.info('catalog updated', { version: data.version });
        }
        return state;
      }
    }
    return state;
  }

  private fail(state: CatalogSyncState, code: string, detail: string): CatalogSyncState {
    this.deps.log.warn('catalog down-sync failed', { code, detail });
    const failed = { ...state, lastError: { code, detail, at: this.nowIso() } };
    saveCatalogSyncState(this.deps.settings, failed);
    return failed;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private nowIso(): string {
    return this.now().toISOString();
  }
}
