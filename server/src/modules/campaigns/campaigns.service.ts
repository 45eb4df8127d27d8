/**
 * 专项行动 (docs/campaigns.md): a campaign with its quantity targets, split into tasks for handling units with a
 * deadline on the work calendar; the units report progress and quantities with photo evidence, and the sums are
 * checked against the targets. Reads need campaign.read, the campaign and its tasks campaign.manage, reports
 * campaign.report for the task's own unit (or campaign.manage); every decision is audited in its transaction.
 * The tasks and reports are campaign-tasks.service.ts; this file holds the campaigns and their targets.
 */
import type {
  Campaign,
  CampaignCreate,
  CampaignUpdate,
  CampaignQuery,
} from '../../../../common/contracts/campaigns.ts';
import { fromMilli, MAX_QUANTITY, percent, TARGET_CODE, toMilli } from '../../../../common/domain/campaigns.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { CpCampaignsTable } from '../../db/schema-campaigns.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { cpErrors } from './campaigns.errors.ts';
import * as repo from './campaigns.repository.ts';
import { createTaskService } from './campaign-tasks.service.ts';
import { MANAGE, READ, type CpContext } from './cp-context.ts';

const CAMPAIGN_SORTS = { startDate: 'start_date', campaignNo: 'campaign_no', name: 'name' } as const;

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

  return {
    get,

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
    ...createTaskService(ctx),
  };
}
export type CampaignService = ReturnType<typeof createCampaignService>;
