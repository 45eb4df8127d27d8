import { sql, type Expression, type SqlBool } from 'kysely';
import type { Permission } from '../../../../common/domain/roles.ts';
import { scopeOf, type Actor } from './actor.ts';

/**
 * Which rows of a register a verb reaches (docs/conventions.md, "Authorization"): a grant naming neither unit nor
 * region reaches the whole city; a region grant reaches the rows of that township; a unit grant the rows whose
 * squad is that unit (tables without a squad column are reached by region grants only). Null = no filter.
 */
export function registerScope(
  actor: Actor,
  permission: Permission,
  alias: string,
  hasUnit: boolean,
): Expression<SqlBool> | null {
  const s = scopeOf(actor, permission);
  if (s.all) return null;
  const parts: Expression<SqlBool>[] = [];
  if (s.regionIds.length) parts.push(sql<SqlBool>`${sql.ref(`${alias}.region_id`)} in (${sql.join(s.regionIds)})`);
  if (hasUnit && s.unitIds.length) parts.push(sql<SqlBool>`${sql.ref(`${alias}.unit_id`)} in (${sql.join(s.unitIds)})`);
  if (!parts.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The same rule for one row (detail pages and writes), so a list never shows a row its detail refuses. */
export function reaches(
  actor: Actor,
  permission: Permission,
  row: { region_id: string | null; unit_id?: string | null },
): boolean {
  const s = scopeOf(actor, permission);
  if (s.all) return true;
  if (row.region_id && s.regionIds.includes(row.region_id)) return true;
  return !!row.unit_id && s.unitIds.includes(row.unit_id);
}
