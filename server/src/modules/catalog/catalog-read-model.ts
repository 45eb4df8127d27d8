import type { ExpressionBuilder, SelectQueryBuilder, StringReference } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { leftJoinRows } from '../../platform/read-joins.ts';

/**
 * The read model of the catalog's tables for other modules (docs/architecture.md, "Table ownership"; decision 0008):
 * joins of a matter or component class into the caller's own query (under its alias, on its tenant and code
 * columns), scalar subqueries for names, and the finished reads of the matter list and filing conditions that
 * intake, routing and Open311 use. The columns of `catalog_entries` and `filing_conditions` are a published contract.
 */

type EntryOn<D, TB extends keyof D> = { tenant_id: StringReference<D, TB>; code: StringReference<D, TB> };

/** Left-joins the matter (kind `matter`) with the given tenant and code under `alias`. */
export function leftJoinMatters<D, TB extends keyof D, O, A extends string>(
  qb: SelectQueryBuilder<D, TB, O>,
  alias: A,
  on: EntryOn<D, TB>,
) {
  return leftJoinRows('catalog_entries', qb, alias, { refs: on, values: { kind: 'matter' } });
}

/** Left-joins the component class (kind `component`) with the given tenant and code under `alias`. */
export function leftJoinComponentClasses<D, TB extends keyof D, O, A extends string>(
  qb: SelectQueryBuilder<D, TB, O>,
  alias: A,
  on: EntryOn<D, TB>,
) {
  return leftJoinRows('catalog_entries', qb, alias, { refs: on, values: { kind: 'component' } });
}

/** The matter's name (no row: null), as a scalar subquery. */
export const matterNameQuery = (db: Executor, tenantId: string, code: string) =>
  db
    .selectFrom('catalog_entries')
    .select('name')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('code', '=', code)
    .limit(1);

/**
 * The name of the major class whose tenant and code are columns of the caller's row, as a correlated scalar
 * subquery (a major class has no row of its own: its name is on every matter of the class).
 */
export function majorNameOf<D, TB extends keyof D>(
  eb: ExpressionBuilder<D, TB>,
  tenantId: StringReference<D, TB>,
  majorCode: StringReference<D, TB>,
) {
  return (eb as unknown as ExpressionBuilder<DB, never>)
    .selectFrom('catalog_entries as c')
    .select((c) => c.fn.max('c.major_name').as('n'))
    .where('c.tenant_id', '=', sql.ref<string>(tenantId))
    .where('c.major_code', '=', sql.ref<string>(majorCode))
    .where('c.kind', '=', 'matter');
}

// ---- finished reads

const MATTER_COLUMNS = [
  'code',
  'name',
  'major_code',
  'major_name',
  'old_code',
  'pinyin',
  'initials',
  'updated_at',
] as const;

/** The active matters in code order, with their class and search keys. */
export const activeMattersFull = (db: Executor, tenantId: string) =>
  db
    .selectFrom('catalog_entries')
    .select(MATTER_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('active', '=', 1)
    .orderBy('code')
    .execute();

/** One active matter with its class and search keys, or undefined. */
export const activeMatterFull = (db: Executor, tenantId: string, code: string) =>
  db
    .selectFrom('catalog_entries')
    .select(MATTER_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('active', '=', 1)
    .where('code', '=', code)
    .executeTakeFirst();

/** Count and latest change of the active 立结案标准 per matter (one grouped query for the whole list). */
export const conditionStats = (db: Executor, tenantId: string) =>
  db
    .selectFrom('filing_conditions')
    .select((eb) => ['matter_code', eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('changed')])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .groupBy('matter_code')
    .execute();

/** The active conditions of one matter in their order. */
export const activeConditionsOf = (db: Executor, tenantId: string, matterCode: string) =>
  db
    .selectFrom('filing_conditions')
    .select(['id', 'seq', 'condition', 'closing_condition', 'limit_value', 'limit_unit', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('matter_code', '=', matterCode)
    .where('active', '=', 1)
    .orderBy('seq')
    .execute();

/** One active filing condition, every column, or undefined. */
export function activeCondition(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('filing_conditions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** A filing condition of the matter (id, default unit): the given one, or its first active one when no id is given. */
export function conditionOfMatter(db: Executor, tenantId: string, matterCode: string, id: string | undefined) {
  let q = db
    .selectFrom('filing_conditions')
    .select(['id', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('matter_code', '=', matterCode);
  q = id ? q.where('id', '=', id) : q.where('active', '=', 1).orderBy('seq').limit(1);
  return q.executeTakeFirst();
}
