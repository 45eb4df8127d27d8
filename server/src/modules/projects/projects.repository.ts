import type { Insertable, Updateable } from 'kysely';
import type {
  ProjectFundsTable,
  ProjectMilestonesTable,
  ProjectReportsTable,
  ProjectsTable,
  ProjectSubprojectsTable,
} from '../../db/schema-projects.ts';
import type { Dialect, Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries of the projects module's tables (docs/projects.md). */

export type ProjectSort = 'start_on' | 'name' | 'updated_at';

export function listProjects(
  db: Executor,
  tenantId: string,
  f: { q?: string | undefined; unitId?: string | undefined },
  w: SortedWindow<ProjectSort>,
) {
  let q = db.selectFrom('projects').where('tenant_id', '=', tenantId);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.q) q = q.where(containsAny(['name', 'short_name'], f.q));
  return pageWithTotal(q, (page) => page.selectAll().orderBy(w.sort, w.order).orderBy('id', w.order), w);
}

export const allProjects = (db: Executor, tenantId: string) =>
  db.selectFrom('projects').selectAll().where('tenant_id', '=', tenantId).orderBy('start_on').orderBy('id').execute();

/** Projects whose dates overlap [from, to]. */
export const projectsRunning = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('projects')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('start_on', '<=', to)
    .where('end_on', '>=', from)
    .orderBy('start_on')
    .orderBy('id')
    .execute();

export const findProject = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('projects').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

/** Takes the project row's lock on PostgreSQL so sibling weights are summed by one writer at a time. */
export async function lockProject(db: Executor, dialect: Dialect, id: string) {
  if (dialect === 'postgres') await db.selectFrom('projects').select('id').where('id', '=', id).forUpdate().execute();
}

export const insertProject = (db: Executor, row: Insertable<ProjectsTable>) =>
  db.insertInto('projects').values(row).execute();

export const updateProject = (db: Executor, id: string, set: Updateable<ProjectsTable>) =>
  db.updateTable('projects').set(set).where('id', '=', id).execute();

export const fundsOf = (db: Executor, projectIds: readonly string[]) =>
  projectIds.length
    ? db
        .selectFrom('project_funds')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .orderBy('won_on')
        .orderBy('id')
        .execute()
    : Promise.resolve([] as ProjectFundsTable[]);

export const findFund = (db: Executor, projectId: string, id: string) =>
  db
    .selectFrom('project_funds')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertFund = (db: Executor, row: Insertable<ProjectFundsTable>) =>
  db.insertInto('project_funds').values(row).execute();

export const deleteFund = (db: Executor, id: string) => db.deleteFrom('project_funds').where('id', '=', id).execute();

/** Funds won in [from, to] by source (amounts summed by the database, returned as text or number). */
export const fundsBySource = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('project_funds')
    .select((eb) => [
      'source',
      eb.fn.sum<string | number>('amount_fen').as('amount'),
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.count<string | number>('project_id').distinct().as('projects'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('won_on', '>=', from)
    .where('won_on', '<=', to)
    .groupBy('source')
    .execute();

export const projectsFunded = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('project_funds')
    .select((eb) => eb.fn.count<string | number>('project_id').distinct().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('won_on', '>=', from)
    .where('won_on', '<=', to)
    .executeTakeFirstOrThrow();

export const subprojectsOf = (db: Executor, projectIds: readonly string[]) =>
  projectIds.length
    ? db
        .selectFrom('project_subprojects')
        .selectAll()
        .where('project_id', 'in', projectIds)
        // entry order (ids are time-ordered): the plan's own order, not a code-point order of Chinese names
        .orderBy('id')
        .execute()
    : Promise.resolve([] as ProjectSubprojectsTable[]);

export const findSubproject = (db: Executor, projectId: string, id: string) =>
  db
    .selectFrom('project_subprojects')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertSubprojects = (db: Executor, rows: Insertable<ProjectSubprojectsTable>[]) =>
  rows.length ? db.insertInto('project_subprojects').values(rows).execute() : Promise.resolve([]);

export const updateSubproject = (db: Executor, id: string, set: Updateable<ProjectSubprojectsTable>) =>
  db.updateTable('project_subprojects').set(set).where('id', '=', id).execute();

export const milestonesOf = (db: Executor, projectIds: readonly string[]) =>
  projectIds.length
    ? db
        .selectFrom('project_milestones')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .orderBy('planned_on')
        .orderBy('id')
        .execute()
    : Promise.resolve([] as ProjectMilestonesTable[]);

export const findMilestone = (db: Executor, subprojectId: string, id: string) =>
  db
    .selectFrom('project_milestones')
    .selectAll()
    .where('subproject_id', '=', subprojectId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertMilestones = (db: Executor, rows: Insertable<ProjectMilestonesTable>[]) =>
  rows.length ? db.insertInto('project_milestones').values(rows).execute() : Promise.resolve([]);

export const updateMilestone = (db: Executor, id: string, set: Updateable<ProjectMilestonesTable>) =>
  db.updateTable('project_milestones').set(set).where('id', '=', id).execute();

/** Milestones dated outside [startOn, endOn] (a project's new dates must still hold them). */
export const milestonesOutside = (db: Executor, projectId: string, startOn: string, endOn: string) =>
  db
    .selectFrom('project_milestones')
    .select(['id', 'name', 'planned_on', 'completed_on'])
    .where('project_id', '=', projectId)
    .where((eb) =>
      eb.or([
        eb('planned_on', '<', startOn),
        eb('planned_on', '>', endOn),
        eb('completed_on', '<', startOn),
        eb('completed_on', '>', endOn),
      ]),
    )
    .execute();

export const reportsOf = (db: Executor, projectId: string, limit: number) =>
  db
    .selectFrom('project_reports as r')
    .leftJoin('project_subprojects as s', 's.id', 'r.subproject_id')
    .selectAll('r')
    .select('s.name as subproject_name')
    .where('r.project_id', '=', projectId)
    .orderBy('r.reported_on', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();

export const insertReports = (db: Executor, rows: Insertable<ProjectReportsTable>[]) =>
  rows.length ? db.insertInto('project_reports').values(rows).execute() : Promise.resolve([]);

export const findReport = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('project_reports')
    .select(['id', 'project_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Id and name of these projects (a page of another module's linked records). */
export const projectNamesByIds = (db: Executor, tenantId: string, ids: readonly string[]) =>
  db.selectFrom('projects').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
