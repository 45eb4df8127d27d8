/**
 * What the parts of the projects service share: permissions, the checks of dates and weights that every write runs
 * before it writes (docs/projects.md, "Bad input"), and the loading of a project's rows.
 */
import { FULL_WEIGHT, weightSum, type Weighted } from '../../../../common/domain/projects.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { ProjectsTable } from '../../db/schema-projects.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { projectErrors, type Issue } from './projects.errors.ts';
import * as repo from './projects.repository.ts';

export const READ = 'project.read';
export const MANAGE = 'project.manage';
export const REPORT = 'project.report';

export interface ProjectDeps {
  audit: AuditService;
  timeZone: string;
  /** holds the caller's own unattached uploads for a progress report (refused ids come back by their index) */
  holdPhotos(tx: Executor, tenantId: string, holder: string, ids: readonly string[], userId: string): Promise<string[]>;
}

/** Collects every problem of one request, so the answer names all bad fields at once. */
export class Issues {
  readonly list: Issue[] = [];
  add(field: string, rule: string, key: string, params?: Record<string, unknown>) {
    this.list.push({ field, rule, key, ...(params ? { params } : {}) });
  }
  throwIfAny() {
    if (this.list.length) throw projectErrors.invalid(this.list);
  }
}

export function createProjectContext(database: Database, clock: Clock, deps: ProjectDeps) {
  const { db } = database;
  const now = () => clock.now().toISOString();
  const today = () => zonedDate(clock.now(), deps.timeZone);

  async function projectOf(ex: Executor, tenantId: string, id: string): Promise<ProjectsTable> {
    const p = await repo.findProject(ex, tenantId, id);
    if (!p) throw notFound('project');
    return p;
  }

  /** The project row, locked for the transaction on PostgreSQL (sibling weights are summed under the lock). */
  async function lockedProject(tx: Executor, tenantId: string, id: string) {
    const p = await projectOf(tx, tenantId, id);
    await repo.lockProject(tx, database.dialect, id);
    return p;
  }

  /** A milestone's dates must lie inside its project's; a completion date is never in the future. */
  function checkMilestoneDates(
    issues: Issues,
    p: Pick<ProjectsTable, 'start_on' | 'end_on'>,
    m: { plannedOn?: string | undefined; completedOn?: string | null | undefined; progressPct?: number | undefined },
  ) {
    const range = { startOn: p.start_on, endOn: p.end_on };
    if (m.plannedOn !== undefined && (m.plannedOn < p.start_on || m.plannedOn > p.end_on))
      issues.add('body.plannedOn', 'range', 'projectMilestoneOutside', range);
    if (m.completedOn) {
      if (m.completedOn < p.start_on || m.completedOn > p.end_on)
        issues.add('body.completedOn', 'range', 'projectMilestoneOutside', range);
      else if (m.completedOn > today()) issues.add('body.completedOn', 'max', 'projectFutureDate', { today: today() });
    }
    if (m.progressPct === 100 && !m.completedOn)
      issues.add('body.completedOn', 'requiredAtFull', 'projectCompletedNeeded');
    if (m.progressPct !== undefined && m.progressPct < 100 && m.completedOn)
      issues.add('body.completedOn', 'state', 'projectCompletedEarly');
  }

  /** Siblings (with `changedId` taking `weightBp`) may not weigh more than 100 % together. */
  function checkWeight(
    issues: Issues,
    siblings: readonly (Weighted & { id: string })[],
    changedId: string | null,
    weightBp: number,
  ) {
    const others = siblings.filter((s) => s.id !== changedId);
    const sum = weightSum(others) + weightBp;
    if (sum > FULL_WEIGHT)
      issues.add('body.weightBp', 'sum', 'projectWeightOver', {
        sum: sum / 100,
        left: (FULL_WEIGHT - weightSum(others)) / 100,
      });
  }

  /** A full re-weighting names every sibling exactly once and sums to exactly 100 %. */
  function checkWeights(
    issues: Issues,
    siblingIds: readonly string[],
    weights: readonly { id: string; weightBp: number }[],
  ) {
    const given = weights.map((w) => w.id);
    const known = new Set(siblingIds);
    weights.forEach((w, i) => {
      if (!known.has(w.id) || given.indexOf(w.id) !== i) issues.add(`body.weights.${i}.id`, 'ids', 'projectWeightsIds');
    });
    if (given.length !== known.size || !siblingIds.every((id) => given.includes(id)))
      issues.add('body.weights', 'ids', 'projectWeightsAll', { count: known.size });
    const sum = weightSum(weights);
    if (sum !== FULL_WEIGHT) issues.add('body.weights', 'sum', 'projectWeightsNotFull', { sum: sum / 100 });
  }

  async function rowsOf(ex: Executor, ids: readonly string[]) {
    const [funds, subprojects, milestones] = await Promise.all([
      repo.fundsOf(ex, ids),
      repo.subprojectsOf(ex, ids),
      repo.milestonesOf(ex, ids),
    ]);
    return { funds, subprojects, milestones };
  }

  return {
    db,
    database,
    clock,
    ...deps,
    now,
    today,
    projectOf,
    lockedProject,
    checkMilestoneDates,
    checkWeight,
    checkWeights,
    rowsOf,
  };
}
export type ProjectContext = ReturnType<typeof createProjectContext>;
