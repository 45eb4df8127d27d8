import type { Executor } from '../../platform/db.ts';

/** Reads of the grids for other modules (docs/architecture.md, "Table ownership"): KPI members and Open311 lookups. */

/** Every grid of the tenant in code order, with its street and community. */
export const gridsByCodeOrder = (db: Executor, tenantId: string, only?: string) =>
  db
    .selectFrom('grids')
    .select(['code', 'street_id', 'community_id'])
    .where('tenant_id', '=', tenantId)
    .$if(only !== undefined, (q) => q.where('code', '=', only as string))
    .orderBy('code')
    .execute();

/** The bounding box of the grid with this code, or undefined. */
export const gridBox = (db: Executor, tenantId: string, code: string) =>
  db
    .selectFrom('grids')
    .select(['min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();

/** The grids whose bounding box meets `bbox` (a map's viewport), by code, at most `limit` of them. */
export const gridsInBox = (
  db: Executor,
  tenantId: string,
  bbox: readonly [number, number, number, number],
  limit: number,
) =>
  db
    .selectFrom('grids')
    .select(['code', 'street_id', 'community_id', 'geometry'])
    .where('tenant_id', '=', tenantId)
    .where('max_lng', '>=', bbox[0])
    .where('min_lng', '<=', bbox[2])
    .where('max_lat', '>=', bbox[1])
    .where('min_lat', '<=', bbox[3])
    .orderBy('code')
    .limit(limit)
    .execute();

/**
 * The grids of one community (their codes start with its 12-digit code), by code: a range on the (tenant, code)
 * index; digits sort alike under every collation.
 */
export const gridsWithPrefix = (db: Executor, tenantId: string, communityCode: string) =>
  db
    .selectFrom('grids')
    .select(['code', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('tenant_id', '=', tenantId)
    .where('code', '>=', `${communityCode}000`)
    .where('code', '<=', `${communityCode}999`)
    .orderBy('code')
    .execute();

/** The grids with these codes whose bounding box meets `bbox`, with their polygons (a heat map's busy grids). */
export const gridsWithCodesInBox = (
  db: Executor,
  tenantId: string,
  codes: readonly string[],
  bbox: readonly [number, number, number, number],
) =>
  codes.length
    ? db
        .selectFrom('grids')
        .select(['code', 'geometry'])
        .where('tenant_id', '=', tenantId)
        .where('code', 'in', [...codes])
        .where('max_lng', '>=', bbox[0])
        .where('min_lng', '<=', bbox[2])
        .where('max_lat', '>=', bbox[1])
        .where('min_lat', '<=', bbox[3])
        .orderBy('code')
        .execute()
    : Promise.resolve([]);
