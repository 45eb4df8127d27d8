import { sql } from 'kysely';
import type {
  ApApplicationsTable,
  ApConsultationsTable,
  ApCorrectionsTable,
  ApPermitsTable,
  ApTypesTable,
} from '../../db/schema-approvals.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow as Window } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries for the 行政审批 tables; every one is scoped by tenant. */

export const listTypes = (db: Executor, tenantId: string) =>
  db
    .selectFrom('ap_types')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('sort_order')
    .orderBy('code')
    .limit(500)
    .execute();

export const findType = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('ap_types').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const findTypeByCode = (db: Executor, tenantId: string, code: string) =>
  db.selectFrom('ap_types').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();

export async function insertTypes(db: Executor, rows: ApTypesTable[]) {
  if (rows.length) await db.insertInto('ap_types').values(rows).execute();
}

export async function updateType(db: Executor, tenantId: string, id: string, patch: Partial<ApTypesTable>) {
  await db.updateTable('ap_types').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

const applications = (db: Executor, tenantId: string) =>
  db
    .selectFrom('ap_applications as a')
    .innerJoin('ap_types as t', 't.id', 'a.type_id')
    .leftJoin('ap_permits as p', 'p.application_id', 'a.id')
    .where('a.tenant_id', '=', tenantId);

const columns = ['t.code as type_code', 't.name as type_name', 'p.permit_no'] as const;

export interface ApplicationFilter {
  q?: string | undefined;
  status?: ApApplicationsTable['status'] | undefined;
  typeId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function listApplications(
  db: Executor,
  tenantId: string,
  f: ApplicationFilter,
  w: Window<'accepted_at' | 'due_at' | 'application_no' | 'status'>,
) {
  let q = applications(db, tenantId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.typeId) q = q.where('a.type_id', '=', f.typeId);
  if (f.from) q = q.where('a.accepted_on', '>=', f.from);
  if (f.to) q = q.where('a.accepted_on', '<=', f.to);
  if (f.q) q = q.where(containsAny(['a.application_no', 'a.applicant_name', 'a.address', 'a.summary'], f.q));
  return pageWithTotal(
    q,
    (page) => page.selectAll('a').select(columns).orderBy(`a.${w.sort}`, w.order).orderBy('a.id', w.order),
    w,
  );
}

export const findApplication = (db: Executor, tenantId: string, id: string) =>
  applications(db, tenantId).selectAll('a').select(columns).where('a.id', '=', id).executeTakeFirst();

export async function insertApplications(db: Executor, rows: ApApplicationsTable[]) {
  for (let i = 0; i < rows.length; i += 30)
    await db
      .insertInto('ap_applications')
      .values(rows.slice(i, i + 30))
      .execute();
}

/**
 * Moves an application on only from the status it was read in: of two clerks deciding at once, the second
 * changes no row and is told so (the caller turns 0 into a 409).
 */
export async function moveApplication(
  db: Executor,
  tenantId: string,
  id: string,
  from: ApApplicationsTable['status'],
  patch: Partial<ApApplicationsTable>,
): Promise<number> {
  const res = await db
    .updateTable('ap_applications')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function insertCorrection(db: Executor, row: ApCorrectionsTable) {
  await db.insertInto('ap_corrections').values(row).execute();
}

export const openCorrection = (db: Executor, tenantId: string, applicationId: string) =>
  db
    .selectFrom('ap_corrections')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .where('resumed_at', 'is', null)
    .executeTakeFirst();

export async function closeCorrection(db: Executor, id: string, patch: Partial<ApCorrectionsTable>) {
  await db.updateTable('ap_corrections').set(patch).where('id', '=', id).execute();
}

export const correctionsOf = (db: Executor, tenantId: string, applicationId: string) =>
  db
    .selectFrom('ap_corrections')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .orderBy('requested_at')
    .limit(100)
    .execute();

export async function insertPermit(db: Executor, row: ApPermitsTable) {
  await db.insertInto('ap_permits').values(row).execute();
}

export const permitOf = (db: Executor, tenantId: string, applicationId: string) =>
  db
    .selectFrom('ap_permits')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();

export async function insertConsultations(db: Executor, rows: ApConsultationsTable[]) {
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('ap_consultations')
      .values(rows.slice(i, i + 50))
      .execute();
}

export async function listConsultations(
  db: Executor,
  tenantId: string,
  f: { q?: string | undefined; channel?: string | undefined; from?: string | undefined; to?: string | undefined },
  w: Window<'consulted_at' | 'channel'>,
) {
  let q = db
    .selectFrom('ap_consultations as c')
    .leftJoin('ap_types as t', 't.id', 'c.type_id')
    .where('c.tenant_id', '=', tenantId);
  if (f.channel) q = q.where('c.channel', '=', f.channel as ApConsultationsTable['channel']);
  if (f.from) q = q.where('c.consulted_on', '>=', f.from);
  if (f.to) q = q.where('c.consulted_on', '<=', f.to);
  if (f.q) q = q.where(containsAny(['c.name', 'c.topic', 'c.answer'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page.selectAll('c').select('t.name as type_name').orderBy(`c.${w.sort}`, w.order).orderBy('c.id', w.order),
    w,
  );
}

export const findConsultation = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('ap_consultations as c')
    .leftJoin('ap_types as t', 't.id', 'c.type_id')
    .selectAll('c')
    .select('t.name as type_name')
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', id)
    .executeTakeFirst();

/**
 * The period's figures by type (index: tenant + accepted_on): accepted in [from, to]; of them, closed by `to`, and
 * closed before the promised date.
 */
export async function figuresByType(db: Executor, tenantId: string, from: string, to: string) {
  const closed = sql<number>`sum(case when a.closed_on is not null and a.closed_on <= ${to} then 1 else 0 end)`;
  const early = sql<number>`sum(case when a.closed_on is not null and a.closed_on <= ${to} and a.closed_on < a.due_on then 1 else 0 end)`;
  const granted = sql<number>`sum(case when a.decision = 'grant' then 1 else 0 end)`;
  const denied = sql<number>`sum(case when a.decision = 'deny' then 1 else 0 end)`;
  return db
    .selectFrom('ap_applications as a')
    .innerJoin('ap_types as t', 't.id', 'a.type_id')
    .select((eb) => [
      't.code',
      't.name',
      eb.fn.countAll<number>().as('accepted'),
      closed.as('closed'),
      early.as('early'),
      granted.as('granted'),
      denied.as('denied'),
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.accepted_on', '>=', from)
    .where('a.accepted_on', '<=', to)
    .groupBy(['t.code', 't.name', 't.sort_order'])
    .orderBy('t.sort_order')
    .execute();
}

export async function consultationCount(db: Executor, tenantId: string, from: string, to: string) {
  const row = await db
    .selectFrom('ap_consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('consulted_on', '>=', from)
    .where('consulted_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function hasTypes(db: Executor, tenantId: string): Promise<boolean> {
  return !!(await db.selectFrom('ap_types').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst());
}
