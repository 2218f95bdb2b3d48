import { z } from 'zod';
import type { CatalogSyncView } from '@app/api/contract';
import { errorCodes } from '@app/errors';
import type { ErrorCode } from '@app/errors';
import type { SettingsStore } from '../settings/settings-store';

/**
 * What the till knows of the back office's catalog: whether it manages the catalog, the
 * version last applied in full, and where the feed continues. Kept in the settings table,
 * written in the same transaction as each page it describes.
 */
export const catalogSyncStateSchema = z.object({
  managed: z.boolean(),
  /** The last version applied in full (a page with hasMore false); null before the first. */
  version: z.number().int().nullable(),
  /** The back office's cursor after the last applied page; null: start a snapshot. */
  cursor: z.string().nullable(),
  /** A snapshot is under way (its seen set lives in a TEMP table: a restart begins again). */
  snapshotting: z.boolean(),
  syncedAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), detail: z.string(), at: z.string() }).nullable(),
});
export type CatalogSyncState = z.output<typeof catalogSyncStateSchema>;

const KEY = 'downsync.catalog';

export const unmanaged: CatalogSyncState = {
  managed: false,
  version: null,
  cursor: null,
  snapshotting: false,
  syncedAt: null,
  lastError: null,
};

export function readCatalogSyncState(settings: SettingsStore): CatalogSyncState {
  const parsed = catalogSyncStateSchema.safeParse(settings.getValue(KEY));
  if (!parsed.success) return unmanaged;
  // The seen set of a snapshot did not survive the restart: the snapshot starts over.
  return parsed.data.snapshotting
    ? { ...parsed.data, cursor: null, snapshotting: false }
    : parsed.data;
}

export function saveCatalogSyncState(settings: SettingsStore, state: CatalogSyncState): void {
  settings.setValue(KEY, state);
}

/** What the catalog screen shows: never the cursor. */
export function catalogSyncView(state: CatalogSyncState): CatalogSyncView {
  return {
    managed: state.managed,
    version: state.version,
    syncedAt: state.syncedAt,
    lastError:
      state.lastError === null
        ? null
        : {
            code: isErrorCode(state.lastError.code) ? state.lastError.code : 'catalog_sync_failed',
            at: state.lastError.at,
          },
  };
}

const isErrorCode = (code: string): code is ErrorCode =>
  (errorCodes as readonly string[]).includes(code);
