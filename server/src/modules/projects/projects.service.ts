/**
 * 项目与资金 (docs/projects.md): projects, the funds won for them by source, and the figures and map the console and
 * the report read. Reads need project.read, writes project.manage; every change is audited in its transaction.
 * Subprojects, milestones, weights and progress reports are in project-plan.service.ts.
 */
import type {
  FundInput,
  MapPoint,
  ProjectDetail,
  ProjectFigures,
  ProjectInput,
  ProjectPatch,
  ProjectQuery,
  ProjectSummary,
} from '../../../../common/contracts/projects.ts';
import { FUND_SOURCES, type FundSource } from '../../../../common/domain/projects.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import { orgNames, orgReadModel } from '../org/index.ts';
import { createProjectContext, Issues, MANAGE, READ, type ProjectDeps } from './project-context.ts';
import { createProjectPlan } from './project-plan.service.ts';
import { projectRef } from './project-ref.ts';
import { fundView, reportView, rollUp, rowsByProject, summaryView } from './project-views.ts';
import { projectErrors } from './projects.errors.ts';
import * as repo from './projects.repository.ts';

const SORTS = { startOn: 'start_on', name: 'name', updatedAt: 'updated_at' } as const;
const REPORTS_SHOWN = 50;
const clean = (v: string | null | undefined) => v?.trim() || null;

