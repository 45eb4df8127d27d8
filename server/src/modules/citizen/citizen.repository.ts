import type { Executor } from '../../platform/db.ts';

/**
 * The city outline and its streets/towns for the citizen's map: public administrative areas only (no grids, no
 * components). Read here rather than through the geo service, whose layer calls are staff-only (org.read).
 */
export async function cityOutline(db: Executor, tenantId: string) {
  return db.selectFrom('tenants').select(['code', 'name', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat']).where('id', '=', tenantId).executeTakeFirst();
}

export async function streetShapes(db: Executor, tenantId: string) {
  return db.selectFrom('regions').select(['full_code', 'name', 'kind', 'geometry'])
    .where('tenant_id', '=', tenantId).where('kind', 'in', ['street', 'town']).where('geometry', 'is not', null)
    .orderBy('full_code').execute();
}
