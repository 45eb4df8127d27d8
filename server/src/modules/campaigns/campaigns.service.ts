/**
 * 专项行动 (docs/campaigns.md): a campaign with its quantity targets, split into tasks for handling units with a
 * deadline on the work calendar; the units report progress and quantities with photo evidence, and the sums are
 * checked against the targets. Reads need campaign.read, the campaign and its tasks campaign.manage, reports
 * campaign.report for the task's own unit (or campaign.manage); every decision is audited in its transaction.
 */
import type {
  Campaign,
  CampaignCreate,
  CampaignUpdate,
  CampaignQuery,
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
  percent,
  progressProblem,
  reportCeilingMilli,
  TARGET_CODE,
  toMilli,
} from '../../../../common/domain/campaigns.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { CpCampaignsTable, CpReportsTable, CpTasksTable } from '../../db/schema-campaigns.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { cpErrors } from './campaigns.errors.ts';
import * as repo from './campaigns.repository.ts';
import { MANAGE, mayReport, READ, reportView, taskView, unitReach, type CpContext } from './cp-context.ts';
import { inUnits } from './cp-scope.ts';

const CAMPAIGN_SORTS = { startDate: 'start_date', campaignNo: 'campaign_no', name: 'name' } as const;
const TASK_SORTS = { dueDate: 'due_date', title: 'title', progressPct: 'progress_pct' } as const;
const REPORT_SORTS = { onDate: 'on_date', createdAt: 'created_at' } as const;

