import { deliverySchema } from '@app/sync/downsync-protocol';
import { badRequest } from '../http/feature-routes';
import type { FeatureDeps, FeatureRoute } from '../http/feature-routes';
import { recordDelivery, stockLevels } from './stock-levels';

const MAX_PRODUCTS = 200;

/** downsync-v1 "Stock": levels across the merchant's shops for tills, deliveries for the owner. */
export function stockRoutes(deps: FeatureDeps): FeatureRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/v1\/stock$/,
      who: 'terminal',
      handle: async ({ merchantId, url }) => {
        const productIds = url.searchParams.getAll('productId');
        if (productIds.length === 0 || productIds.length > MAX_PRODUCTS) {
          return badRequest(`productId: 1 to ${MAX_PRODUCTS} of them`);
        }
        return { status: 200, body: await stockLevels(deps.db, merchantId, productIds) };
      },
    },
    {
      method: 'POST',
      path: /^\/owner\/v1\/stock\/deliveries$/,
      who: 'owner',
      handle: async ({ json }) => {
        const parsed = deliverySchema.safeParse(json);
        if (!parsed.success) return badRequest(parsed.error.message);
        const outcome = await recordDelivery(deps.db, parsed.data);
        const { deliveryId } = parsed.data;
        switch (outcome) {
          case 'recorded':
            return { status: 201, body: { deliveryId } };
          case 'replayed':
            return { status: 200, body: { deliveryId } };
          case 'conflict':
            return { status: 409, body: { error: 'idempotency_conflict' } };
          case 'unknown_shop':
            return { status: 404, body: { error: 'not_found' } };
        }
      },
    },
  ];
}
