import type { Expression, SqlBool } from 'kysely';
import { REGION_SUBJECTS, type KpiSubject } from '../../../../common/domain/kpi.ts';
import { ROLE_PERMISSIONS } from '../../../../common/domain/roles.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../auth/index.ts';
import { caseVisibility } from '../cases/index.ts';
import type { Member } from './kpi.repository.ts';

/**
 * Who sees which figures: an unrestricted kpi.read grant sees everything; a unit grant its unit's figures;
 * a region grant the regions (and grids) inside its region. A member's figures count every case of that member, so
 * they are shown only to a grant that reaches all of those cases: a grant naming a unit AND a region reaches no whole
 * unit and no whole region, and sees its cases through the drill-down and case lists only. The tenant total and post
 * rankings need an unrestricted grant. Asking for a member outside the scope is the same 404 as a missing one.
 */
export const scopeForbidden = () => new AppError('AUTH_FORBIDDEN', 403, { permission: 'kpi.read', reason: 'scope' });

export function visibleMembers(actor: Actor, subject: KpiSubject, all: readonly Member[]): Member[] {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('kpi.read'));
  if (grants.some((g) => !g.unitId && !g.regionId)) return [...all];
  if (subject === 'unit' && grants.some((g) => g.unitId)) {
    const units = new Set(grants.flatMap((g) => (g.unitId && !g.regionId ? [g.unitId] : [])));
    return all.filter((m) => units.has(m.id));
  }
  if (REGION_SUBJECTS.includes(subject) && grants.some((g) => g.regionId)) {
    const regions = grants.flatMap((g) => (g.regionId && !g.unitId ? [g.regionId] : []));
    return all.filter((m) => regions.includes(m.id) || regions.some((r) => (m.path ?? '').includes(`/${r}/`)));
  }
  // the tenant total, posts, and subjects of another kind than the grant's scope
  throw scopeForbidden();
}

/** SQL filter on `cases as c` for the case lists and drill-down: the case module's rule for kpi.read (null = whole tenant). */
export function caseFilter(actor: Actor): Expression<SqlBool> | null {
  return caseVisibility(actor, 'c', 'kpi.read');
}
