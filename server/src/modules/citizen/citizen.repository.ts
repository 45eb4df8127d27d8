import type { Executor } from '../../platform/db.ts';
import { tenantColumns } from '../org/index.ts';

/**
 * The city outline and its streets/towns for the citizen's map: public administrative areas only (no grids, no
 * components). Read here rather than through the geo service, whose layer calls are staff-only (org.read).
 */
export async function cityOutline(db: Executor, tenantId: string) {
  return tenantColumns(db, tenantId, ['code', 'name', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat']);
}

export async function streetShapes(db: Executor, tenantId: string) {
  return db.selectFrom('regions').select(['full_code', 'name', 'kind', 'geometry'])
    .where('tenant_id', '=', tenantId).where('kind', 'in', ['street', 'town']).where('geometry', 'is not', null)
    .orderBy('full_code').execute();
}
