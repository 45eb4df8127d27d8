import type { CatalogEntriesTable, FilingConditionsTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { containsAny } from '../../platform/search.ts';
import { orgReadModel } from '../org/index.ts';
import { forgetMatters } from './catalog-lookups.ts';

/** Kysely queries for the catalog and 立结案标准; every one is scoped by tenant. */

export interface ListWindow {
  limit: number;
  offset: number;
  sort: string;
  order: 'asc' | 'desc';
}

// ---- catalog entries

export type CatalogKind = CatalogEntriesTable['kind'];

export interface EntryFilter {
  kind?: CatalogKind;
  majorCode?: string;
  local?: boolean;
  active?: boolean;
}

/** The whole catalog of a tenant (~403 rows): the search index and the sheet lookups are built from it. */
export async function allEntries(db: Executor, tenantId: string) {
  return db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .orderBy('kind')
    .execute();
}

/**
 * A cheap fingerprint of a tenant's catalog. Another app process may have changed it; the cached search is rebuilt
 * when this differs (N stateless copies behind a load balancer: docs/architecture.md, "Several instances").
 */
export async function entriesFingerprint(db: Executor, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('catalog_entries')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('updated_at').as('at'),
      eb.fn.sum<number>('active').as('active'),
    ])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}|${row.at ?? ''}|${Number(row.active ?? 0)}`;
}

export async function listEntries(db: Executor, tenantId: string, f: EntryFilter, w: ListWindow) {
  let q = db.selectFrom('catalog_entries').where('tenant_id', '=', tenantId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.majorCode) q = q.where('major_code', '=', f.majorCode);
  if (f.local !== undefined) q = q.where('local', '=', f.local ? 1 : 0);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  const [rows, count] = await Promise.all([
    // Components before matters under the same code (01001 供水井盖, then 01001 供水井盖异常).
    q
      .selectAll()
      .orderBy(w.sort as 'code', w.order)
      .orderBy('kind')
      .orderBy('id')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findEntries(db: Executor, tenantId: string, code: string, kind?: CatalogKind) {
  let q = db.selectFrom('catalog_entries').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').execute();
}

/** Every code ever used in a major class, of either kind (local codes are never reused). */
export async function codesInMajor(db: Executor, tenantId: string, majorCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select('code')
    .where('tenant_id', '=', tenantId)
    .where('major_code', '=', majorCode)
    .execute();
  return rows.map((r) => r.code);
}

export async function namesInMajor(db: Executor, tenantId: string, kind: CatalogKind, majorCode: string) {
  return db
    .selectFrom('catalog_entries')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('major_code', '=', majorCode)
    .execute();
}

export async function insertEntries(db: Executor, rows: readonly CatalogEntriesTable[]) {
  forgetMatters();
  // Batches keep the bound-parameter count well under both backends' limits.
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('catalog_entries')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function updateEntry(db: Executor, tenantId: string, id: string, patch: Partial<CatalogEntriesTable>) {
  forgetMatters();
  await db.updateTable('catalog_entries').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function majorCounts(db: Executor, tenantId: string) {
  return db
    .selectFrom('catalog_entries')
    .select(['major_code', 'kind', 'local', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy(['major_code', 'kind', 'local'])
    .execute();
}

// ---- filing conditions (立结案标准)

export interface ConditionFilter {
  q?: string;
  matterCode?: string;
  unitId?: string;
}

/** Conditions with their matter and unit names, joined in one query (no N+1). */
function conditionsQuery(db: Executor, tenantId: string, f: ConditionFilter) {
  let q = db
    .selectFrom('filing_conditions as f')
    .leftJoin('catalog_entries as m', (join) =>
      join.onRef('m.tenant_id', '=', 'f.tenant_id').onRef('m.code', '=', 'f.matter_code').on('m.kind', '=', 'matter'),
    )
    .$call((q) => orgReadModel.leftJoinUnits(q, 'u', { id: 'f.unit_id' }))
    .where('f.tenant_id', '=', tenantId);
  if (f.matterCode) q = q.where('f.matter_code', '=', f.matterCode);
  if (f.unitId) q = q.where('f.unit_id', '=', f.unitId);
  if (f.q) q = q.where(containsAny(['f.condition', 'f.closing_condition', 'f.matter_code', 'm.name'], f.q));
  return q;
}

export async function listConditions(db: Executor, tenantId: string, f: ConditionFilter, w: ListWindow | null) {
  const q = conditionsQuery(db, tenantId, f);
  let rowsQ = q
    .selectAll('f')
    .select(['m.name as matter_name', 'u.name as unit_name'])
    .orderBy(`f.${w?.sort ?? 'matter_code'}` as 'f.matter_code', w?.order ?? 'asc')
    .orderBy('f.matter_code')
    .orderBy('f.seq')
    .orderBy('f.id');
  if (w) rowsQ = rowsQ.limit(w.limit).offset(w.offset);
  const [rows, count] = await Promise.all([
    rowsQ.execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function conditionWithNames(db: Executor, tenantId: string, id: string) {
  return conditionsQuery(db, tenantId, {})
    .selectAll('f')
    .select(['m.name as matter_name', 'u.name as unit_name'])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export async function findCondition(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('filing_conditions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function conditionsOfMatters(db: Executor, tenantId: string, matterCodes: readonly string[]) {
  if (matterCodes.length === 0) return [];
  return db
    .selectFrom('filing_conditions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('matter_code', 'in', matterCodes)
    .orderBy('matter_code')
    .orderBy('seq')
    .execute();
}

export async function maxSeqByMatter(
  db: Executor,
  tenantId: string,
  matterCodes: readonly string[],
): Promise<Map<string, number>> {
  if (matterCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('filing_conditions')
    .select(['matter_code', (eb) => eb.fn.max('seq').as('seq')])
    .where('tenant_id', '=', tenantId)
    .where('matter_code', 'in', matterCodes)
    .groupBy('matter_code')
    .execute();
  return new Map(rows.map((r) => [r.matter_code, Number(r.seq ?? 0)]));
}

export async function insertConditions(db: Executor, rows: readonly FilingConditionsTable[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('filing_conditions')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function updateCondition(
  db: Executor,
  tenantId: string,
  id: string,
  patch: Partial<FilingConditionsTable>,
) {
  await db.updateTable('filing_conditions').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteConditions(db: Executor, tenantId: string, ids: readonly string[]) {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom('filing_conditions')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

export async function countConditions(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('filing_conditions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- units (read only: the catalog names a default handling unit)

export async function tenantUnits(db: Executor, tenantId: string) {
  return orgReadModel.tenantUnits(db, tenantId);
}

export async function unitExists(db: Executor, tenantId: string, id: string): Promise<boolean> {
  return orgReadModel.unitExists(db, tenantId, id);
}

/** Active matters with their active 立结案标准, for seeds that file cases (the demo history). */
export async function activeMattersWithConditions(db: Executor, tenantId: string) {
  const [matters, conditions] = await Promise.all([
    db
      .selectFrom('catalog_entries')
      .select(['code', 'name'])
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'matter')
      .where('active', '=', 1)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('filing_conditions')
      .select(['id', 'matter_code', 'condition', 'limit_value', 'limit_unit', 'unit_id'])
      .where('tenant_id', '=', tenantId)
      .where('active', '=', 1)
      .orderBy('matter_code')
      .orderBy('seq')
      .execute(),
  ]);
  return { matters, conditions };
}
