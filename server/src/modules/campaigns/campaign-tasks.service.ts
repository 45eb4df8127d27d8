/**
 * A campaign's tasks and quantity reports (docs/campaigns.md): a task for a handling unit with a deadline on the work
 * calendar, its progress, and the unit's reported quantities with photo evidence, checked against the campaign's
 * targets. Part of the campaign service; a unit's staff see and report only their own unit's tasks.
 */
import type {
  QuantityReport,
  QuantityReportCreate,
  Task,
  TaskCreate,
  TaskProgress,
  TaskQuery,
} from '../../../../common/contracts/campaigns.ts';
import {
  fromMilli,
  MAX_QUANTITY,
  progressProblem,
  reportCeilingMilli,
  toMilli,
} from '../../../../common/domain/campaigns.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { CpReportsTable, CpTasksTable } from '../../db/schema-campaigns.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { cpErrors } from './campaigns.errors.ts';
import * as repo from './campaigns.repository.ts';
import { MANAGE, mayReport, READ, reportView, taskView, unitReach, type CpContext } from './cp-context.ts';
import { inUnits } from './cp-scope.ts';

const TASK_SORTS = { dueDate: 'due_date', title: 'title', progressPct: 'progress_pct' } as const;
const REPORT_SORTS = { onDate: 'on_date', createdAt: 'created_at' } as const;

