import { sql, type Expression, type SqlBool } from 'kysely';
import type { CasesTable } from '../../db/schema.ts';
import type { Dialect, Executor } from '../../platform/db.ts';
import { likePattern } from '../../platform/search.ts';

/** Kysely queries for cases; every one is tenant-scoped. List queries ride the (tenant, status, deadline) indexes. */

export async function insertCase(db: Executor, dialect: Dialect, row: CasesTable): Promise<void> {
  await db.insertInto('cases').values(row).execute();
  if (dialect === 'sqlite') await db.insertInto('cases_fts').values({ case_id: row.id, body: row.search_text }).execute();
}

export async function findCase(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('cases').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Optimistic concurrency: the update applies only if nobody changed the case since `version` (else 0 rows). */
export async function updateCase(db: Executor, tenantId: string, id: string, version: number, patch: Partial<CasesTable>): Promise<boolean> {
  const res = await db
    .updateTable('cases')
    .set({ ...patch, version: version + 1 })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface ListFilter {
  statuses?: readonly string[];
  overdueAt?: string;
  matterCode?: string;
  regionId?: string;
  unitId?: string;
  channel?: string;
  deadlineBefore?: string;
  taskUserId?: string;
  q?: string;
  visibility: Expression<SqlBool> | null;
}

function filtered(db: Executor, dialect: Dialect, tenantId: string, f: ListFilter) {
  let q = db.selectFrom('cases as c').where('c.tenant_id', '=', tenantId);
  if (f.visibility) q = q.where(f.visibility);
  if (f.statuses) q = q.where('c.status', 'in', f.statuses);
  if (f.overdueAt) q = q.where('c.step_deadline', '<', f.overdueAt);
  if (f.matterCode) q = q.where('c.matter_code', '=', f.matterCode);
  if (f.regionId) {
    const r = f.regionId;
    q = q.where((eb) => eb.or([eb('c.street_id', '=', r), eb('c.community_id', '=', r)]));
  }
  if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.deadlineBefore) q = q.where('c.step_deadline', '<', f.deadlineBefore);
  if (f.taskUserId) {
    const u = f.taskUserId;
    q = q.where((eb) => eb.or([eb('c.task_user_id', '=', u), eb('c.handler_id', '=', u)]));
  }
  if (f.q) {
    const term = f.q.trim();
    // Trigram index for 3+ characters (FTS5 trigram / pg_trgm); 1–2 characters (垃圾, 井盖) fall back to LIKE.
    if (term.length >= 3 && dialect === 'sqlite') {
      const phrase = `"${term.replace(/"/g, '""')}"`;
      q = q.where('c.id', 'in', (eb) => eb.selectFrom('cases_fts').select('case_id').where(sql<SqlBool>`cases_fts match ${phrase}`));
    } else {
      q = q.where(sql<SqlBool>`c.search_text like ${likePattern(term)} escape '\\'`);
    }
  }
  return q;
}

export async function listCases(db: Executor, dialect: Dialect, tenantId: string, f: ListFilter, w: { limit: number; offset: number; sort: string; order: 'asc' | 'desc' }) {
  const q = filtered(db, dialect, tenantId, f);
  const [rows, count] = await Promise.all([
    q.leftJoin('units as u', 'u.id', 'c.unit_id')
      .leftJoin('regions as s', 's.id', 'c.street_id')
      .leftJoin('regions as m', 'm.id', 'c.community_id')
      .selectAll('c')
      .select(['u.name as unit_name', 's.name as street_name', 'm.name as community_name'])
      .orderBy(`c.${w.sort}` as 'c.step_deadline', w.order)
      .orderBy('c.id')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Counts per status in one grouped query (inbox badges), plus the overdue count. */
export async function countByStatus(db: Executor, tenantId: string, visibility: Expression<SqlBool> | null, now: string) {
  let q = db.selectFrom('cases as c').where('c.tenant_id', '=', tenantId);
  if (visibility) q = q.where(visibility);
  const [rows, overdue] = await Promise.all([
    q.select(['c.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.status').execute(),
    q.where('c.step_deadline', '<', now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { byStatus: new Map(rows.map((r) => [r.status, Number(r.n)])), overdue: Number(overdue.n) };
}

export async function timelineOf(db: Executor, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq', 'asc').execute();
}

export async function namesFor(db: Executor, tenantId: string, c: Pick<CasesTable, 'unit_id' | 'street_id' | 'community_id' | 'handler_id' | 'task_user_id' | 'matter_code'>) {
  const [unit, street, community, handler, task, matter] = await Promise.all([
    c.unit_id ? db.selectFrom('units').select('name').where('id', '=', c.unit_id).executeTakeFirst() : undefined,
    c.street_id ? db.selectFrom('regions').select('name').where('id', '=', c.street_id).executeTakeFirst() : undefined,
    c.community_id ? db.selectFrom('regions').select('name').where('id', '=', c.community_id).executeTakeFirst() : undefined,
    c.handler_id ? db.selectFrom('users').select('display_name as name').where('id', '=', c.handler_id).executeTakeFirst() : undefined,
    c.task_user_id ? db.selectFrom('users').select('display_name as name').where('id', '=', c.task_user_id).executeTakeFirst() : undefined,
    db.selectFrom('catalog_entries').select('name').where('tenant_id', '=', tenantId).where('kind', '=', 'matter').where('code', '=', c.matter_code).executeTakeFirst(),
  ]);
  return {
    unit: unit?.name ?? null, street: street?.name ?? null, community: community?.name ?? null,
    handler: handler?.name ?? null, taskUser: task?.name ?? null, matter: matter?.name ?? null,
  };
}

export async function matterNames(db: Executor, tenantId: string, codes: readonly string[]) {
  if (!codes.length) return new Map<string, string>();
  const rows = await db.selectFrom('catalog_entries').select(['code', 'name']).where('tenant_id', '=', tenantId).where('kind', '=', 'matter').where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function pendingRequest(db: Executor, caseId: string, kind: string) {
  return db.selectFrom('case_requests').selectAll().where('case_id', '=', caseId).where('kind', '=', kind as 'return').where('status', '=', 'pending').executeTakeFirst();
}

export async function mergedChildren(db: Executor, tenantId: string, parentId: string) {
  return db.selectFrom('cases').select(['id', 'case_no', 'reporter_id', 'reporter_phone']).where('tenant_id', '=', tenantId).where('parent_id', '=', parentId).execute();
}

/** Reference reads of the catalog's tables (the catalog module owns writes). */
export async function activeMatter(db: Executor, tenantId: string, code: string) {
  return db.selectFrom('catalog_entries').select(['code', 'name']).where('tenant_id', '=', tenantId).where('kind', '=', 'matter').where('code', '=', code).where('active', '=', 1).executeTakeFirst();
}

export async function filingCondition(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('filing_conditions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
}

export async function unitInTenant(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('units').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
}

export async function userInTenant(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('users').select(['id', 'unit_id', 'display_name']).where('tenant_id', '=', tenantId).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
}

export async function tenantCode(db: Executor, tenantId: string): Promise<string> {
  const t = await db.selectFrom('tenants').select('code').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return t.code;
}

export async function inspectors(db: Executor, tenantId: string) {
  return db.selectFrom('users as u')
    .innerJoin('user_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.display_name as displayName'])
    .where('u.tenant_id', '=', tenantId).where('u.active', '=', 1).where('g.role', '=', 'inspector')
    .distinct().orderBy('u.display_name').execute();
}
