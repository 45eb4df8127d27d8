import type { Expression, SqlBool } from 'kysely';
import type { Grant, Permission } from '../../../../common/domain/roles.ts';
import { scopeRule, type Actor } from '../auth/index.ts';

/**
 * Who sees and acts on which case (decision 0001, docs/security.md "Visibility of cases to staff"): each grant
 * carrying the verb reaches the cases of its unit AND its region (a street reaches its communities' cases too);
 * a grant naming neither reaches the tenant; several grants are OR'ed. Anything else is the same 404 as a missing
 * case. The detail check and every list filter come from `caseRule`, so they cannot disagree.
 */
export interface CaseLocation {
  unit_id: string | null;
  street_id: string | null;
  community_id: string | null;
}

const CASE_COLUMNS = { unit: 'unit_id', regions: ['street_id', 'community_id'] } as const;

/** The one visibility rule of cases for a verb (case.read for the console, kpi.read for KPI case lists). */
export const caseRule = (who: { grants: readonly Grant[] }, permission: Permission = 'case.read') => scopeRule(who, permission, CASE_COLUMNS);

export function canSee(actor: Actor, c: CaseLocation): boolean {
  return caseRule(actor).test(c);
}

export function canDo(actor: Actor, permission: Permission, c: CaseLocation): boolean {
  return caseRule(actor, permission).test(c);
}

/** The SQL filter on cases aliased `alias`, from the same rule (null = the whole tenant). */
export function visibilityFilter(actor: Actor, alias = 'c', permission: Permission = 'case.read'): Expression<SqlBool> | null {
  return caseRule(actor, permission).where(alias);
}