export function createTaskService(ctx: CpContext) {
  const { db, audit, now, today } = ctx;

  async function taskOf(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findTask(ex, actor.tenantId, id);
    const reach = unitReach(actor);
    if (!row || (reach && !reach.includes(row.unit_id))) throw notFound('campaign_task');
    return row;
  }

  async function getTask(actor: Actor, id: string): Promise<Task> {
    requirePermission(actor, READ);
    const row = await taskOf(db, actor, id);
    return taskView(row, await ctx.unitNamesOf([row]), today());
  }

  return {
    getTask,

    async listTasks(actor: Actor, campaignId: string, q: TaskQuery): Promise<Page<Task>> {
      requirePermission(actor, READ);
      if (!(await repo.findCampaign(db, actor.tenantId, campaignId))) throw notFound('campaign');
      const w = listWindow(q, TASK_SORTS, 'dueDate');
      const { rows, total } = await repo.listTasks(
        db,
        actor.tenantId,
        campaignId,
        q,
        inUnits('k', unitReach(actor)),
        w,
      );
      const units = await ctx.unitNamesOf(rows);
      return { items: rows.map((r) => taskView(r, units, today())), total, page: w.page, pageSize: w.limit };
    },

    /** A task for one active unit of the city, due on a working day (given, or counted in working days from today). */
    async createTask(actor: Actor, campaignId: string, input: TaskCreate): Promise<Task> {
      requirePermission(actor, MANAGE);
      if (!input.dueDate === !input.workDays)
        throw cpErrors.field('body.dueDate', 'oneOf', 'give either a due date or a number of working days');
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const campaign = await repo.findCampaign(tx, actor.tenantId, campaignId);
        if (!campaign) throw notFound('campaign');
        if (campaign.status === 'closed') throw cpErrors.closed();
        const unit = await ctx.activeUnit(tx, actor.tenantId, input.unitId);
        const calendar = await ctx.calendar.forTenant(actor.tenantId, tx);
        let due: string;
        if (input.dueDate) {
          if (!calendar.isWorkingDay(input.dueDate))
            throw cpErrors.field('body.dueDate', 'workingDay', 'not a working day of the work calendar');
          due = input.dueDate;
        } else due = calendar.localDate(calendar.addLimit(ctx.clock.now(), input.workDays!, 'work_days'));
        if (due < campaign.start_date) throw cpErrors.field('body.dueDate', 'range', 'due before the campaign starts');
        const at = now();
        const row: CpTasksTable = {
          id,
          tenant_id: actor.tenantId,
          campaign_id: campaignId,
          title: input.title.trim(),
          unit_id: unit.id,
          due_date: due,
          progress_pct: 0,
          status: 'open',
          done_on: null,
          note: input.note?.trim() || null,
          created_at: at,
          updated_at: at,
        };
        await repo.insertTask(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.task.create',
          entity: 'campaign_task',
          entityId: id,
          after: { ...row, campaign_no: campaign.campaign_no, unit_name: unit.name },
        });
      });
      return getTask(actor, id);
    },

    /** The unit's share of the work done; 100 % finishes the task. More than 100 % is refused. */
    async progress(actor: Actor, taskId: string, input: TaskProgress): Promise<Task> {
      requirePermission(actor, READ);
      const problem = progressProblem(input.progressPct);
      if (problem) throw cpErrors.field('body.progressPct', problem, 'progress is a whole per cent from 0 to 100');
      await db.transaction().execute(async (tx) => {
        const task = await taskOf(tx, actor, taskId);
        if (!mayReport(actor, task.unit_id)) requirePermission(actor, MANAGE);
        const campaign = await repo.findCampaign(tx, actor.tenantId, task.campaign_id);
        if (campaign?.status !== 'active') throw cpErrors.closed();
        const done = input.progressPct === 100;
        const patch: Partial<CpTasksTable> = {
          progress_pct: input.progressPct,
          status: done ? 'done' : 'open',
          done_on: done ? (task.done_on ?? today()) : null,
          ...(input.note ? { note: input.note.trim() } : {}),
          updated_at: now(),
        };
        await repo.updateTask(tx, actor.tenantId, taskId, patch);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.task.progress',
          entity: 'campaign_task',
          entityId: taskId,
          before: { progress_pct: task.progress_pct, status: task.status },
          after: { progress_pct: patch.progress_pct, status: patch.status, note: input.note ?? null },
        });
      });
      return getTask(actor, taskId);
    },

    async listReports(actor: Actor, campaignId: string, q: TaskQuery): Promise<Page<QuantityReport>> {
      requirePermission(actor, READ);
      if (!(await repo.findCampaign(db, actor.tenantId, campaignId))) throw notFound('campaign');
      const w = listWindow(q, REPORT_SORTS, 'onDate');
      const { rows, total } = await repo.listReports(db, actor.tenantId, campaignId, inUnits('r', unitReach(actor)), {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const units = await ctx.unitNamesOf(rows);
      return { items: rows.map((r) => reportView(r, units)), total, page: w.page, pageSize: w.limit };
    },

    /**
     * A quantity done by the task's unit, with photos as evidence. The campaign's total for the target may pass the
     * target only by the target's allowance (docs/campaigns.md, "Quantities"); a report that would go further is
     * refused whole.
     */
    async report(actor: Actor, taskId: string, input: QuantityReportCreate): Promise<QuantityReport> {
      requirePermission(actor, READ);
      // quantities are kept in thousandths: less than 0.001 would be stored as nothing
      if (!(toMilli(input.quantity) >= 1 && input.quantity <= MAX_QUANTITY))
        throw cpErrors.field('body.quantity', 'minimum', 'a quantity is more than zero');
      if (input.onDate > today()) throw cpErrors.field('body.onDate', 'future', 'work cannot be reported ahead');
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const task = await taskOf(tx, actor, taskId);
        if (!mayReport(actor, task.unit_id)) requirePermission(actor, MANAGE);
        const campaign = await repo.findCampaign(tx, actor.tenantId, task.campaign_id);
        if (campaign?.status !== 'active') throw cpErrors.closed();
        const target = await repo.findTarget(tx, actor.tenantId, input.targetId);
        if (!target || target.campaign_id !== task.campaign_id)
          throw cpErrors.field('body.targetId', 'exists', 'not a quantity of this campaign');
        if (input.onDate < campaign.start_date)
          throw cpErrors.field('body.onDate', 'range', 'before the campaign started');
        await ctx.lockTarget(tx, target.id);
        const quantity = toMilli(input.quantity);
        const total = (await repo.reportedMilli(tx, target.id)) + quantity;
        const ceiling = reportCeilingMilli(Number(target.target_milli), Number(target.overrun_pct));
        if (total > ceiling)
          throw cpErrors.overTarget('body.quantity', fromMilli(total), fromMilli(ceiling), target.measure);
        const photos = await ctx.holdPhotos(tx, actor, `campaign_report:${id}`, input.photoIds, 'body.photoIds');
        const row: CpReportsTable = {
          id,
          tenant_id: actor.tenantId,
          campaign_id: task.campaign_id,
          task_id: task.id,
          target_id: target.id,
          unit_id: task.unit_id,
          quantity_milli: quantity,
          on_date: input.onDate,
          photo_ids: JSON.stringify(photos),
          note: input.note?.trim() || null,
          created_by: actor.userId,
          created_at: now(),
        };
        await repo.insertReport(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.report.create',
          entity: 'campaign',
          entityId: campaign.campaign_no,
          after: { ...row, target: target.name, measure: target.measure, total_milli: total },
        });
      });
      const mine = (await repo.findReport(db, actor.tenantId, id))!;
      return reportView(mine, await ctx.unitNamesOf([mine]));
    },

    /** The photos module's question for a photo a report holds: may the actor see the report's task? */
    async canViewReport(actor: Actor, reportId: string): Promise<boolean> {
      if (!actor.permissions.has(READ)) return false;
      const row = await repo.findReport(db, actor.tenantId, reportId);
      const reach = unitReach(actor);
      return !!row && (!reach || reach.includes(row.unit_id));
    },
  };
}
