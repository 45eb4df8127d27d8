import { sql, type Expression, type SqlBool } from 'kysely';
import type { IcDemolitionsTable, IcLettersTable, IcReportsTable, IcStopNoticesTable } from '../../db/schema-lines.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow as Window } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries for the 查违控违 tables; every one is scoped by tenant, lists also by the caller's grants. */

interface Range {
  from?: string | undefined;
  to?: string | undefined;
}

export interface ReportFilter extends Range {
  q?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  regionId?: string | undefined;
}

export async function listReports(
  db: Executor,
  tenantId: string,
  f: ReportFilter,
  scope: Expression<SqlBool> | null,
  w: Window<'reported_on' | 'status' | 'area_hm2' | 'updated_at'>,
) {
  let q = db.selectFrom('ic_reports as r').where('r.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.status) q = q.where('r.status', '=', f.status as IcReportsTable['status']);
  if (f.source) q = q.where('r.source', '=', f.source as IcReportsTable['source']);
  if (f.regionId) q = q.where('r.region_id', '=', f.regionId);
  if (f.from) q = q.where('r.reported_on', '>=', f.from);
  if (f.to) q = q.where('r.reported_on', '<=', f.to);
  if (f.q) q = q.where(containsAny(['r.address', 'r.description', 'r.party_name'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('r')
        // coalesce: SQLite sorts NULL first and PostgreSQL last; both backends must page alike.
        .orderBy(w.sort === 'area_hm2' ? sql`coalesce(r.area_hm2, 0)` : sql.ref(`r.${w.sort}`), w.order)
        .orderBy('r.id', w.order),
    w,
  );
}

export const findReport = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('ic_reports').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function insertReport(db: Executor, row: IcReportsTable) {
  await db.insertInto('ic_reports').values(row).execute();
}

export async function updateReport(db: Executor, tenantId: string, id: string, patch: Partial<IcReportsTable>) {
  await db.updateTable('ic_reports').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function listNotices(
  db: Executor,
  tenantId: string,
  f: Range & { q?: string | undefined; reportId?: string | undefined },
  scope: Expression<SqlBool> | null,
  w: Window<'issued_on' | 'notice_no'>,
) {
  let q = db
    .selectFrom('ic_stop_notices as n')
    .innerJoin('ic_reports as r', 'r.id', 'n.report_id')
    .where('n.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.reportId) q = q.where('n.report_id', '=', f.reportId);
  if (f.from) q = q.where('n.issued_on', '>=', f.from);
  if (f.to) q = q.where('n.issued_on', '<=', f.to);
  if (f.q) q = q.where(containsAny(['n.notice_no', 'r.address', 'n.note'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('n')
        .select(['r.address as report_address', 'r.region_id'])
        .orderBy(`n.${w.sort}`, w.order)
        .orderBy('n.id', w.order),
    w,
  );
}

export const findNotice = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('ic_stop_notices as n')
    .innerJoin('ic_reports as r', 'r.id', 'n.report_id')
    .selectAll('n')
    .select(['r.address as report_address', 'r.region_id'])
    .where('n.tenant_id', '=', tenantId)
    .where('n.id', '=', id)
    .executeTakeFirst();

export async function insertNotice(db: Executor, row: IcStopNoticesTable) {
  await db.insertInto('ic_stop_notices').values(row).execute();
}

export async function listLetters(
  db: Executor,
  tenantId: string,
  f: Range & {
    q?: string | undefined;
    kind?: string | undefined;
    regionId?: string | undefined;
    replied?: boolean | undefined;
  },
  scope: Expression<SqlBool> | null,
  w: Window<'issued_on' | 'deadline' | 'letter_no'>,
) {
  let q = db.selectFrom('ic_letters as l').where('l.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.kind) q = q.where('l.kind', '=', f.kind as IcLettersTable['kind']);
  if (f.regionId) q = q.where('l.region_id', '=', f.regionId);
  if (f.replied !== undefined) q = q.where('l.replied_on', f.replied ? 'is not' : 'is', null);
  if (f.from) q = q.where('l.issued_on', '>=', f.from);
  if (f.to) q = q.where('l.issued_on', '<=', f.to);
  if (f.q) q = q.where(containsAny(['l.letter_no', 'l.subject', 'l.reply'], f.q));
  return pageWithTotal(q, (page) => page.selectAll('l').orderBy(`l.${w.sort}`, w.order).orderBy('l.id', w.order), w);
}

export const findLetter = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('ic_letters').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function insertLetter(db: Executor, row: IcLettersTable) {
  await db.insertInto('ic_letters').values(row).execute();
}

export async function updateLetter(db: Executor, tenantId: string, id: string, patch: Partial<IcLettersTable>) {
  await db.updateTable('ic_letters').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function listDemolitions(
  db: Executor,
  tenantId: string,
  f: Range & {
    q?: string | undefined;
    regionId?: string | undefined;
    lead?: string | undefined;
    structure?: string | undefined;
  },
  scope: Expression<SqlBool> | null,
  w: Window<'demolished_on' | 'area_hm2' | 'people'>,
) {
  let q = db.selectFrom('ic_demolitions as d').where('d.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.regionId) q = q.where('d.region_id', '=', f.regionId);
  if (f.lead) q = q.where('d.led_by', '=', f.lead as IcDemolitionsTable['led_by']);
  if (f.structure) q = q.where('d.structure', '=', f.structure as IcDemolitionsTable['structure']);
  if (f.from) q = q.where('d.demolished_on', '>=', f.from);
  if (f.to) q = q.where('d.demolished_on', '<=', f.to);
  if (f.q) q = q.where(containsAny(['d.address', 'd.units', 'd.note'], f.q));
  return pageWithTotal(q, (page) => page.selectAll('d').orderBy(`d.${w.sort}`, w.order).orderBy('d.id', w.order), w);
}

export const findDemolition = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('ic_demolitions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function insertDemolitions(db: Executor, rows: IcDemolitionsTable[]) {
  if (rows.length) await db.insertInto('ic_demolitions').values(rows).execute();
}
export async function insertReports(db: Executor, rows: IcReportsTable[]) {
  if (rows.length) await db.insertInto('ic_reports').values(rows).execute();
}
export async function insertNotices(db: Executor, rows: IcStopNoticesTable[]) {
  if (rows.length) await db.insertInto('ic_stop_notices').values(rows).execute();
}
export async function insertLetters(db: Executor, rows: IcLettersTable[]) {
  if (rows.length) await db.insertInto('ic_letters').values(rows).execute();
}

/** Per region and month (the month as the date's first 7 characters), in one grouped query per table. */
const month = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;

export async function reportCounts(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('ic_reports')
    .select((eb) => [
      'region_id',
      month('reported_on').as('month'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql`case when source = 'instruction' then 1 else 0 end`).as('instructions'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('reported_on', '>=', from)
    .where('reported_on', '<=', to)
    .groupBy(['region_id', month('reported_on')])
    .execute();
}

export async function noticeCounts(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('ic_stop_notices as n')
    .innerJoin('ic_reports as r', 'r.id', 'n.report_id')
    .select((eb) => ['r.region_id', month('n.issued_on').as('month'), eb.fn.countAll<number>().as('n')])
    .where('n.tenant_id', '=', tenantId)
    .where('n.issued_on', '>=', from)
    .where('n.issued_on', '<=', to)
    .groupBy(['r.region_id', month('n.issued_on')])
    .execute();
}

export async function letterCounts(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('ic_letters')
    .select((eb) => ['region_id', month('issued_on').as('month'), eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('issued_on', '>=', from)
    .where('issued_on', '<=', to)
    .groupBy(['region_id', month('issued_on')])
    .execute();
}

export async function demolitionSums(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('ic_demolitions')
    .select((eb) => [
      'region_id',
      month('demolished_on').as('month'),
      'led_by',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('area_hm2').as('area'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('demolished_on', '>=', from)
    .where('demolished_on', '<=', to)
    .groupBy(['region_id', month('demolished_on'), 'led_by'])
    .execute();
}

/** The map layer: sites (not the text) of the reports in scope, newest first, capped. */
export async function sites(
  db: Executor,
  tenantId: string,
  f: { status?: string | undefined; regionId?: string | undefined },
  scope: Expression<SqlBool> | null,
  limit: number,
) {
  let q = db
    .selectFrom('ic_reports as r')
    .select([
      'r.id',
      'r.status',
      'r.source',
      'r.address',
      'r.lng',
      'r.lat',
      'r.region_id',
      'r.reported_on',
      'r.area_hm2',
    ])
    .where('r.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.status) q = q.where('r.status', '=', f.status as IcReportsTable['status']);
  if (f.regionId) q = q.where('r.region_id', '=', f.regionId);
  return q.orderBy('r.reported_on', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

/** Reports, letters and demolitions placed in a region (org refuses to delete a region still in use). */
export async function icRowsInRegion(db: Executor, tenantId: string, regionId: string): Promise<number> {
  const counts = await Promise.all(
    (['ic_reports', 'ic_letters', 'ic_demolitions'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('region_id', '=', regionId)
        .executeTakeFirstOrThrow(),
    ),
  );
  return counts.reduce((sum, row) => sum + Number(row.n), 0);
}