export function createProjectsService(database: Database, clock: Clock, deps: ProjectDeps) {
  const ctx = createProjectContext(database, clock, deps);
  const { db, audit, now } = ctx;
  const plan = createProjectPlan(ctx);

  async function summaries(ex: Executor, rows: Awaited<ReturnType<typeof repo.allProjects>>) {
    const ids = rows.map((r) => r.id);
    const [all, units] = await Promise.all([
      ctx.rowsOf(ex, ids),
      orgNames.unitNames(ex, [...new Set(rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))]),
    ]);
    const by = rowsByProject(ids, all);
    return rows.map((p) =>
      summaryView(
        p,
        by.get(p.id) ?? { funds: [], subprojects: [], milestones: [] },
        p.unit_id ? (units.get(p.unit_id) ?? null) : null,
      ),
    );
  }

  async function get(actor: Actor, id: string): Promise<ProjectDetail> {
    requirePermission(actor, READ);
    const p = await ctx.projectOf(db, actor.tenantId, id);
    const [rows, units, reports] = await Promise.all([
      ctx.rowsOf(db, [id]),
      orgNames.unitNames(db, p.unit_id ? [p.unit_id] : []),
      repo.reportsOf(db, id, REPORTS_SHOWN),
    ]);
    const users = await orgNames.userNames(db, [...new Set(reports.map((r) => r.created_by))]);
    return {
      ...summaryView(p, rows, p.unit_id ? (units.get(p.unit_id) ?? null) : null),
      description: p.description,
      funds: rows.funds.map(fundView),
      subprojectList: rollUp(rows).subs.map((s) => s.view),
      reports: reports.map((r) => reportView(r, users)),
    };
  }

  /** Checks of a project's own fields: the end not before the start, an active unit of the city. */
  async function checkProject(
    ex: Executor,
    tenantId: string,
    issues: Issues,
    v: { startOn: string; endOn: string; unitId: string | null },
  ) {
    if (v.endOn < v.startOn) issues.add('body.endOn', 'order', 'projectEndBeforeStart');
    if (v.unitId && !(await orgReadModel.activeUnit(ex, tenantId, v.unitId)))
      issues.add('body.unitId', 'exists', 'projectUnknownUnit');
  }

  const saving = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      if (isUniqueViolation(e)) throw projectErrors.duplicateName('body.name', name);
      throw e;
    }
  };

  return {
    ...plan,
    get,

    async list(actor: Actor, q: ProjectQuery): Promise<Page<ProjectSummary>> {
      requirePermission(actor, READ);
      const w = listWindow(q, SORTS, 'startOn');
      const { rows, total } = await repo.listProjects(
        db,
        actor.tenantId,
        { q: q.q, unitId: q.unitId },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      return { items: await summaries(db, rows), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: ProjectInput): Promise<ProjectDetail> {
      requirePermission(actor, MANAGE);
      const at = now();
      const row = {
        id: newId(),
        tenant_id: actor.tenantId,
        name: input.name.trim(),
        short_name: clean(input.shortName),
        unit_id: input.unitId ?? null,
        start_on: input.startOn,
        end_on: input.endOn,
        budget_fen: input.budgetFen ?? null,
        lng: input.lng ?? null,
        lat: input.lat ?? null,
        description: clean(input.description),
        created_at: at,
        updated_at: at,
      };
      const issues = new Issues();
      await checkProject(db, actor.tenantId, issues, { startOn: row.start_on, endOn: row.end_on, unitId: row.unit_id });
      if ((row.lng === null) !== (row.lat === null)) issues.add('body.lat', 'pair', 'projectPointPair');
      issues.throwIfAny();
      await saving(row.name, () =>
        db.transaction().execute(async (tx) => {
          await repo.insertProject(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'project.create',
            entity: 'project',
            entityId: row.id,
            after: row,
          });
        }),
      );
      return get(actor, row.id);
    },

    async update(actor: Actor, id: string, patch: ProjectPatch): Promise<ProjectDetail> {
      requirePermission(actor, MANAGE);
      await saving(patch.name?.trim() ?? '', () =>
        db.transaction().execute(async (tx) => {
          const before = await ctx.lockedProject(tx, actor.tenantId, id);
          const set = {
            ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
            ...(patch.shortName !== undefined ? { short_name: clean(patch.shortName) } : {}),
            ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
            ...(patch.startOn !== undefined ? { start_on: patch.startOn } : {}),
            ...(patch.endOn !== undefined ? { end_on: patch.endOn } : {}),
            ...(patch.budgetFen !== undefined ? { budget_fen: patch.budgetFen } : {}),
            ...(patch.lng !== undefined ? { lng: patch.lng } : {}),
            ...(patch.lat !== undefined ? { lat: patch.lat } : {}),
            ...(patch.description !== undefined ? { description: clean(patch.description) } : {}),
          };
          const after = { ...before, ...set, updated_at: now() };
          const issues = new Issues();
          await checkProject(tx, actor.tenantId, issues, {
            startOn: after.start_on,
            endOn: after.end_on,
            unitId: patch.unitId !== undefined ? after.unit_id : null,
          });
          if ((after.lng === null) !== (after.lat === null)) issues.add('body.lat', 'pair', 'projectPointPair');
          // New dates must still hold every milestone: a project never ends before work dated inside it.
          if (after.start_on <= after.end_on)
            for (const m of await repo.milestonesOutside(tx, id, after.start_on, after.end_on))
              issues.add(
                patch.startOn !== undefined && m.planned_on < after.start_on ? 'body.startOn' : 'body.endOn',
                'range',
                'projectDatesExcludeMilestone',
                { name: m.name },
              );
          issues.throwIfAny();
          await repo.updateProject(tx, id, { ...set, updated_at: after.updated_at });
          await audit.record(tx, actor, actor.tenantId, {
            action: 'project.update',
            entity: 'project',
            entityId: id,
            before,
            after,
          });
        }),
      );
      return get(actor, id);
    },

    async addFund(actor: Actor, id: string, input: FundInput): Promise<ProjectDetail> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        await ctx.lockedProject(tx, actor.tenantId, id);
        const row = {
          id: newId(),
          tenant_id: actor.tenantId,
          project_id: id,
          source: input.source,
          amount_fen: input.amountFen,
          won_on: input.wonOn,
          document_no: clean(input.documentNo),
          note: clean(input.note),
          created_by: actor.userId,
          created_at: now(),
        };
        await repo.insertFund(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'project.fund.add',
          entity: 'project',
          entityId: id,
          after: row,
        });
      });
      return get(actor, id);
    },

    async removeFund(actor: Actor, id: string, fundId: string): Promise<ProjectDetail> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        await ctx.lockedProject(tx, actor.tenantId, id);
        const before = await repo.findFund(tx, id, fundId);
        if (!before) throw notFound('project_fund');
        await repo.deleteFund(tx, fundId);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'project.fund.remove',
          entity: 'project',
          entityId: id,
          before,
        });
      });
      return get(actor, id);
    },

    /**
     * The line's figures for [from, to]: funds won by source (by the date won), and each project running in the
     * period with its subprojects done and overall progress as they stand now (docs/projects.md, "Figures").
     */
    async figures(tenantId: string, from: string, to: string): Promise<ProjectFigures> {
      const [bySource, funded, running] = await Promise.all([
        repo.fundsBySource(db, tenantId, from, to),
        repo.projectsFunded(db, tenantId, from, to),
        repo.projectsRunning(db, tenantId, from, to),
      ]);
      const amounts = new Map(bySource.map((r) => [r.source, r]));
      const sources = FUND_SOURCES.flatMap((source: FundSource) => {
        const r = amounts.get(source);
        return r ? [{ source, amountFen: Number(r.amount), count: Number(r.n) }] : [];
      });
      const views = await summaries(db, running);
      return {
        from,
        to,
        fundsFen: sources.reduce((s, r) => s + r.amountFen, 0),
        bySource: sources,
        projectsFunded: Number(funded.n),
        subprojects: views.reduce((s, v) => s + v.subprojects, 0),
        subprojectsDone: views.reduce((s, v) => s + v.subprojectsDone, 0),
        projects: views.map((v) => ({
          id: v.id,
          name: v.name,
          shortName: v.shortName,
          subprojects: v.subprojects,
          subprojectsDone: v.subprojectsDone,
          progressPct: v.progressPct,
        })),
      };
    },

    async readFigures(actor: Actor, from: string, to: string): Promise<ProjectFigures> {
      requirePermission(actor, READ);
      if (to < from) throw projectErrors.invalid([{ field: 'query.to', rule: 'order', key: 'projectEndBeforeStart' }]);
      return this.figures(actor.tenantId, from, to);
    },

    /** Projects and subprojects that have a position, for the map (WGS84). */
    async mapPoints(actor: Actor): Promise<MapPoint[]> {
      requirePermission(actor, READ);
      const projects = await repo.allProjects(db, actor.tenantId);
      const all = await ctx.rowsOf(
        db,
        projects.map((p) => p.id),
      );
      const by = rowsByProject(
        projects.map((p) => p.id),
        all,
      );
      return projects.flatMap((p) => {
        const r = rollUp(by.get(p.id) ?? { funds: [], subprojects: [], milestones: [] });
        const own: MapPoint[] =
          p.lng !== null && p.lat !== null
            ? [
                {
                  kind: 'project',
                  id: p.id,
                  projectId: p.id,
                  name: p.name,
                  lng: Number(p.lng),
                  lat: Number(p.lat),
                  progressPct: r.progressPct,
                  done: r.progressPct >= 100,
                },
              ]
            : [];
        return [
          ...own,
          ...r.subs.flatMap(({ view: s }) =>
            s.lng !== null && s.lat !== null
              ? [
                  {
                    kind: 'subproject' as const,
                    id: s.id,
                    projectId: p.id,
                    name: s.name,
                    lng: s.lng,
                    lat: s.lat,
                    progressPct: s.progressPct,
                    done: s.done,
                  },
                ]
              : [],
          ),
        ];
      });
    },

    /** For other modules (a work order's link to a project): the project's id and name, or null when unknown. */
    projectRef: (tenantId: string, id: string) => projectRef(db, tenantId, id),

    /** Whether the actor may see a photo held by `project_report:<id>` (the photos module asks). */
    async canViewReport(actor: Actor, reportId: string): Promise<boolean> {
      if (!can(actor, READ)) return false;
      return !!(await repo.findReport(db, actor.tenantId, reportId));
    },
  };
}
export type ProjectsService = ReturnType<typeof createProjectsService>;
