/**
 * 巡检计划 (docs/inspections.md, "Plans"): a checklist per asset type and a schedule on the work calendar; the sweep
 * generates one inspection per active asset of the type and due date, a few days ahead, and can run again at any
 * time (a generated inspection is never generated twice).
 */
import type {
  InspectionPlan,
  InspectionPlanCreate,
  PlanInspector,
  PlanQuery,
} from '../../../../common/contracts/inspections.ts';
import {
  checklistProblems,
  dueDates,
  scheduleProblems,
  type ChecklistItem,
  type Schedule,
} from '../../../../common/domain/inspections.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { ROLE_PERMISSIONS, ROLES } from '../../../../common/domain/roles.ts';
import type { AssetInspectionPlansTable, AssetInspectionsTable } from '../../db/schema-assets.ts';
import { toBool } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgNames, orgReadModel } from '../org/index.ts';
import { INSPECT, MANAGE, READ, type AssetContext } from './asset-context.ts';
import { assetErrors } from './assets.errors.ts';
import * as repo from './assets.repository.ts';
import * as irepo from './inspections.repository.ts';
import type { WorkOrderDeps } from './work-orders.service.ts';

/** The roles whose holders do inspections: a plan names one of them as its inspector. */
const INSPECTOR_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(INSPECT));

/** How far ahead the sweep generates: a week's tasks are on the inspectors' phones before they go offline. */
export const HORIZON_DAYS = 7;

const planView = (p: irepo.PlanRow, units: Map<string, string>, people: Map<string, string>): InspectionPlan => ({
  id: p.id,
  name: p.name,
  typeId: p.type_id,
  typeCode: p.type_code,
  typeNameZh: p.type_name_zh,
  typeNameEn: p.type_name_en,
  checklist: JSON.parse(p.checklist) as ChecklistItem[],
  scheduleKind: p.schedule_kind,
  schedule: JSON.parse(p.schedule) as Schedule,
  unitId: p.unit_id,
  unitName: p.unit_id ? (units.get(p.unit_id) ?? null) : null,
  inspectorId: p.inspector_id,
  inspectorName: p.inspector_id ? (people.get(p.inspector_id) ?? null) : null,
  active: toBool(p.active),
  updatedAt: p.updated_at,
});

