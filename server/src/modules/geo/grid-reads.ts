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
