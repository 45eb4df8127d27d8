import { ROLE_PERMISSIONS, ROLES } from '../../../../common/domain/roles.ts';
import type { Executor } from '../../platform/db.ts';

/**
 * Who can handle a unit's cases: an active user holding a grant, for that unit, of a role with case.handle
 * (unit handlers and unit managers). A grant that names no unit does not count: handling roles are bound to a unit.
 */
export const HANDLING_ROLES: readonly string[] = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('case.handle'));

/**
 * Active handlers per unit for the given units, in one grouped query (no query for none); a unit without any is
 * absent from the map. The dispatch picker warns on such units and the case sweep marks their cases.
 */
export async function activeHandlerCounts(
  db: Executor,
  tenantId: string,
  unitIds: readonly string[],
): Promise<Map<string, number>> {
  if (!unitIds.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('user_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.unit_id', (eb) => eb.fn.count<number>('u.id').distinct().as('n')])
    .where('g.tenant_id', '=', tenantId)
    .where('g.unit_id', 'in', unitIds)
    .where('g.role', 'in', HANDLING_ROLES)
    .where('u.active', '=', 1)
    .groupBy('g.unit_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.unit_id ? [[r.unit_id, Number(r.n)] as const] : [])));
}
