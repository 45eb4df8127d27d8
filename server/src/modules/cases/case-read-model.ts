import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { innerJoinRows, leftJoinRows, type InnerJoinOf, type LeftJoinOf } from '../../platform/read-joins.ts';

/**
 * The read model of the case tables for other modules' reporting and reference reads (KPI roll-up and lists,
 * dashboard and reports, hotline replies, Open311, routing): typed, read-only query builders under fixed aliases,
 * so the callers keep composing their filters, joins with their own tables and aggregates in one SQL statement,
 * while only this module names the tables and every write stays behind the case service
 * (docs/decisions/0007-read-models.md). Each takes the executor: inside a transaction pass the transaction.
 */

/** `cases` as `c`. */
export function caseRows(db: Executor) {
  return db.selectFrom('cases as c');
}

/** `case_events` as `e`, each with its case as `c` (inner join on `c.id = e.case_id`). */
export function caseEventsWithCase(db: Executor) {
  return db.selectFrom('case_events as e').innerJoin('cases as c', 'c.id', 'e.case_id');
}

/**
 * `cases` joined into a query that starts from the caller's own table (hotline orders, KPI facts, notices, photos),
 * under the caller's alias and on the caller's columns, so the statement stays one.
 */
export const leftJoinCases: LeftJoinOf<DB['cases']> = (qb, alias, on) => leftJoinRows('cases', qb, alias, { refs: on });
export const innerJoinCases: InnerJoinOf<DB['cases']> = (qb, alias, on) =>
  innerJoinRows('cases', qb, alias, { refs: on });

/**
 * The timeline of one case for a partner's reply text: time, action, note, the actor's role and the event data (a
 * closing's 答复市民 is there, apart from its internal note), in order.
 */
export function caseTimelineBrief(db: Executor, caseId: string) {
  return db
    .selectFrom('case_events')
    .select(['at', 'action', 'note', 'actor_role', 'data_json'])
    .where('case_id', '=', caseId)
    .orderBy('seq', 'asc')
    .execute();
}

/**
 * What a KPI fact is computed from, for the given cases: the full rows, their timeline in order (per case, by
 * sequence) and the count of red warnings per case and status.
 */
export async function caseFactInputs(db: Executor, caseIds: readonly string[]) {
  const [cases, events, reds] = await Promise.all([
    db.selectFrom('cases').selectAll().where('id', 'in', caseIds).execute(),
    db
      .selectFrom('case_events')
      .select(['case_id', 'action', 'actor_id', 'at', 'from_status', 'to_status'])
      .where('case_id', 'in', caseIds)
      .orderBy('case_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('case_warnings')
      .select(['case_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('case_id', 'in', caseIds)
      .where('level', '=', 'red')
      .groupBy(['case_id', 'status'])
      .execute(),
  ]);
  return { cases, events, reds };
}
