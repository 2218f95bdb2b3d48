import { z } from 'zod';
import { holdRequestSchema } from '@app/sync/downsync-protocol';
import { badRequest } from '../http/feature-routes';
import type { FeatureDeps, FeatureRoute } from '../http/feature-routes';
import {
  bringPointsUpToDate,
  findMembers,
  saveMembers,
  setOfflineAllowance,
  takeHold,
} from './points-ledger';

const membersPutSchema = z.strictObject({
  merchantId: z.string().regex(/^\d{15}$/),
  members: z
    .array(
      z.strictObject({
        memberId: z.string().min(1).max(64),
        name: z.string().min(1).max(100),
        phone: z.string().regex(/^\+?\d{5,20}$/),
        cardBarcode: z.string().min(1).max(32).nullable(),
      }),
    )
    .max(10_000),
});
const allowanceSchema = z.strictObject({ points: z.number().int().min(0).max(100_000_000) });

/** downsync-v1 "Members and points": lookup and holds for tills, the member list for the owner. */
export function memberRoutes(deps: FeatureDeps): FeatureRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/v1\/members$/,
      who: 'terminal',
      handle: async ({ merchantId, terminalId, url }) => {
        const query = url.searchParams.get('q')?.trim() ?? '';
        if (query === '' || query.length > 64) return badRequest('q is a phone, card or member id');
        await bringPointsUpToDate(deps.db, merchantId, deps.now());
        return {
          status: 200,
          body: { members: await findMembers(deps.db, merchantId, terminalId, query) },
        };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/members\/([^/]{1,64})\/holds$/,
      who: 'terminal',
      handle: async ({ merchantId, terminalId, match, json, idempotencyKey }) => {
        const parsed = holdRequestSchema.safeParse(json);
        if (!parsed.success) return badRequest(parsed.error.message);
        if (idempotencyKey !== parsed.data.holdId) {
          return badRequest('Idempotency-Key must be the holdId');
        }
        await bringPointsUpToDate(deps.db, merchantId, deps.now());
        const outcome = await takeHold(deps.db, {
          merchantId,
          terminalId,
          memberId: decodeURIComponent(match[1] ?? ''),
          ...parsed.data,
          now: deps.now(),
        });
        switch (outcome.kind) {
          case 'held':
            return { status: outcome.first ? 201 : 200, body: outcome.answer };
          case 'insufficient':
            return {
              status: 409,
              body: { error: 'points_insufficient', balance: outcome.balance },
            };
          case 'unknown_member':
            return { status: 404, body: { error: 'not_found' } };
          case 'conflict':
            return { status: 409, body: { error: 'idempotency_conflict' } };
        }
      },
    },
    {
      method: 'PUT',
      path: /^\/owner\/v1\/members$/,
      who: 'owner',
      handle: async ({ json }) => {
        const parsed = membersPutSchema.safeParse(json);
        if (!parsed.success) return badRequest(parsed.error.message);
        const saved = await saveMembers(
          deps.db,
          parsed.data.merchantId,
          parsed.data.members,
          deps.now(),
        );
        return { status: 200, body: { saved } };
      },
    },
    {
      method: 'PUT',
      path: /^\/owner\/v1\/terminals\/([A-Z0-9]{8})\/offline-allowance$/,
      who: 'owner',
      handle: async ({ match, json }) => {
        const parsed = allowanceSchema.safeParse(json);
        if (!parsed.success) return badRequest(parsed.error.message);
        await setOfflineAllowance(deps.db, match[1] ?? '', parsed.data.points);
        return { status: 200, body: { terminalId: match[1], points: parsed.data.points } };
      },
    },
  ];
}