const PLAN_SORTS = { name: 'name', updatedAt: 'updated_at', scheduleKind: 'schedule_kind' } as const;

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function createInspectionPlanService(ctx: AssetContext, deps: Pick<WorkOrderDeps, 'calendar'>) {
  const { db, clock, audit } = ctx;

  const inspectorNames = (tenantId: string, rows: readonly { inspector_id: string | null }[]) =>
    orgNames.activeUserNames(db, tenantId, [...new Set(rows.flatMap((r) => (r.inspector_id ? [r.inspector_id] : [])))]);

  /** An active user of the tenant holding a role that inspects. */
  async function mayInspect(tenantId: string, userId: string): Promise<boolean> {
    for (const role of INSPECTOR_ROLES)
      if ((await orgReadModel.usersWithRole(db, tenantId, role, true, userId)).length) return true;
    return false;
  }

  /** Generates the inspections of the tenant's active plans due from `from` to `to`; answers how many are new. */
  async function generate(tenantId: string, from: string, to: string): Promise<number> {
    const calendar = await deps.calendar.forTenant(tenantId);
    const now = clock.now().toISOString();
    let added = 0;
    for (const plan of await irepo.activePlans(db, tenantId)) {
      const dates = dueDates(plan.schedule_kind, JSON.parse(plan.schedule) as Schedule, from, to, (d) =>
        calendar.isWorkingDay(d),
      );
      if (!dates.length) continue;
      const assets = await irepo.activeAssetsOfType(db, tenantId, plan.type_id);
      const rows: AssetInspectionsTable[] = dates.flatMap((due) =>
        assets.map((a) => ({
          id: newId(),
          tenant_id: tenantId,
          plan_id: plan.id,
          asset_id: a.id,
          line: a.line,
          region_id: a.region_id,
          unit_id: a.unit_id,
          inspector_id: plan.inspector_id,
          due_date: due,
          state: 'due' as const,
          results: '[]',
          failed_count: 0,
          note: null,
          done_by: null,
          done_at: null,
          created_at: now,
          updated_at: now,
        })),
      );
      added += await irepo.insertInspections(db, rows);
    }
    return added;
  }

  return {
    generate,

    async list(actor: Actor, q: PlanQuery): Promise<Page<InspectionPlan>> {
      requirePermission(actor, READ);
      const w = listWindow(q, PLAN_SORTS, 'updatedAt');
      const { rows, total } = await irepo.listPlans(db, actor.tenantId, q, {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const [units, people] = await Promise.all([ctx.unitNamesOf(rows), inspectorNames(actor.tenantId, rows)]);
      return { items: rows.map((r) => planView(r, units, people)), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: InspectionPlanCreate): Promise<InspectionPlan> {
      requirePermission(actor, MANAGE);
      const type = await repo.findType(db, actor.tenantId, input.typeId);
      if (!type) throw assetErrors.unknownType('body.typeId');
      const problems = [...checklistProblems(input.checklist), ...scheduleProblems(input.scheduleKind, input.schedule)];
      if (problems.length) throw assetErrors.invalidChecklist(problems);
      if (input.unitId) await ctx.activeUnit(db, actor.tenantId, input.unitId);
      if (input.inspectorId && !(await mayInspect(actor.tenantId, input.inspectorId)))
        throw assetErrors.unknownInspector('body.inspectorId');
      const now = clock.now().toISOString();
      const row: AssetInspectionPlansTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        name: input.name.trim(),
        type_id: type.id,
        checklist: JSON.stringify(input.checklist),
        schedule_kind: input.scheduleKind,
        schedule: JSON.stringify(input.schedule),
        unit_id: input.unitId ?? null,
        inspector_id: input.inspectorId ?? null,
        active: input.active === false ? 0 : 1,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await irepo.insertPlan(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'inspection_plan.create',
          entity: 'inspection_plan',
          entityId: row.id,
          after: row,
        });
      });
      const created = await irepo.findPlan(db, actor.tenantId, row.id);
      if (!created) throw notFound('inspection_plan');
      const [units, people] = await Promise.all([
        ctx.unitNamesOf([created]),
        inspectorNames(actor.tenantId, [created]),
      ]);
      return planView(created, units, people);
    },

    /** Whom a plan can name as its inspector (the plan form's picker; its editors hold no user.read). */
    async inspectors(actor: Actor): Promise<{ items: PlanInspector[] }> {
      requirePermission(actor, MANAGE);
      const rows = await orgNames.activeUsersWithRoles(db, actor.tenantId, INSPECTOR_ROLES);
      return { items: rows.map((u) => ({ id: u.id, displayName: u.display_name, unitName: u.unit_name })) };
    },

    /** The console's "generate now" for a range of dates (the sweep does the next days by itself). */
    async generateFor(actor: Actor, from: string, to: string): Promise<{ added: number }> {
      requirePermission(actor, MANAGE);
      if (to < from || Date.parse(to) - Date.parse(from) > 92 * 86_400_000)
        throw assetErrors.invalidChecklist([{ field: 'to', key: 'details.inspection.scheduleField' }]);
      return { added: await generate(actor.tenantId, from, to) };
    },

    /** The sweep job: today and the next days of every tenant with active plans, in the tenant's calendar. */
    async sweep(now: Date): Promise<number> {
      let added = 0;
      for (const tenantId of await irepo.tenantsWithPlans(db)) {
        const calendar = await deps.calendar.forTenant(tenantId);
        const today = calendar.localDate(now);
        added += await generate(tenantId, today, addDays(today, HORIZON_DAYS));
      }
      return added;
    },
  };
}
export type InspectionPlanService = ReturnType<typeof createInspectionPlanService>;
