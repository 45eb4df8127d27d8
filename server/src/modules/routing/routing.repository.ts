import { sql, type Expression, type SqlBool } from 'kysely';
import type { RoutingRulesTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { containsAny } from '../../platform/search.ts';
import { caseRows } from '../cases/index.ts';
import { lockTenantRow, orgReadModel } from '../org/index.ts';
import { catalogLookups, catalogReadModel } from '../catalog/index.ts';

/** Kysely queries for routing rules and the duplicate search; every one is scoped by tenant. */

export interface RuleFilter {
  q?: string;
  unitId?: string;
  matterCode?: string;
  majorCode?: string;
  regionId?: string;
  active?: boolean;
}

export interface RuleWindow {
  limit: number;
  offset: number;
  sort: 'code' | 'priority' | 'updatedAt' | 'unitName';
  order: 'asc' | 'desc';
}

/** Rules with unit, region, matter and major names joined in one query (no N+1 in lists). */
function rulesWithNames(db: Executor, tenantId: string) {
  return db
    .selectFrom('routing_rules as r')
    .$call((q) => orgReadModel.innerJoinUnits(q, 'u', { id: 'r.unit_id' }))
    .$call((q) => orgReadModel.leftJoinRegions(q, 'g', { id: 'r.region_id' }))
    .$call((q) => catalogReadModel.leftJoinMatters(q, 'm', { tenant_id: 'r.tenant_id', code: 'r.matter_code' }))
    .where('r.tenant_id', '=', tenantId);
}

type NamedQuery = ReturnType<typeof rulesWithNames>;

function selectNamed(q: NamedQuery) {
  return q.selectAll('r').select((eb) => [
    'u.name as unit_name',
    'g.name as region_name',
    'g.kind as region_kind',
    'm.name as matter_name',
    // A major class has no row of its own: its name is on every matter of the class.
    catalogReadModel.majorNameOf(eb, 'r.tenant_id', 'r.major_code').as('major_name'),
  ]);
}

export async function listRules(db: Executor, tenantId: string, f: RuleFilter, w: RuleWindow) {
  let q = rulesWithNames(db, tenantId);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.matterCode) q = q.where('r.matter_code', '=', f.matterCode);
  if (f.majorCode) q = q.where('r.major_code', '=', f.majorCode);
  if (f.regionId) q = q.where('r.region_id', '=', f.regionId);
  if (f.active !== undefined) q = q.where('r.active', '=', f.active ? 1 : 0);
  if (f.q) q = q.where(containsAny(['r.note', 'r.matter_code', 'u.name', 'g.name', 'm.name'], f.q));
  let list = selectNamed(q);
  // coalesce: SQLite sorts NULL first and PostgreSQL last; the same page on both backends matters to the screen.
  if (w.sort === 'code')
    list = list
      .orderBy(sql`coalesce(r.matter_code, r.major_code, '')`, w.order)
      .orderBy(sql`coalesce(g.full_code, '')`, w.order);
  else if (w.sort === 'priority') list = list.orderBy('r.priority', w.order);
  else if (w.sort === 'updatedAt') list = list.orderBy('r.updated_at', w.order);
  else list = list.orderBy('u.name', w.order);
  const [rows, count] = await Promise.all([
    list.orderBy('r.priority', 'desc').orderBy('r.id').limit(w.limit).offset(w.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function ruleWithNames(db: Executor, tenantId: string, id: string) {
  return selectNamed(rulesWithNames(db, tenantId).where('r.id', '=', id)).executeTakeFirst();
}

export async function findRule(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('routing_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertRule(db: Executor, row: RoutingRulesTable) {
  await db.insertInto('routing_rules').values(row).execute();
}

export async function updateRule(db: Executor, tenantId: string, id: string, patch: Partial<RoutingRulesTable>) {
  await db.updateTable('routing_rules').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteRule(db: Executor, tenantId: string, id: string) {
  await db.deleteFrom('routing_rules').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Fallback rules (active or not) other than `exceptId`. */
export async function otherFallback(db: Executor, tenantId: string, exceptId: string | null) {
  let q = db
    .selectFrom('routing_rules')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('matter_code', 'is', null)
    .where('major_code', 'is', null)
    .where('region_id', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/**
 * Serialises fallback writes of one tenant on PostgreSQL (row lock on the tenant) so two admins cannot both
 * create "the" fallback. SQLite needs nothing: its one connection runs transactions one at a time.
 */
export async function lockTenant(db: Executor, dialect: 'sqlite' | 'postgres', tenantId: string) {
  await lockTenantRow(db, dialect, tenantId);
}

/** Active rules of active units that can apply to a matter in a street/community (ranked in routing-precedence). */
export async function candidateRules(
  db: Executor,
  tenantId: string,
  matterCode: string,
  majorCode: string,
  regionIds: readonly string[],
) {
  return db
    .selectFrom('routing_rules as r')
    .$call((q) => orgReadModel.innerJoinUnits(q, 'u', { id: 'r.unit_id' }))
    .select(['r.id', 'r.matter_code', 'r.major_code', 'r.region_id', 'r.unit_id', 'r.priority', 'r.created_at'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.active', '=', 1)
    .where('u.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb('r.matter_code', '=', matterCode),
        eb('r.major_code', '=', majorCode),
        eb.and([eb('r.matter_code', 'is', null), eb('r.major_code', 'is', null)]),
      ]),
    )
    .where((eb) =>
      regionIds.length
        ? eb.or([eb('r.region_id', 'is', null), eb('r.region_id', 'in', regionIds)])
        : eb('r.region_id', 'is', null),
    )
    .execute();
}

export async function activeUnit(db: Executor, tenantId: string, id: string) {
  return orgReadModel.activeUnit(db, tenantId, id);
}

export async function regionExists(db: Executor, tenantId: string, id: string): Promise<boolean> {
  return orgReadModel.regionExists(db, tenantId, id);
}

export async function matterExists(db: Executor, tenantId: string, code: string): Promise<boolean> {
  return catalogLookups.matterExists(db, tenantId, code);
}

export async function majorExists(db: Executor, tenantId: string, majorCode: string): Promise<boolean> {
  return catalogLookups.majorExists(db, tenantId, majorCode);
}

/** A filing condition of the matter: the given one, or its first active one (lowest seq) when no id is given. */
export async function filingCondition(db: Executor, tenantId: string, matterCode: string, id: string | undefined) {
  return catalogReadModel.conditionOfMatter(db, tenantId, matterCode, id);
}

export interface NearbyFilter {
  majorFrom: string;
  majorTo: string;
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
  from: string;
  to: string;
  excludeId: string | null;
  /** the caller's visibility filter on `cases` (the case module's rule), or null for the whole tenant */
  visibility?: Expression<SqlBool> | null;
}

/**
 * Live, unmerged cases of the major class in the box and time window. reported_at is ISO-8601 UTC text of one
 * fixed width, so text comparison is time comparison (docs/decisions/0002). Capped: a list longer than this is
 * no help to an operator, and the cap bounds the work on a crowded square.
 */
export async function nearbyCases(db: Executor, tenantId: string, f: NearbyFilter, cap = 500) {
  let q = caseRows(db)
    .select(['id', 'case_no', 'status', 'matter_code', 'lng', 'lat', 'reported_at'])
    .where('tenant_id', '=', tenantId)
    .where('reported_at', '>=', f.from)
    .where('reported_at', '<=', f.to)
    .where('matter_code', '>=', f.majorFrom)
    .where('matter_code', '<=', f.majorTo)
    .where('lng', '>=', f.minLng)
    .where('lng', '<=', f.maxLng)
    .where('lat', '>=', f.minLat)
    .where('lat', '<=', f.maxLat)
    .where('status', '!=', 'voided')
    .where('parent_id', 'is', null);
  if (f.excludeId) q = q.where('id', '!=', f.excludeId);
  if (f.visibility) q = q.where(f.visibility);
  return q.orderBy('reported_at', 'desc').limit(cap).execute();
}
