import { sql, type Expression, type SqlBool } from 'kysely';
import { can, scopeOf, type Actor, type Scope } from '../auth/index.ts';
import type { Permission } from '../../../../common/domain/roles.ts';

/**
 * Who sees which case (brief: "a user sees only what their role, department and region allow"): an unrestricted
 * case.read grant sees the tenant; a unit grant sees cases dispatched to that unit; a region grant sees cases in
 * that street or community. Anything else is the same 404 as a missing case.
 */
export interface CaseLocation {
  unit_id: string | null;
  street_id: string | null;
  community_id: string | null;
}

export const scopeOfCase = (c: CaseLocation): Scope => ({
  unitId: c.unit_id,
  regionPath: `/${c.street_id ?? '-'}/${c.community_id ?? '-'}/`,
});

export function canSee(actor: Actor, c: CaseLocation): boolean {
  return can(actor, 'case.read', scopeOfCase(c));
}

export function canDo(actor: Actor, permission: Permission, c: CaseLocation): boolean {
  return can(actor, permission, scopeOfCase(c));
}

/** The SQL filter for list queries, from the same grants (null = the whole tenant). */
export function visibilityFilter(actor: Actor, alias = 'c'): Expression<SqlBool> | null {
  const scope = scopeOf(actor, 'case.read');
  if (scope.all) return null;
  const parts: Expression<SqlBool>[] = [];
  if (scope.unitIds.length) parts.push(sql<SqlBool>`${sql.ref(`${alias}.unit_id`)} in (${sql.join(scope.unitIds)})`);
  if (scope.regionIds.length) {
    parts.push(sql<SqlBool>`(${sql.ref(`${alias}.street_id`)} in (${sql.join(scope.regionIds)}) or ${sql.ref(`${alias}.community_id`)} in (${sql.join(scope.regionIds)}))`);
  }
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`1 = 0`;
}
