import { sql, type Expression, type SqlBool } from 'kysely';
import type { ProposalsTable, ProposalTasksTable } from '../../db/schema-proposals.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries over proposals and proposal_tasks only. */
export interface ProposalFilter {
  body?: string;
  status?: string;
  handlingRole?: string;
  replyStatus?: string;
  year?: number;
  /** local date of today: with `overdue`, items past their last day unsent or holding an overdue task */
  overdueOn?: string;
  q?: string;
  /** unit ids whose tasks make an item visible; null: every item of the tenant */
  units: readonly string[] | null;
}

export type ProposalSort = 'assigned_on' | 'due_on' | 'proposal_no';

export async function insertProposal(db: Executor, row: ProposalsTable): Promise<void> {
  await db.insertInto('proposals').values(row).execute();
}

export function findProposal(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('proposals')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function numberTaken(db: Executor, tenantId: string, body: string, no: string) {
  return db
    .selectFrom('proposals')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('body', '=', body as ProposalsTable['body'])
    .where('proposal_no', '=', no)
    .executeTakeFirst();
}

const overdueTask = (alias: string, today: string) =>
  sql<SqlBool>`exists (select 1 from proposal_tasks t where t.proposal_id = ${sql.ref(`${alias}.id`)} and t.status = 'open' and t.due_on < ${today})`;

function visible(alias: string, units: readonly string[] | null): Expression<SqlBool> | null {
  if (units === null) return null;
  if (!units.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`exists (select 1 from proposal_tasks v where v.proposal_id = ${sql.ref(`${alias}.id`)} and v.unit_id in (${sql.join(units)}))`;
}

function filtered(db: Executor, tenantId: string, f: ProposalFilter) {
  let q = db.selectFrom('proposals as p').where('p.tenant_id', '=', tenantId);
  const scope = visible('p', f.units);
  if (scope) q = q.where(scope);
  if (f.body) q = q.where('p.body', '=', f.body as ProposalsTable['body']);
  if (f.status) q = q.where('p.status', '=', f.status as ProposalsTable['status']);
  if (f.handlingRole) q = q.where('p.handling_role', '=', f.handlingRole as ProposalsTable['handling_role']);
  if (f.replyStatus) q = q.where('p.reply_status', '=', f.replyStatus as NonNullable<ProposalsTable['reply_status']>);
  if (f.year) q = q.where('p.assigned_on', '>=', `${f.year}-01-01`).where('p.assigned_on', '<=', `${f.year}-12-31`);
  if (f.overdueOn) {
    const today = f.overdueOn;
    q = q.where((eb) =>
      eb.or([eb.and([eb('p.replied_at', 'is', null), eb('p.due_on', '<', today)]), overdueTask('p', today)]),
    );
  }
  const term = f.q?.trim();
  if (term) q = q.where(containsAny(['p.proposal_no', 'p.title', 'p.proposer', 'p.content'], term));
  return q;
}

export function listProposals(db: Executor, tenantId: string, f: ProposalFilter, w: SortedWindow<ProposalSort>) {
  return pageWithTotal(
    filtered(db, tenantId, f),
    (q) => q.selectAll('p').orderBy(`p.${w.sort}`, w.order).orderBy('p.id', w.order),
    w,
  );
}

/** The columns the figures need, for the items assigned in [from, to] (local dates, inclusive). */
export function figureRows(db: Executor, tenantId: string, from: string, to: string, units: readonly string[] | null) {
  return filtered(db, tenantId, { units })
    .where('p.assigned_on', '>=', from)
    .where('p.assigned_on', '<=', to)
    .select(['p.id', 'p.body', 'p.handling_role', 'p.replied_at', 'p.satisfaction'])
    .execute();
}

/** Writes a change guarded by the row as read (its states and last write), so two decisions never both win. */
export async function updateProposal(
  db: Executor,
  row: Pick<ProposalsTable, 'id' | 'tenant_id' | 'status' | 'reply_status' | 'updated_at'>,
  patch: Partial<ProposalsTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('proposals')
    .set(patch)
    .where('tenant_id', '=', row.tenant_id)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where((eb) =>
      row.reply_status === null ? eb('reply_status', 'is', null) : eb('reply_status', '=', row.reply_status),
    )
    .where('updated_at', '=', row.updated_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertTask(db: Executor, row: ProposalTasksTable): Promise<void> {
  await db.insertInto('proposal_tasks').values(row).execute();
}

export function tasksOf(db: Executor, proposalIds: readonly string[]) {
  if (!proposalIds.length) return Promise.resolve([] as ProposalTasksTable[]);
  return db
    .selectFrom('proposal_tasks')
    .selectAll()
    .where('proposal_id', 'in', proposalIds)
    .orderBy('assigned_at')
    .orderBy('id')
    .execute();
}

export function findTask(db: Executor, tenantId: string, proposalId: string, taskId: string) {
  return db
    .selectFrom('proposal_tasks')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('proposal_id', '=', proposalId)
    .where('id', '=', taskId)
    .executeTakeFirst();
}

export async function completeTask(
  db: Executor,
  task: Pick<ProposalTasksTable, 'id'>,
  patch: Pick<ProposalTasksTable, 'result' | 'done_by' | 'done_by_name' | 'done_at'>,
): Promise<boolean> {
  const res = await db
    .updateTable('proposal_tasks')
    .set({ ...patch, status: 'done' })
    .where('id', '=', task.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Tasks of the given units (null: all), with their item's number and title: open first, then by last day. */
export function listTasks(
  db: Executor,
  tenantId: string,
  f: { units: readonly string[] | null; status?: string; overdueOn?: string; q?: string },
  w: { limit: number; offset: number; order: 'asc' | 'desc' },
) {
  let q = db
    .selectFrom('proposal_tasks as t')
    .innerJoin('proposals as p', 'p.id', 't.proposal_id')
    .where('t.tenant_id', '=', tenantId);
  if (f.units !== null) q = f.units.length ? q.where('t.unit_id', 'in', f.units) : q.where(sql<SqlBool>`1 = 0`);
  if (f.status) q = q.where('t.status', '=', f.status as ProposalTasksTable['status']);
  if (f.overdueOn) q = q.where('t.status', '=', 'open').where('t.due_on', '<', f.overdueOn);
  const term = f.q?.trim();
  if (term) q = q.where(containsAny(['p.proposal_no', 'p.title'], term));
  return pageWithTotal(
    q,
    (x) =>
      x
        .selectAll('t')
        .select(['p.proposal_no', 'p.title', 'p.body'])
        .orderBy('t.status', 'desc')
        .orderBy('t.due_on', w.order)
        .orderBy('t.id', w.order),
    w,
  );
}

/** Open tasks past their last day among the items in [from, to] the caller may see. */
export async function overdueTaskCount(
  db: Executor,
  tenantId: string,
  proposalIds: readonly string[],
  today: string,
): Promise<number> {
  if (!proposalIds.length) return 0;
  const row = await db
    .selectFrom('proposal_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('proposal_id', 'in', proposalIds)
    .where('status', '=', 'open')
    .where('due_on', '<', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The demo seed's rows (above the modules; it writes through this owner). */
export async function insertSeed(db: Executor, proposals: ProposalsTable[], tasks: ProposalTasksTable[]) {
  if (proposals.length) await db.insertInto('proposals').values(proposals).execute();
  if (tasks.length) await db.insertInto('proposal_tasks').values(tasks).execute();
}
