import { sql, type Expression, type SqlBool } from 'kysely';
import { REGION_SUBJECTS, type KpiSubject } from '../../../../common/domain/kpi.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeOf, type Actor } from '../auth/index.ts';
import type { Member } from './kpi.repository.ts';

/**
 * Who sees which figures (issue 6): an unrestricted kpi.read grant sees everything; a unit-bound user only their
 * unit's figures; a region-bound user only the regions (and grids) inside their region. The tenant total and post
 * rankings need an unrestricted grant. Asking for a member outside the scope is the same 404 as a missing one.
 */
export const scopeForbidden = () => new AppError('AUTH_FORBIDDEN', 403, { permission: 'kpi.read', reason: 'scope' });

export function visibleMembers(actor: Actor, subject: KpiSubject, all: readonly Member[]): Member[] {
  const scope = scopeOf(actor, 'kpi.read');
  if (scope.all) return [...all];
  if (subject === 'unit' && scope.unitIds.length) return all.filter((m) => scope.unitIds.includes(m.id));
  if (REGION_SUBJECTS.includes(subject) && scope.regionIds.length) {
    return all.filter((m) => scope.regionIds.includes(m.id) || scope.regionIds.some((r) => (m.path ?? '').includes(`/${r}/`)));
  }
  // the tenant total, posts, and subjects of another kind than the grant's scope
  throw scopeForbidden();
}

/** SQL filter on `cases as c` for the case lists and drill-down, from the kpi.read grants (null = whole tenant). */
export function caseFilter(actor: Actor): Expression<SqlBool> | null {
  const scope = scopeOf(actor, 'kpi.read');
  if (scope.all) return null;
  const parts: Expression<SqlBool>[] = [];
  if (scope.unitIds.length) parts.push(sql<SqlBool>`c.unit_id in (${sql.join(scope.unitIds)})`);
  if (scope.regionIds.length) parts.push(sql<SqlBool>`(c.street_id in (${sql.join(scope.regionIds)}) or c.community_id in (${sql.join(scope.regionIds)}))`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`1 = 0`;
}
