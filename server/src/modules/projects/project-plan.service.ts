/**
 * The plan of a project (docs/projects.md): subprojects with a weight, milestones with a weight, a planned date and
 * progress, the re-weighting of siblings (exactly 100 %), and dated progress reports with evidence photos. Every
 * request is checked whole before anything is written; each change is audited in its transaction.
 */
import type {
  MilestoneInput,
  MilestonePatch,
  ReportInput,
  SubprojectInput,
  SubprojectPatch,
  WeightsInput,
} from '../../../../common/contracts/projects.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { Issues, MANAGE, REPORT, type ProjectContext } from './project-context.ts';
import { milestoneView } from './project-views.ts';
import { projectErrors } from './projects.errors.ts';
import * as repo from './projects.repository.ts';

const clean = (v: string | null | undefined) => v?.trim() || null;

export function createProjectPlan(ctx: ProjectContext) {
  const { db, audit, now } = ctx;

  const saving = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      if (isUniqueViolation(e)) throw projectErrors.duplicateName('body.name', name);
      throw e;
    }
  };

  async function subprojectOf(tx: Parameters<typeof repo.findSubproject>[0], projectId: string, id: string) {
    const s = await repo.findSubproject(tx, projectId, id);
    if (!s) throw notFound('project_subproject');
    return s;
  }

  const pointIssue = (issues: Issues, lng: number | null, lat: number | null) => {
    if ((lng === null) !== (lat === null)) issues.add('body.lat', 'pair', 'projectPointPair');
  };

  return {
    async addSubproject(actor: Actor, projectId: string, input: SubprojectInput): Promise<{ id: string }> {
      requirePermission(actor, MANAGE);
      const id = newId();
      await saving(input.name.trim(), () =>
        db.transaction().execute(async (tx) => {
          await ctx.lockedProject(tx, actor.tenantId, projectId);
          const siblings = (await repo.subprojectsOf(tx, [projectId])).map((s) => ({
            id: s.id,
            weightBp: Number(s.weight_bp),
          }));
          const issues = new Issues();
          ctx.checkWeight(issues, siblings, null, input.weightBp);
          pointIssue(issues, input.lng ?? null, input.lat ?? null);
          issues.throwIfAny();
          const at = now();
          const row = {
            id,
            tenant_id: actor.tenantId,
            project_id: projectId,
            name: input.name.trim(),
            weight_bp: input.weightBp,
            location: clean(input.location),
            lng: input.lng ?? null,
            lat: input.lat ?? null,
            created_at: at,
            updated_at: at,
          };
          await repo.insertSubprojects(tx, [row]);
          await repo.updateProject(tx, projectId, { updated_at: at });
          await audit.record(tx, actor, actor.tenantId, {
            action: 'project.subproject.create',
            entity: 'project',
            entityId: projectId,
            after: row,
          });
        }),
      );
      return { id };
    },

    async updateSubproject(actor: Actor, projectId: string, id: string, patch: SubprojectPatch): Promise<void> {
      requirePermission(actor, MANAGE);
      await saving(patch.name?.trim() ?? '', () =>
        db.transaction().execute(async (tx) => {
          await ctx.lockedProject(tx, actor.tenantId, projectId);
          const before = await subprojectOf(tx, projectId, id);
          const issues = new Issues();
          if (patch.weightBp !== undefined) {
            const siblings = (await repo.subprojectsOf(tx, [projectId])).map((s) => ({
              id: s.id,
              weightBp: Number(s.weight_bp),
            }));
            ctx.checkWeight(issues, siblings, id, patch.weightBp);
          }
          const set = {
            ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
            ...(patch.weightBp !== undefined ? { weight_bp: patch.weightBp } : {}),
            ...(patch.location !== undefined ? { location: clean(patch.location) } : {}),
            ...(patch.lng !== undefined ? { lng: patch.lng } : {}),
            ...(patch.lat !== undefined ? { lat: patch.lat } : {}),
            updated_at: now(),
          };
          const after = { ...before, ...set };
          pointIssue(issues, after.lng, after.lat);
          issues.throwIfAny();
          await repo.updateSubproject(tx, id, set);
          await repo.updateProject(tx, projectId, { updated_at: set.updated_at });
          await audit.record(tx, actor, actor.tenantId, {
            action: 'project.subproject.update',
            entity: 'project',
            entityId: projectId,
            before,
            after,
          });
        }),
      );
    },

    /** All subprojects' weights at once: each named exactly once, summing to exactly 100 %. */
    async setSubprojectWeights(actor: Actor, projectId: string, input: WeightsInput): Promise<void> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        await ctx.lockedProject(tx, actor.tenantId, projectId);
        const subs = await repo.subprojectsOf(tx, [projectId]);
        const issues = new Issues();
        ctx.checkWeights(
          issues,
          subs.map((s) => s.id),
          input.weights,
        );
        issues.throwIfAny();
        const at = now();
        for (const w of input.weights) await repo.updateSubproject(tx, w.id, { weight_bp: w.weightBp, updated_at: at });
        await repo.updateProject(tx, projectId, { updated_at: at });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'project.weights.subprojects',
          entity: 'project',
          entityId: projectId,
          before: Object.fromEntries(subs.map((s) => [s.id, Number(s.weight_bp)])),
          after: Object.fromEntries(input.weights.map((w) => [w.id, w.weightBp])),
        });
      });
    },

    async addMilestone(
      actor: Actor,
      projectId: string,
      subprojectId: string,
      input: MilestoneInput,
    ): Promise<{ id: string }> {
      requirePermission(actor, MANAGE);
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const p = await ctx.lockedProject(tx, actor.tenantId, projectId);
        await subprojectOf(tx, projectId, subprojectId);
        const siblings = (await repo.milestonesOf(tx, [projectId]))
          .filter((m) => m.subproject_id === subprojectId)
          .map((m) => ({ id: m.id, weightBp: Number(m.weight_bp) }));
        const issues = new Issues();
        ctx.checkWeight(issues, siblings, null, input.weightBp);
        const progressPct = input.progressPct ?? 0;
        ctx.checkMilestoneDates(issues, p, { ...input, progressPct });
        issues.throwIfAny();
        const at = now();
        const row = {
          id,
          tenant_id: actor.tenantId,
          project_id: projectId,
          subproject_id: subprojectId,
          name: input.name.trim(),
          weight_bp: input.weightBp,
          planned_on: input.plannedOn,
          progress_pct: progressPct,
          completed_on: input.completedOn ?? null,
          created_at: at,
          updated_at: at,
        };
        await repo.insertMilestones(tx, [row]);
        await repo.updateProject(tx, projectId, { updated_at: at });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'project.milestone.create',
          entity: 'project',
          entityId: projectId,
          after: row,
        });
      });
      return { id };
    },

    /**
     * Progress and completion date (`progress`) need project.report: the unit building it, on its own unit's projects
     * only. The name, weight and planned date (`plan`) re-plan the milestone and need project.manage.
     */
    async updateMilestone(
      actor: Actor,
      projectId: string,
      subprojectId: string,
      id: string,
      patch: MilestonePatch,
      mode: 'plan' | 'progress',
    ) {
      requirePermission(actor, mode === 'plan' ? MANAGE : REPORT);
      await db.transaction().execute(async (tx) => {
        const p = await ctx.lockedProject(tx, actor.tenantId, projectId);
        if (mode === 'progress') requirePermission(actor, REPORT, { unitId: p.unit_id });
        await subprojectOf(tx, projectId, subprojectId);
        const before = await repo.findMilestone(tx, subprojectId, id);
        if (!before) throw notFound('project_milestone');
        const issues = new Issues();
        if (patch.weightBp !== undefined) {
          const siblings = (await repo.milestonesOf(tx, [projectId]))
            .filter((m) => m.subproject_id === subprojectId)
            .map((m) => ({ id: m.id, weightBp: Number(m.weight_bp) }));
          ctx.checkWeight(issues, siblings, id, patch.weightBp);
        }
        const progressPct = patch.progressPct ?? Number(before.progress_pct);
        // Progress below 100 % clears a completion date unless one is given (which is then refused).
        const completedOn =
          patch.completedOn !== undefined ? patch.completedOn : progressPct < 100 ? null : before.completed_on;
        ctx.checkMilestoneDates(issues, p, {
          ...(patch.plannedOn !== undefined ? { plannedOn: patch.plannedOn } : {}),
          completedOn,
          progressPct,
        });
        issues.throwIfAny();
        const set = {
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.weightBp !== undefined ? { weight_bp: patch.weightBp } : {}),
          ...(patch.plannedOn !== undefined ? { planned_on: patch.plannedOn } : {}),
          progress_pct: progressPct,
          completed_on: completedOn,
          updated_at: now(),
        };
        await repo.updateMilestone(tx, id, set);
        await repo.updateProject(tx, projectId, { updated_at: set.updated_at });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'project.milestone.update',
          entity: 'project',
          entityId: projectId,
          before: milestoneView(before),
          after: milestoneView({ ...before, ...set }),
        });
      });
    },

    /** All milestones' weights of one subproject at once: each named exactly once, summing to exactly 100 %. */
    async setMilestoneWeights(actor: Actor, projectId: string, subprojectId: string, input: WeightsInput) {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        await ctx.lockedProject(tx, actor.tenantId, projectId);
        await subprojectOf(tx, projectId, subprojectId);
        const ms = (await repo.milestonesOf(tx, [projectId])).filter((m) => m.subproject_id === subprojectId);
        const issues = new Issues();
        ctx.checkWeights(
          issues,
          ms.map((m) => m.id),
          input.weights,
        );
        issues.throwIfAny();
        const at = now();
        for (const w of input.weights) await repo.updateMilestone(tx, w.id, { weight_bp: w.weightBp, updated_at: at });
        await repo.updateProject(tx, projectId, { updated_at: at });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'project.weights.milestones',
          entity: 'project',
          entityId: projectId,
          before: Object.fromEntries(ms.map((m) => [m.id, Number(m.weight_bp)])),
          after: Object.fromEntries(input.weights.map((w) => [w.id, w.weightBp])),
        });
      });
    },

    /** A dated progress report: not before the project starts, never in the future, photos the reporter's own uploads. */
    async addReport(actor: Actor, projectId: string, input: ReportInput): Promise<{ id: string }> {
      requirePermission(actor, REPORT);
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const p = await ctx.projectOf(tx, actor.tenantId, projectId);
        requirePermission(actor, REPORT, { unitId: p.unit_id });
        const issues = new Issues();
        if (input.reportedOn < p.start_on)
          issues.add('body.reportedOn', 'range', 'projectReportBeforeStart', { startOn: p.start_on });
        if (input.reportedOn > ctx.today())
          issues.add('body.reportedOn', 'max', 'projectFutureDate', { today: ctx.today() });
        if (input.subprojectId && !(await repo.findSubproject(tx, projectId, input.subprojectId)))
          issues.add('body.subprojectId', 'exists', 'projectUnknownSubproject');
        issues.throwIfAny();
        const photoIds = [...new Set(input.photoIds ?? [])];
        if (photoIds.length) {
          const refused = await ctx.holdPhotos(
            tx,
            actor.tenantId,
            `project_report:${id}`,
            input.photoIds ?? [],
            actor.userId,
          );
          if (refused.length) throw projectErrors.photos(refused.map((i) => `body.photoIds.${i}`));
        }
        const row = {
          id,
          tenant_id: actor.tenantId,
          project_id: projectId,
          subproject_id: input.subprojectId ?? null,
          reported_on: input.reportedOn,
          text: input.text.trim(),
          photo_ids: JSON.stringify(photoIds),
          created_by: actor.userId,
          created_at: now(),
        };
        await repo.insertReports(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'project.report.create',
          entity: 'project',
          entityId: projectId,
          after: row,
        });
      });
      return { id };
    },
  };
}
