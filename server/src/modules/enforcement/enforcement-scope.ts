/**
 * Which enforcement cases a caller sees (docs/enforcement.md, "Squads"): the one rule used by the list, its count,
 * the export, the figures and the detail (and so every step, which loads the case through the detail's check).
 * 执法队员 and 中队长 see the cases of their squad (the unit of their grant, else their own unit) and the cases
 * that name them as an officer; everyone else who reads enforcement cases (法制审核员, 局领导, the city's leaders)
 * sees all of the city's cases.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Role } from '../../../../common/domain/roles.ts';
import { ROLE_PERMISSIONS } from '../../../../common/domain/roles.ts';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import type { Actor } from '../auth/index.ts';

/** Roles that work inside one squad. */
export const SQUAD_ROLES: readonly Role[] = ['enforcementOfficer', 'squadLeader'];

export type CaseScope = { all: true } | { all: false; unitIds: string[]; userId: string };

export function caseScope(actor: Actor): CaseScope {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('enforcement.read'));
  if (grants.some((g) => !SQUAD_ROLES.includes(g.role) && !g.unitId && !g.regionId)) return { all: true };
  const unitIds = new Set<string>();
  for (const g of grants) {
    const unit = g.unitId ?? (SQUAD_ROLES.includes(g.role) ? actor.unitId : null);
    if (unit) unitIds.add(unit);
  }
  return { all: false, unitIds: [...unitIds], userId: actor.userId };
}

/** The rule as a filter on `enforcement_cases` (aliased `alias`); null = no filter. */
export function scopeFilter(
  scope: CaseScope,
  alias = 'enforcement_cases',
): ((eb: ExpressionBuilder<DB, 'enforcement_cases'>) => Expression<SqlBool>) | null {
  if (scope.all) return null;
  return (eb) => {
    const ref = (c: string) => eb.ref(`${alias}.${c}` as 'enforcement_cases.id');
    const named = eb.exists(
      eb
        .selectFrom('enforcement_officers as eo')
        .select('eo.user_id')
        .whereRef('eo.case_id', '=', ref('id'))
        .where('eo.user_id', '=', scope.userId),
    );
    return scope.unitIds.length ? eb.or([eb(ref('unit_id'), 'in', scope.unitIds), named]) : named;
  };
}

/** The same rule for one case (detail and every step), so the list never shows a case its detail refuses. */
export async function seesCase(
  ex: Executor,
  scope: CaseScope,
  row: { id: string; unit_id: string | null },
): Promise<boolean> {
  if (scope.all) return true;
  if (row.unit_id && scope.unitIds.includes(row.unit_id)) return true;
  const named = await ex
    .selectFrom('enforcement_officers')
    .select('user_id')
    .where('case_id', '=', row.id)
    .where('user_id', '=', scope.userId)
    .executeTakeFirst();
  return !!named;
}
