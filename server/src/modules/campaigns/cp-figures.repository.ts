import type { ProblemListKind } from '../../../../common/domain/campaigns.ts';
import type { Executor } from '../../platform/db.ts';

/** Kysely queries for the figures of a period (dates inclusive, YYYY-MM-DD); every one is filtered by tenant. */

/** Campaigns running at some time in the period. */
export const campaignsIn = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('cp_campaigns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .orderBy('start_date')
    .orderBy('campaign_no')
    .execute();

/** Tasks due in the period: how many, done, and still open past their due date. */
export async function tasksDue(db: Executor, tenantId: string, from: string, to: string, today: string) {
  const row = await db
    .selectFrom('cp_tasks')
    .select((eb) => [
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
    .where('due_date', '>=', from)
    .where('due_date', '<=', to)
    .executeTakeFirstOrThrow();
  return { total: Number(row.n), done: Number(row.done ?? 0), overdue: Number(row.overdue ?? 0) };
}

/** Lists of a kind issued in the period, with their items' classes and statuses. */
export async function problemsOf(db: Executor, tenantId: string, kind: ProblemListKind, from: string, to: string) {
  const lists = await db
    .selectFrom('cp_problem_lists')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('issued_on', '>=', from)
    .where('issued_on', '<=', to)
    .execute();
  const items = lists.length
    ? await db
        .selectFrom('cp_problems')
        .select(['list_id', 'class_name', 'status'])
        .where('tenant_id', '=', tenantId)
        .where(
          'list_id',
          'in',
          lists.map((l) => l.id),
        )
        .execute()
    : [];
  return { lists: lists.length, items };
}

export async function topicsIn(db: Executor, tenantId: string, from: string, to: string) {
  const row = await db
    .selectFrom('cp_topics')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'concluded').then(1).else(0).end()).as('concluded'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('started_on', '>=', from)
    .where('started_on', '<=', to)
    .executeTakeFirstOrThrow();
  return { total: Number(row.n), concluded: Number(row.concluded ?? 0) };
}

export const publicityByLevel = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('cp_publicity')
    .select((eb) => ['level', eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('published_on', '>=', from)
    .where('published_on', '<=', to)
    .groupBy('level')
    .execute();

export async function honoursIn(db: Executor, tenantId: string, from: string, to: string) {
  const row = await db
    .selectFrom('cp_honours')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('awarded_on', '>=', from)
    .where('awarded_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
