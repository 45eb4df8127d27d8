import { sql, type Expression, type SqlBool } from 'kysely';
import { ROLE_PERMISSIONS, type Grant, type Permission } from '../../../../common/domain/roles.ts';

/**
 * Which records a verb reaches (decision 0001). Each grant that carries the verb reaches the records matching
 * everything it names: its unit AND its region (a street also matches through its communities, because a record
 * stores both). A grant naming neither reaches the whole tenant. Several grants are OR'ed.
 *
 * A record type only says where its unit and its regions sit (`ScopeColumns`). From that one description come both
 * the in-memory test (detail, transitions, live events) and the SQL filter (lists, counts, exports, KPI case lists,
 * duplicates), so a list can never show a record its detail page refuses, or the reverse.
 */
export interface ScopeColumns<K extends string> {
  /** the column holding the record's handling unit */
  unit: K;
  /** the columns holding the record's regions; a region grant matches when any of them equals it */
  regions: readonly K[];
}

/** One condition of a grant: some column in `columns` holds one of `values`. */
interface Clause<K extends string> {
  columns: readonly K[];
  values: string[];
}

export interface ScopeRule<K extends string> {
  /** some grant carrying the verb names neither unit nor region */
  readonly all: boolean;
  /** whether one record (its scope columns) is reached */
  test(row: { readonly [C in K]: string | null }): boolean;
  /** the same rule as a filter on `alias` (null = the whole tenant, `1 = 0` = nothing) */
  where(alias: string): Expression<SqlBool> | null;
}

/** The conditions of each grant carrying the verb; unit-only and region-only grants are merged into one IN list each. */
function conjunctions<K extends string>(
  grants: readonly Grant[],
  permission: Permission,
  columns: ScopeColumns<K>,
): Clause<K>[][] {
  const units = new Set<string>();
  const regions = new Set<string>();
  const both = new Map<string, Clause<K>[]>();
  let all = false;
  for (const g of grants) {
    if (!ROLE_PERMISSIONS[g.role].includes(permission)) continue;
    if (g.unitId && g.regionId) {
      both.set(`${g.unitId}\u0000${g.regionId}`, [
        { columns: [columns.unit], values: [g.unitId] },
        { columns: columns.regions, values: [g.regionId] },
      ]);
    } else if (g.unitId) units.add(g.unitId);
    else if (g.regionId) regions.add(g.regionId);
    else all = true;
  }
  if (all) return [[]];
  const out: Clause<K>[][] = [];
  if (units.size) out.push([{ columns: [columns.unit], values: [...units] }]);
  if (regions.size) out.push([{ columns: columns.regions, values: [...regions] }]);
  return [...out, ...both.values()];
}

export function scopeRule<K extends string>(
  who: { grants: readonly Grant[] },
  permission: Permission,
  columns: ScopeColumns<K>,
): ScopeRule<K> {
  const rule = conjunctions(who.grants, permission, columns);
  const all = rule.some((clauses) => clauses.length === 0);
  const holds = (row: { readonly [C in K]: string | null }, c: Clause<K>) =>
    c.columns.some((col) => {
      const v = row[col];
      return v !== null && c.values.includes(v);
    });
  const clauseSql = (alias: string, c: Clause<K>) =>
    sql<SqlBool>`(${sql.join(
      c.columns.map((col) => sql`${sql.ref(`${alias}.${col}`)} in (${sql.join(c.values)})`),
      sql` or `,
    )})`;
  return {
    all,
    test: (row) => rule.some((clauses) => clauses.every((c) => holds(row, c))),
    where(alias) {
      if (all) return null;
      if (!rule.length) return sql<SqlBool>`1 = 0`;
      return sql<SqlBool>`(${sql.join(
        rule.map(
          (clauses) =>
            sql`(${sql.join(
              clauses.map((c) => clauseSql(alias, c)),
              sql` and `,
            )})`,
        ),
        sql` or `,
      )})`;
    },
  };
}
