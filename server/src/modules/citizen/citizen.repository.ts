import type { Executor } from '../../platform/db.ts';
import { orgGeography, tenantColumns } from '../org/index.ts';

/**
 * The city outline and its streets/towns for the citizen's map: public administrative areas only (no grids, no
 * components). Read here rather than through the geo service, whose layer calls are staff-only (org.read).
 */
export async function cityOutline(db: Executor, tenantId: string) {
  return tenantColumns(db, tenantId, ['code', 'name', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat']);
}

/** Streets and towns that have a polygon, in code order (org owns the rows). */
export async function streetShapes(db: Executor, tenantId: string) {
  return orgGeography.regionShapes(db, tenantId, ['street', 'town']);
}
