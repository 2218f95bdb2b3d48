import { catalogPutSchema, DEFAULT_CATALOG_PAGE } from '@app/sync/downsync-protocol';
import { badRequest } from '../http/feature-routes';
import type { Answer, FeatureDeps, FeatureRoute } from '../http/feature-routes';
import {
  CatalogRefusal,
  catalogSummary,
  CursorRefusal,
  putProducts,
  readChanges,
} from './catalog-changes';

/** downsync-v1 "Catalog and prices": the tills' changes feed and the owner's edits. */
export function catalogRoutes(deps: FeatureDeps): FeatureRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/v1\/catalog\/changes$/,
      who: 'terminal',
      handle: async ({ merchantId, url }) => {
        const limitText = url.searchParams.get('limit');
        const limit = limitText === null ? DEFAULT_CATALOG_PAGE : Number(limitText);
        if (!Number.isSafeInteger(limit) || limit < 1) return badRequest('limit is 1 to 5000');
        try {
          const page = await readChanges(
            deps.db,
            merchantId,
            url.searchParams.get('cursor'),
            limit,
          );
          return { status: 200, body: page };
        } catch (error) {
          if (error instanceof CursorRefusal) return badRequest(error.message);
          throw error;
        }
      },
    },
    {
      method: 'PUT',
      path: /^\/owner\/v1\/catalog\/products$/,
      who: 'owner',
      handle: async ({ json }) => {
        const parsed = catalogPutSchema.safeParse(json);
        if (!parsed.success) return badRequest(parsed.error.message);
        return ownerChange(() => putProducts(deps.db, parsed.data, deps.now()));
      },
    },
    {
      method: 'GET',
      path: /^\/owner\/v1\/catalog$/,
      who: 'owner',
      handle: async ({ url }) => {
        const merchantId = url.searchParams.get('merchantId');
        if (merchantId === null) return badRequest('merchantId is required');
        return { status: 200, body: await catalogSummary(deps.db, merchantId) };
      },
    },
  ];
}

/** A refused change answers 422 with the product and the reason; nothing of it is stored. */
async function ownerChange(work: () => Promise<unknown>): Promise<Answer> {
  try {
    return { status: 200, body: await work() };
  } catch (error) {
    if (error instanceof CatalogRefusal) {
      return {
        status: 422,
        body: { error: 'invalid_product', sku: error.sku, problem: error.problem },
      };
    }
    if (isUniqueViolation(error)) {
      return {
        status: 422,
        body: {
          error: 'invalid_product',
          sku: '',
          problem: 'duplicate_code',
          message: String(error),
        },
      };
    }
    throw error;
  }
}

/** PostgreSQL 23505, or SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. */
function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
