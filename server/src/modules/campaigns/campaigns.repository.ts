import { sql, type Expression, type SqlBool } from 'kysely';
import type {
  CpCampaignsTable,
  CpHonoursTable,
  CpProblemListsTable,
  CpProblemsTable,
  CpPublicityTable,
  CpReportsTable,
  CpTargetsTable,
  CpTasksTable,
  CpTopicsTable,
} from '../../db/schema-campaigns.ts';
import type {
  CampaignKind,
  CampaignStatus,
  MediaLevel,
  ProblemListKind,
  ProblemStatus,
  TaskStatus,
  TopicStatus,
} from '../../../../common/domain/campaigns.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries for the campaign tables; every one is filtered by tenant. */

export async function listCampaigns(
  db: Executor,
  tenantId: string,
  f: { kind?: CampaignKind | undefined; status?: CampaignStatus | undefined; q?: string | undefined },
  w: SortedWindow<'start_date' | 'campaign_no' | 'name'>,
) {
  let q = db.selectFrom('cp_campaigns as c').where('c.tenant_id', '=', tenantId);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.q) q = q.where(containsAny(['c.name', 'c.campaign_no'], f.q));
  return pageWithTotal(q, (p) => p.selectAll('c').orderBy(`c.${w.sort}`, w.order).orderBy('c.id', w.order), w);
}

export const findCampaign = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('cp_campaigns').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const insertCampaign = (db: Executor, row: CpCampaignsTable) =>
  db.insertInto('cp_campaigns').values(row).execute();

export const updateCampaign = (db: Executor, tenantId: string, id: string, patch: Partial<CpCampaignsTable>) =>
  db.updateTable('cp_campaigns').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export async function insertTargets(db: Executor, rows: CpTargetsTable[]) {
  if (rows.length) await db.insertInto('cp_targets').values(rows).execute();
}

/** Targets of the campaigns with the quantity reported against each (all dates, or those of a period). */
export async function targetsWithSums(
  db: Executor,
  tenantId: string,
  campaignIds: string[],
  period?: { from: string; to: string },
) {
  if (!campaignIds.length) return [];
  return db
    .selectFrom('cp_targets as t')
    .select((eb) => [
      't.id',
      't.campaign_id',
      't.position',
      't.name',
      't.code',
      't.measure',
      't.target_milli',
      't.overrun_pct',
      eb
        .selectFrom('cp_reports as r')
        .select((e) => e.fn.sum<number>('r.quantity_milli').as('s'))
        .whereRef('r.target_id', '=', 't.id')
        .$if(!!period, (s) => s.where('r.on_date', '>=', period!.from).where('r.on_date', '<=', period!.to))
        .as('reported_milli'),
    ])
    .where('t.tenant_id', '=', tenantId)
    .where('t.campaign_id', 'in', campaignIds)
    .orderBy('t.campaign_id')
    .orderBy('t.position')
    .execute();
}

export const findTarget = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('cp_targets').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function reportedMilli(db: Executor, targetId: string): Promise<number> {
  const row = await db
    .selectFrom('cp_reports')
    .select((eb) => eb.fn.sum<number>('quantity_milli').as('s'))
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return Number(row?.s ?? 0);
}