export function createCampaignService(ctx: CpContext) {
  const { db, audit, now, today } = ctx;

  async function views(tenantId: string, rows: CpCampaignsTable[]): Promise<Campaign[]> {
    const ids = rows.map((r) => r.id);
    const [targets, counts] = await Promise.all([
      repo.targetsWithSums(db, tenantId, ids),
      repo.taskCounts(db, tenantId, ids, today()),
    ]);
    const byCampaign = new Map(counts.map((c) => [c.campaign_id, c]));
    return rows.map((r) => {
      const c = byCampaign.get(r.id);
      return {
        id: r.id,
        campaignNo: r.campaign_no,
        name: r.name,
        kind: r.kind,
        status: r.status,
        startDate: r.start_date,
        endDate: r.end_date,
        description: r.description,
        verb: r.verb,
        targets: targets
          .filter((t) => t.campaign_id === r.id)
          .map((t) => {
            const reported = Number(t.reported_milli ?? 0);
            const target = Number(t.target_milli);
            return {
              id: t.id,
              name: t.name,
              code: t.code ?? null,
              measure: t.measure,
              target: fromMilli(target),
              overrunPct: Number(t.overrun_pct),
              reported: fromMilli(reported),
              percent: percent(reported, target),
            };
          }),
        taskCount: Number(c?.n ?? 0),
        doneTasks: Number(c?.done ?? 0),
        overdueTasks: Number(c?.overdue ?? 0),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  async function get(actor: Actor, id: string): Promise<Campaign> {
    requirePermission(actor, READ);
    const row = await repo.findCampaign(db, actor.tenantId, id);
    if (!row) throw notFound('campaign');
    return (await views(actor.tenantId, [row]))[0]!;
  }

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
    get,
    getTask,

    async list(actor: Actor, q: CampaignQuery): Promise<Page<Campaign>> {
      requirePermission(actor, READ);
      const w = listWindow(q, CAMPAIGN_SORTS, 'startDate');
      const { rows, total } = await repo.listCampaigns(db, actor.tenantId, q, {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      return { items: await views(actor.tenantId, rows), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: CampaignCreate): Promise<Campaign> {
      requirePermission(actor, MANAGE);
      if (input.endDate && input.endDate < input.startDate)
        throw cpErrors.field('body.endDate', 'order', 'the campaign must end on or after its start');
      const targets = input.targets ?? [];
      const names = targets.map((t) => t.name.trim());
      const codes = targets.map((t) => t.code?.trim() || null);
      names.forEach((n, i) => {
        if (names.indexOf(n) !== i) throw cpErrors.field(`body.targets.${i}.name`, 'unique', 'named twice');
        const code = codes[i];
        if (code != null && !TARGET_CODE.test(code))
          throw cpErrors.field(`body.targets.${i}.code`, 'pattern', 'lowercase letters and digits, at most 40');
        if (code != null && codes.indexOf(code) !== i)
          throw cpErrors.field(`body.targets.${i}.code`, 'unique', 'coded twice');
        if (!(toMilli(targets[i]!.target) >= 1 && targets[i]!.target <= MAX_QUANTITY))
          throw cpErrors.field(`body.targets.${i}.target`, 'minimum', 'a target is at least 0.001');
      });
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const year = input.startDate.slice(0, 4);
        const seq = await nextSequence(tx, actor.tenantId, `campaign:${year}`);
        const at = now();
        const row: CpCampaignsTable = {
          id,
          tenant_id: actor.tenantId,
          campaign_no: `ZX${year}-${String(seq).padStart(3, '0')}`,
          name: input.name.trim(),
          kind: input.kind,
          status: 'active',
          start_date: input.startDate,
          end_date: input.endDate ?? null,
          description: input.description?.trim() || null,
          verb: input.verb?.trim() || null,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        };
        await repo.insertCampaign(tx, row);
        const targetRows = targets.map((t, i) => ({
          id: newId(),
          tenant_id: actor.tenantId,
          campaign_id: id,
          position: i + 1,
          name: names[i]!,
          code: codes[i] ?? null,
          measure: t.measure.trim(),
          target_milli: toMilli(t.target),
          overrun_pct: t.overrunPct ?? 0,
        }));
        await repo.insertTargets(tx, targetRows);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.create',
          entity: 'campaign',
          entityId: row.campaign_no,
          after: { ...row, targets: targetRows },
        });
      });
      return get(actor, id);
    },

    /** Corrects an active campaign's name, texts or dates; a closed campaign is a record and stays as closed. */
    async update(actor: Actor, id: string, input: CampaignUpdate): Promise<Campaign> {
      requirePermission(actor, MANAGE);
      if (input.name !== undefined && !input.name.trim()) throw cpErrors.field('body.name', 'required', 'name it');
      // unknown fields are dropped at the edge, so an edit of nothing editable arrives empty
      if (!Object.values(input).some((v) => v !== undefined))
        throw cpErrors.field('body', 'minProperties', 'name, dates, description or verb');
      await db.transaction().execute(async (tx) => {
        const row = await repo.findCampaign(tx, actor.tenantId, id);
        if (!row) throw notFound('campaign');
        if (row.status === 'closed') throw cpErrors.closed();
        const patch: Partial<CpCampaignsTable> = {
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
          ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
          ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
          ...(input.verb !== undefined ? { verb: input.verb?.trim() || null } : {}),
        };
        const start = patch.start_date ?? row.start_date;
        const end = patch.end_date === undefined ? row.end_date : patch.end_date;
        if (end && end < start)
          throw cpErrors.field('body.endDate', 'order', 'the campaign must end on or after its start');
        await repo.updateCampaign(tx, actor.tenantId, id, { ...patch, updated_at: now() });
        const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof CpCampaignsTable]]));
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.update',
          entity: 'campaign',
          entityId: row.campaign_no,
          before,
          after: patch,
        });
      });
      return get(actor, id);
    },

    /** Closing ends the reporting: no task, report or progress is taken for a closed campaign. */
    async close(actor: Actor, id: string): Promise<Campaign> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        const row = await repo.findCampaign(tx, actor.tenantId, id);
        if (!row) throw notFound('campaign');
        if (row.status === 'closed') throw cpErrors.closed();
        const at = now();
        await repo.updateCampaign(tx, actor.tenantId, id, {
          status: 'closed',
          end_date: row.end_date ?? today(),
          updated_at: at,
        });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.close',
          entity: 'campaign',
          entityId: row.campaign_no,
          before: { status: row.status, end_date: row.end_date },
          after: { status: 'closed', end_date: row.end_date ?? today() },
        });
      });
      return get(actor, id);
    },

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
      const row = await db
        .selectFrom('cp_reports')
        .select(['unit_id'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', reportId)
        .executeTakeFirst();
      const reach = unitReach(actor);
      return !!row && (!reach || reach.includes(row.unit_id));
    },
  };
}
export type CampaignService = ReturnType<typeof createCampaignService>;
