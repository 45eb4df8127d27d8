/** Queries of the inspection plans, inspections and contracts (docs/inspections.md); the services hold the rules. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ContractQuery, InspectionQuery, PlanQuery } from '../../../../common/contracts/inspections.ts';
import type { AssetContractsTable, AssetInspectionPlansTable, AssetInspectionsTable } from '../../db/schema-assets.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

export const insertPlan = (db: Executor, row: AssetInspectionPlansTable) =>
  db.insertInto('asset_inspection_plans').values(row).execute();

const planBase = (db: Executor, tenantId: string) =>
  db
    .selectFrom('asset_inspection_plans as p')
    .innerJoin('asset_types as t', 't.id', 'p.type_id')
    .selectAll('p')
    .select(['t.code as type_code', 't.name_zh as type_name_zh', 't.name_en as type_name_en', 't.line as line'])
    .where('p.tenant_id', '=', tenantId);

/** A page of plans: search by the plan's name or the type's code or names. */
export function listPlans(
  db: Executor,
  tenantId: string,
  q: PlanQuery,
  w: SortedWindow<'name' | 'updated_at' | 'schedule_kind'>,
) {
  let base = db
    .selectFrom('asset_inspection_plans as p')
    .innerJoin('asset_types as t', 't.id', 'p.type_id')
    .where('p.tenant_id', '=', tenantId);
  if (q.q) base = base.where(containsAny(['p.name', 't.code', 't.name_zh', 't.name_en'], q.q));
  if (q.active !== undefined) base = base.where('p.active', '=', q.active ? 1 : 0);
  return pageWithTotal(
    base,
    (b) =>
      b
        .selectAll('p')
        .select(['t.code as type_code', 't.name_zh as type_name_zh', 't.name_en as type_name_en', 't.line as line'])
        .orderBy(sql.ref(`p.${w.sort}`), w.order)
        .orderBy('p.id'),
    w,
  );
}
export const findPlan = (db: Executor, tenantId: string, id: string) =>
  planBase(db, tenantId).where('p.id', '=', id).executeTakeFirst();
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export const activePlans = (db: Executor, tenantId: string) =>
  planBase(db, tenantId).where('p.active', '=', 1).execute();

export const tenantsWithPlans = async (db: Executor) =>
  (await db.selectFrom('asset_inspection_plans').select('tenant_id').where('active', '=', 1).distinct().execute()).map(
    (r) => r.tenant_id,
  );

