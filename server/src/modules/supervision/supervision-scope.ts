import { ROLE_PERMISSIONS, type Grant, type Permission } from '../../../../common/domain/roles.ts';
import { scopeRule, type Actor } from '../auth/index.ts';

/**
 * Who may send a 督办单 to which unit (docs/supervision.md, "Scope"): each grant carrying case.escalate reaches the
 * units it covers. A grant naming neither a unit nor a region reaches every unit of the tenant; a unit grant reaches
 * that unit and the units under it; a region grant reaches the units placed in that region or below it (a street
 * reaches its communities' units, never a city department without a region). A grant naming both needs both.
 */
export interface PlacedUnit {
  id: string;
  parent_id: string | null;
  region_id: string | null;
  region_path: string | null;
}

export function reachesUnit(
  grants: readonly Grant[],
  permission: Permission,
  target: PlacedUnit,
  units: ReadonlyMap<string, PlacedUnit>,
): boolean {
  const ancestors = new Set<string>();
  for (
    let u: PlacedUnit | undefined = target;
    u && !ancestors.has(u.id);
    u = u.parent_id ? units.get(u.parent_id) : undefined
  )
    ancestors.add(u.id);
  return grants.some((g) => {
    if (!ROLE_PERMISSIONS[g.role].includes(permission)) return false;
    const unitOk = g.unitId === null || ancestors.has(g.unitId);
    const regionOk = g.regionId === null || (target.region_path?.includes(`/${g.regionId}/`) ?? false);
    return unitOk && regionOk;
  });
}

/** The list and figures show the orders whose target unit or case region the caller's supervision.read reaches. */
export const orderRule = (actor: Pick<Actor, 'grants'>, permission: Permission = 'supervision.read') =>
  scopeRule(actor, permission, { unit: 'target_unit_id', regions: ['street_id', 'community_id'] });
