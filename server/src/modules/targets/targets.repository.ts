import type { Insertable, Updateable } from 'kysely';
import type { TgReportsTable, TgTargetsTable } from '../../db/schema-targets.ts';
import type { Executor } from '../../platform/db.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries of the targets module's tables (docs/targets.md). */

/** A year's plan holds tens of items; a list reads at most this many before its computed filters and sort. */
export const MAX_TARGETS = 1000;

export function findTargets(
  db: Executor,
  tenantId: string,
  f: { year?: number | undefined; unitId?: string | undefined; q?: string | undefined },
) {
  let q = db.selectFrom('tg_targets').selectAll().where('tenant_id', '=', tenantId);
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.q) q = q.where(containsAny(['code', 'title', 'title_en'], f.q));
  return q.orderBy('year', 'desc').orderBy('code').orderBy('id').limit(MAX_TARGETS).execute();
}

export const findTarget = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('tg_targets').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const insertTarget = (db: Executor, row: Insertable<TgTargetsTable>) =>
  db.insertInto('tg_targets').values(row).execute();

export const updateTarget = (db: Executor, tenantId: string, id: string, set: Updateable<TgTargetsTable>) =>
  db.updateTable('tg_targets').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const deleteTarget = (db: Executor, tenantId: string, id: string) =>
  db.deleteFrom('tg_targets').where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** The progress reports of some targets, oldest first (the latest on or before a day is the value then). */
export const reportsOf = (db: Executor, tenantId: string, targetIds: readonly string[]) =>
  targetIds.length
    ? db
        .selectFrom('tg_reports')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('target_id', 'in', targetIds)
        .orderBy('reported_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : Promise.resolve([] as TgReportsTable[]);

export const findReport = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('tg_reports')
    .select(['id', 'target_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertReport = (db: Executor, row: Insertable<TgReportsTable>) =>
  db.insertInto('tg_reports').values(row).execute();

export async function hasReports(db: Executor, targetId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('tg_reports')
    .select('id')
    .where('target_id', '=', targetId)
    .limit(1)
    .executeTakeFirst());
}