export const activeAssetsOfType = (db: Executor, tenantId: string, typeId: string) =>
  db
    .selectFrom('assets')
    .select(['id', 'line', 'region_id', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('type_id', '=', typeId)
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();

/** Inserts the inspections not there yet (one per plan, asset and date); answers how many were new. */
export async function insertInspections(db: Executor, rows: AssetInspectionsTable[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 40) {
    const res = await db
      .insertInto('asset_inspections')
      .values(rows.slice(i, i + 40))
      .onConflict((oc) => oc.columns(['plan_id', 'asset_id', 'due_date']).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

const inspectionBase = (db: Executor, tenantId: string) =>
  db
    .selectFrom('asset_inspections as i')
    .innerJoin('assets as a', 'a.id', 'i.asset_id')
    .innerJoin('asset_inspection_plans as p', 'p.id', 'i.plan_id')
    .selectAll('i')
    .select([
      'a.code as asset_code',
      'a.name as asset_name',
      'a.address as address',
      'a.lng as lng',
      'a.lat as lat',
      'p.name as plan_name',
      'p.checklist as checklist',
      'p.unit_id as plan_unit_id',
    ])
    .where('i.tenant_id', '=', tenantId);

export const findInspection = (db: Executor, tenantId: string, id: string) =>
  inspectionBase(db, tenantId).where('i.id', '=', id).executeTakeFirst();
export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

export function listInspections(
  db: Executor,
  tenantId: string,
  q: InspectionQuery,
  scope: Expression<SqlBool> | null,
  w: SortedWindow<'due_date' | 'done_at'>,
  inspectorId: string | null,
) {
  let base = db
    .selectFrom('asset_inspections as i')
    .innerJoin('assets as a', 'a.id', 'i.asset_id')
    .innerJoin('asset_inspection_plans as p', 'p.id', 'i.plan_id')
    .where('i.tenant_id', '=', tenantId);
  if (scope) base = base.where(scope);
  if (inspectorId)
    base = base.where((eb) => eb.or([eb('i.inspector_id', '=', inspectorId), eb('i.inspector_id', 'is', null)]));
  if (q.state) base = base.where('i.state', '=', q.state);
  if (q.planId) base = base.where('i.plan_id', '=', q.planId);
  if (q.from) base = base.where('i.due_date', '>=', q.from);
  if (q.to) base = base.where('i.due_date', '<=', q.to);
  if (q.failed) base = base.where('i.failed_count', '>', 0);
  if (q.q) base = base.where(containsAny(['a.code', 'a.name', 'p.name'], q.q));
  return pageWithTotal(
    base,
    (b) =>
      b
        .selectAll('i')
        .select([
          'a.code as asset_code',
          'a.name as asset_name',
          'a.address as address',
          'a.lng as lng',
          'a.lat as lat',
          'p.name as plan_name',
          'p.checklist as checklist',
          'p.unit_id as plan_unit_id',
        ])
        .orderBy(sql.ref(`i.${w.sort}`), w.order)
        .orderBy('a.code'),
    w,
  );
}

export const updateInspection = (
  db: Executor,
  tenantId: string,
  id: string,
  from: 'due' | 'done',
  changes: Partial<AssetInspectionsTable>,
) =>
  db
    .updateTable('asset_inspections')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst()
    .then((r) => Number(r.numUpdatedRows));

export const insertContract = (db: Executor, row: AssetContractsTable) =>
  db.insertInto('asset_contracts').values(row).execute();
/** A page of contracts: search by number or name. */
export function listContracts(
  db: Executor,
  tenantId: string,
  q: ContractQuery,
  w: SortedWindow<'contract_no' | 'starts_on' | 'ends_on' | 'name'>,
) {
  let base = db.selectFrom('asset_contracts').where('tenant_id', '=', tenantId);
  if (q.q) base = base.where(containsAny(['contract_no', 'name'], q.q));
  if (q.line) base = base.where('line', '=', q.line);
  return pageWithTotal(base, (b) => b.selectAll().orderBy(sql.ref(w.sort), w.order).orderBy('id'), w);
}
export const findContract = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('asset_contracts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Inspections finished in [from, to) on assets of the line in the streets, with failed items. */
export const failedInspections = (
  db: Executor,
  tenantId: string,
  line: AssetInspectionsTable['line'],
  regionIds: readonly string[],
  from: string,
  to: string,
) =>
  db
    .selectFrom('asset_inspections as i')
    .innerJoin('assets as a', 'a.id', 'i.asset_id')
    .select(['i.id', 'i.results', 'i.done_at', 'a.code as asset_code', 'a.name as asset_name'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.line', '=', line)
    .where('i.region_id', 'in', regionIds.length ? [...regionIds] : [''])
    .where('i.failed_count', '>', 0)
    .where('i.done_at', '>=', from)
    .where('i.done_at', '<', to)
    .orderBy('i.done_at')
    .execute();

/** A unit's orders due in [from, to): the assessment counts those finished late or still open past the deadline. */
export const ordersDueIn = (db: Executor, tenantId: string, unitId: string, from: string, to: string) =>
  db
    .selectFrom('asset_work_orders as o')
    .innerJoin('assets as a', 'a.id', 'o.asset_id')
    .select(['o.order_no', 'o.title', 'o.state', 'o.due_at', 'o.done_at', 'a.name as asset_name'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.unit_id', '=', unitId)
    .where('o.due_at', '>=', from)
    .where('o.due_at', '<', to)
    .orderBy('o.due_at')
    .execute();

/**
 * Inspections due in [from, to] (calendar dates) and those done; failed items among the done. An inspection whose
 * day is after `today` is not due yet: it counts only once done (ahead of its day), so a period that runs into the
 * future (this year, this month) rates what was due so far, never the rounds the schedule made for next week. Read
 * from the roll-up per due date and type (migration 0095): a year is at most 366 rows per type.
 */
export const inspectionCounts = (db: Executor, tenantId: string, from: string, to: string, today: string) =>
  db
    .selectFrom('asset_inspection_daily')
    .select([
      sql<number>`coalesce(sum(case when due_date <= ${today} then due_rows else done_rows end), 0)`.as('due'),
      sql<number>`coalesce(sum(done_rows), 0)`.as('done'),
      sql<number>`coalesce(sum(failed_rows), 0)`.as('failed_inspections'),
      sql<number>`coalesce(sum(failed_items), 0)`.as('failed'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('due_date', '>=', from)
    .where('due_date', '<=', to)
    .executeTakeFirstOrThrow();

/**
 * The same counted from the inspections row by row: the roll-up's reference (the tests compare the two; it reads
 * every inspection of the period, so nothing else should call it on a large register).
 */
export const inspectionCountsFromRows = (db: Executor, tenantId: string, from: string, to: string, today: string) =>
  db
    .selectFrom('asset_inspections')
    .select([
      sql<number>`coalesce(sum(case when due_date <= ${today} or state = 'done' then 1 else 0 end), 0)`.as('due'),
      sql<number>`coalesce(sum(case when state = 'done' then 1 else 0 end), 0)`.as('done'),
      sql<number>`coalesce(sum(case when failed_count > 0 then 1 else 0 end), 0)`.as('failed_inspections'),
      sql<number>`coalesce(sum(failed_count), 0)`.as('failed'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('due_date', '>=', from)
    .where('due_date', '<=', to)
    .executeTakeFirstOrThrow();

/** Orders finished in [from, to) and those finished by their deadline. */
export const finishedOrderCounts = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('asset_work_orders')
    .select([
      sql<number>`count(*)`.as('finished'),
      sql<number>`sum(case when done_at <= due_at then 1 else 0 end)`.as('on_time'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('done_at', '>=', from)
    .where('done_at', '<', to)
    .executeTakeFirstOrThrow();