/** Tasks per campaign: how many, how many done, how many open past their due date. */
export async function taskCounts(db: Executor, tenantId: string, campaignIds: string[], today: string) {
  if (!campaignIds.length) return [];
  return db
    .selectFrom('cp_tasks')
    .select((eb) => [
      'campaign_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('status', '=', 'open'), eb('due_date', '<', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('campaign_id', 'in', campaignIds)
    .groupBy('campaign_id')
    .execute();
}

export async function listTasks(
  db: Executor,
  tenantId: string,
  campaignId: string,
  f: { status?: TaskStatus | undefined; q?: string | undefined },
  scope: Expression<SqlBool> | null,
  w: SortedWindow<'due_date' | 'title' | 'progress_pct'>,
) {
  let q = db.selectFrom('cp_tasks as k').where('k.tenant_id', '=', tenantId).where('k.campaign_id', '=', campaignId);
  if (f.status) q = q.where('k.status', '=', f.status);
  if (f.q) q = q.where(containsAny(['k.title'], f.q));
  if (scope) q = q.where(scope);
  return pageWithTotal(q, (p) => p.selectAll('k').orderBy(`k.${w.sort}`, w.order).orderBy('k.id', w.order), w);
}

export const findTask = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('cp_tasks').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const insertTask = (db: Executor, row: CpTasksTable) => db.insertInto('cp_tasks').values(row).execute();

export const updateTask = (db: Executor, tenantId: string, id: string, patch: Partial<CpTasksTable>) =>
  db.updateTable('cp_tasks').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const insertReport = (db: Executor, row: CpReportsTable) => db.insertInto('cp_reports').values(row).execute();

export async function listReports(
  db: Executor,
  tenantId: string,
  campaignId: string,
  scope: Expression<SqlBool> | null,
  w: SortedWindow<'on_date' | 'created_at'>,
) {
  let q = db
    .selectFrom('cp_reports as r')
    .innerJoin('cp_targets as t', 't.id', 'r.target_id')
    .innerJoin('cp_tasks as k', 'k.id', 'r.task_id')
    .where('r.tenant_id', '=', tenantId)
    .where('r.campaign_id', '=', campaignId);
  if (scope) q = q.where(scope);
  return pageWithTotal(
    q,
    (p) =>
      p
        .selectAll('r')
        .select(['t.name as target_name', 't.measure', 'k.title as task_title'])
        .orderBy(`r.${w.sort}`, w.order)
        .orderBy('r.id', w.order),
    w,
  );
}

export const findReport = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('cp_reports as r')
    .innerJoin('cp_targets as t', 't.id', 'r.target_id')
    .innerJoin('cp_tasks as k', 'k.id', 'r.task_id')
    .selectAll('r')
    .select(['t.name as target_name', 't.measure', 'k.title as task_title'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.id', '=', id)
    .executeTakeFirst();

export async function listProblemLists(
  db: Executor,
  tenantId: string,
  f: { kind?: ProblemListKind | undefined; q?: string | undefined },
  w: SortedWindow<'issued_on' | 'name'>,
) {
  let q = db.selectFrom('cp_problem_lists as l').where('l.tenant_id', '=', tenantId);
  if (f.kind) q = q.where('l.kind', '=', f.kind);
  if (f.q) q = q.where(containsAny(['l.name'], f.q));
  return pageWithTotal(q, (p) => p.selectAll('l').orderBy(`l.${w.sort}`, w.order).orderBy('l.id', w.order), w);
}

export const findProblemList = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('cp_problem_lists')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertProblemList = (db: Executor, row: CpProblemListsTable) =>
  db.insertInto('cp_problem_lists').values(row).execute();

export async function insertProblems(db: Executor, rows: CpProblemsTable[]) {
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('cp_problems')
      .values(rows.slice(i, i + 50))
      .execute();
}

export async function lastSeq(db: Executor, listId: string): Promise<number> {
  const row = await db
    .selectFrom('cp_problems')
    .select((eb) => eb.fn.max<number>('seq').as('m'))
    .where('list_id', '=', listId)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Per list: items by status and the number of distinct classes. */
export async function problemCounts(db: Executor, tenantId: string, listIds: string[]) {
  if (!listIds.length) return { byStatus: [], classes: [] };
  const byStatus = await db
    .selectFrom('cp_problems')
    .select((eb) => ['list_id', 'status', eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('list_id', 'in', listIds)
    .groupBy(['list_id', 'status'])
    .execute();
  const classes = await db
    .selectFrom('cp_problems')
    .select(['list_id', 'class_name'])
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('list_id', 'in', listIds)
    .where('class_name', 'is not', null)
    .execute();
  return { byStatus, classes };
}

export async function listProblems(
  db: Executor,
  tenantId: string,
  listId: string,
  f: { status?: ProblemStatus | undefined; q?: string | undefined },
  w: SortedWindow<'seq' | 'due_date' | 'status'>,
) {
  let q = db.selectFrom('cp_problems as p').where('p.tenant_id', '=', tenantId).where('p.list_id', '=', listId);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.q) q = q.where(containsAny(['p.title', 'p.class_name'], f.q));
  return pageWithTotal(q, (p) => p.selectAll('p').orderBy(`p.${w.sort}`, w.order).orderBy('p.seq', w.order), w);
}

export const findProblem = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('cp_problems').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

/** Moves an item only from the status the caller read: a second, concurrent step updates nothing. */
export async function updateProblem(
  db: Executor,
  tenantId: string,
  id: string,
  from: ProblemStatus,
  patch: Partial<CpProblemsTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('cp_problems')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

type RecordTable = 'cp_topics' | 'cp_honours' | 'cp_publicity';
const DATE_OF = { cp_topics: 'started_on', cp_honours: 'awarded_on', cp_publicity: 'published_on' } as const;
const TEXT_OF = { cp_topics: ['title', 'lead'], cp_honours: ['name', 'issuer'], cp_publicity: ['title', 'outlet'] };

/** One page of topics, honours or publicity, filtered by date range, level or status and a search term. */
export async function listRecords<T extends RecordTable>(
  db: Executor,
  table: T,
  tenantId: string,
  f: {
    q?: string | undefined;
    level?: MediaLevel | undefined;
    status?: TopicStatus | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  w: SortedWindow<string>,
) {
  const date = DATE_OF[table];
  // The three tables share tenant_id, a date and text columns; Kysely cannot type a union of tables here.
  let q = db.selectFrom(table as 'cp_publicity').where('tenant_id', '=', tenantId);
  if (f.q) q = q.where(containsAny(TEXT_OF[table], f.q));
  if (f.level && table !== 'cp_topics') q = q.where('level', '=', f.level);
  if (f.status && table === 'cp_topics') q = q.where(sql<SqlBool>`status = ${f.status}`);
  if (f.from) q = q.where(date as 'published_on', '>=', f.from);
  if (f.to) q = q.where(date as 'published_on', '<=', f.to);
  return pageWithTotal(
    q,
    (p) =>
      p
        .selectAll()
        .orderBy(w.sort as 'published_on', w.order)
        .orderBy('id', w.order),
    w,
  );
}

export const insertTopic = (db: Executor, row: CpTopicsTable) => db.insertInto('cp_topics').values(row).execute();
export const findTopic = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('cp_topics').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
export const updateTopic = (db: Executor, tenantId: string, id: string, patch: Partial<CpTopicsTable>) =>
  db.updateTable('cp_topics').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
export const insertHonour = (db: Executor, row: CpHonoursTable) => db.insertInto('cp_honours').values(row).execute();
export const insertPublicity = (db: Executor, row: CpPublicityTable) =>
  db.insertInto('cp_publicity').values(row).execute();
