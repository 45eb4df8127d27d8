import { sql, type Expression, type SqlBool } from 'kysely';

/** The list filter of a caller's unit reach (cp-context.ts, unitReach): null = no filter, [] = nothing. */
export function inUnits(alias: string, units: string[] | null): Expression<SqlBool> | null {
  if (!units) return null;
  if (!units.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(`${alias}.unit_id`)} in (${sql.join(units)})`;
}
