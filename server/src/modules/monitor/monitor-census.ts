/**
 * 专项普查 (docs/monitor.md, "Census campaigns"): a supervisor names a component class and some streets or
 * communities; every grid in them becomes a task for the grid's responsible inspector, who records each registered
 * component as found ok, damaged or missing, or adds one the registry lacked. Each record updates the 部件 registry
 * in the same transaction (through the components module), and progress is counted per task and per campaign.
 */
import type {
  CensusCampaign,
  CensusCampaignCreate,
  CensusCampaignDetail,
  CensusRecordBatch,
  CensusRecordReceipt,
  CensusTask,
  CensusTaskDetail,
} from '../../../../common/contracts/census.ts';
import type { CensusCampaignsTable, CensusTasksTable } from '../../db/schema-census.ts';
import { once, replay } from '../../platform/idempotency.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { ComponentCensus } from '../components/index.ts';
import { orgNames } from '../org/index.ts';
import * as repo from './monitor-census.repository.ts';
import { SUPERVISE, type MonitorContext } from './monitor-context.ts';
import { monitorErrors } from './monitor.errors.ts';

/** What the census needs besides its own tables: the registry and the catalog's class names. */
export interface CensusDeps {
  registry: ComponentCensus;
  /** the active component class's name, null when there is no such active class */
  className(tenantId: string, classCode: string): Promise<string | null>;
}

const STATE_OF = { ok: 'intact', damaged: 'damaged', missing: 'lost' } as const;
type Tally = Pick<CensusTask, 'expected' | 'checked' | 'ok' | 'damaged' | 'missing' | 'added'>;

export function createCensus(ctx: MonitorContext, deps: CensusDeps) {
  const { db } = ctx;

  async function tallies(tenantId: string, tasks: readonly CensusTasksTable[]) {
    const rows = await repo.tallies(
      db,
      tenantId,
      tasks.map((t) => t.id),
    );
    const out = new Map<string, Tally>(
      tasks.map((t) => [t.id, { expected: t.expected, checked: 0, ok: 0, damaged: 0, missing: 0, added: 0 }]),
    );
    for (const r of rows) {
      const t = out.get(r.task_id);
      if (!t) continue;
      const n = Number(r.n);
      if (r.outcome === 'new') t.added += n;
      else {
        t[r.outcome] += n;
        t.checked += n;
      }
    }
    return out;
  }

  async function taskViews(
    tenantId: string,
    tasks: readonly CensusTasksTable[],
    camps: readonly CensusCampaignsTable[],
  ) {
    const [tally, names] = await Promise.all([
      tallies(tenantId, tasks),
      orgNames.userNames(db, [...new Set(tasks.flatMap((t) => (t.inspector_id ? [t.inspector_id] : [])))]),
    ]);
    const campOf = new Map(camps.map((c) => [c.id, c]));
    const classNames = new Map<string, string | null>();
    for (const c of camps)
      if (!classNames.has(c.class_code)) classNames.set(c.class_code, await deps.className(tenantId, c.class_code));
    return tasks.map((t): CensusTask => ({
      id: t.id,
      campaignId: t.campaign_id,
      campaignName: campOf.get(t.campaign_id)?.name ?? '',
      classCode: campOf.get(t.campaign_id)?.class_code ?? '',
      className: classNames.get(campOf.get(t.campaign_id)?.class_code ?? '') ?? null,
      gridCode: t.grid_code,
      inspectorId: t.inspector_id,
      inspectorName: t.inspector_id ? (names.get(t.inspector_id) ?? null) : null,
      ...tally.get(t.id)!,
    }));
  }

  async function campaignViews(tenantId: string, camps: readonly CensusCampaignsTable[]) {
    const tasks = await repo.tasksOf(
      db,
      tenantId,
      camps.map((c) => c.id),
    );
    const views = await taskViews(tenantId, tasks, camps);
    const geography = await ctx.geo.geographyOf(tenantId);
    const regionName = new Map([...geography.regions.values()].map((r) => [r.id, r.name]));
    const campaignsOut = camps.map((c): CensusCampaign => {
      const mine = views.filter((t) => t.campaignId === c.id);
      const sum = (k: keyof Tally) => mine.reduce((n, t) => n + t[k], 0);
      return {
        id: c.id,
        name: c.name,
        classCode: c.class_code,
        className: mine[0]?.className ?? null,
        regions: (JSON.parse(c.region_ids_json) as string[]).map((id) => ({ id, name: regionName.get(id) ?? id })),
        dueDate: c.due_date,
        status: c.status,
        createdAt: c.created_at,
        tasks: mine.length,
        unassignedTasks: mine.filter((t) => !t.inspectorId).length,
        expected: sum('expected'),
        checked: sum('checked'),
        ok: sum('ok'),
        damaged: sum('damaged'),
        missing: sum('missing'),
        added: sum('added'),
      };
    });
    // Grids with an inspector and with registered components first: a street has hundreds of grids, most empty.
    const order = (t: CensusTask) => [t.inspectorId ? 0 : 1, -t.expected];
    const tasksOut = [...views].sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || a.gridCode.localeCompare(b.gridCode);
    });
    return { campaigns: campaignsOut, tasks: tasksOut };
  }

  /** The task, if the actor is its inspector or supervises; otherwise the same 404 as a missing one. */
  async function visibleTask(actor: Actor, taskId: string) {
    const t = await repo.task(db, actor.tenantId, taskId);
    if (!t) throw monitorErrors.censusNotFound();
    if (t.inspector_id === actor.userId) return t;
    if (!actor.permissions.has(SUPERVISE)) throw monitorErrors.censusNotFound();
    const supervised = await ctx.supervised(actor);
    if (t.inspector_id && !supervised.some((i) => i.id === t.inspector_id)) throw monitorErrors.censusNotFound();
    return t;
  }

  return {
    async createCampaign(actor: Actor, body: CensusCampaignCreate): Promise<CensusCampaignDetail> {
      requirePermission(actor, SUPERVISE);
      const className = await deps.className(actor.tenantId, body.classCode);
      if (className === null) throw monitorErrors.censusClass();
      const geography = await ctx.geo.geographyOf(actor.tenantId);
      const byId = new Map([...geography.regions.values()].map((r) => [r.id, r]));
      const prefixes = body.regionIds.map((id, i) => {
        const r = byId.get(id);
        if (!r || (r.kind !== 'street' && r.kind !== 'town' && r.kind !== 'community'))
          throw monitorErrors.censusRegion(i);
        return r.fullCode;
      });
      const grids = [...geography.gridCodes].filter((g) => prefixes.some((p) => g.startsWith(p))).sort();
      if (!grids.length) throw monitorErrors.censusNoGrids();
      const [components, owners] = await Promise.all([
        deps.registry.ofClassInGrids(db, actor.tenantId, body.classCode, grids),
        repo.gridInspectors(db, actor.tenantId, grids),
      ]);
      const expected = new Map<string, number>();
      for (const c of components) if (c.grid_code) expected.set(c.grid_code, (expected.get(c.grid_code) ?? 0) + 1);
      const owner = new Map<string, string>();
      for (const o of owners) if (!owner.has(o.grid_code)) owner.set(o.grid_code, o.inspector_id);
      const now = ctx.clock.now().toISOString();
      const campaign: CensusCampaignsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        name: body.name.trim(),
        class_code: body.classCode,
        region_ids_json: JSON.stringify([...new Set(body.regionIds)]),
        due_date: body.dueDate ?? null,
        status: 'open',
        created_by: actor.userId,
        created_at: now,
      };
      const tasks: CensusTasksTable[] = grids.map((g) => ({
        id: newId(),
        tenant_id: actor.tenantId,
        campaign_id: campaign.id,
        grid_code: g,
        inspector_id: owner.get(g) ?? null,
        expected: expected.get(g) ?? 0,
      }));
      await db.transaction().execute(async (tx) => {
        await repo.insertCampaign(tx, campaign);
        await repo.insertTasks(tx, tasks);
        await ctx.audit.record(tx, actor, actor.tenantId, {
          action: 'census.create',
          entity: 'census_campaign',
          entityId: campaign.id,
          after: { ...campaign, tasks: tasks.length },
        });
      });
      return this.campaign(actor, campaign.id);
    },

    async campaigns(actor: Actor): Promise<CensusCampaign[]> {
      requirePermission(actor, SUPERVISE);
      return (await campaignViews(actor.tenantId, await repo.campaigns(db, actor.tenantId))).campaigns;
    },

    async campaign(actor: Actor, id: string): Promise<CensusCampaignDetail> {
      requirePermission(actor, SUPERVISE);
      const c = await repo.campaign(db, actor.tenantId, id);
      if (!c) throw monitorErrors.censusNotFound();
      const v = await campaignViews(actor.tenantId, [c]);
      return { campaign: v.campaigns[0]!, tasks: v.tasks };
    },

    /** The signed-in inspector's tasks in open campaigns (the /h5 list). */
    async myTasks(actor: Actor): Promise<CensusTask[]> {
      requirePermission(actor, 'case.report');
      const tasks = await repo.tasksOfInspector(db, actor.tenantId, actor.userId);
      const camps = await Promise.all(
        [...new Set(tasks.map((t) => t.campaign_id))].map((id) => repo.campaign(db, actor.tenantId, id)),
      );
      return taskViews(
        actor.tenantId,
        tasks,
        camps.flatMap((c) => (c ? [c] : [])),
      );
    },

    async task(actor: Actor, taskId: string): Promise<CensusTaskDetail> {
      const t = await visibleTask(actor, taskId);
      const c = (await repo.campaign(db, actor.tenantId, t.campaign_id))!;
      const [view] = await taskViews(actor.tenantId, [t], [c]);
      const [components, records] = await Promise.all([
        deps.registry.ofClassInGrids(db, actor.tenantId, c.class_code, [t.grid_code]),
        repo.recordsOf(db, actor.tenantId, t.id),
      ]);
      const outcome = new Map(records.map((r) => [r.component_code, r.outcome]));
      return {
        task: view!,
        components: components.map((x) => ({
          code: x.code,
          name: x.name,
          state: x.state,
          lng: Number(x.lng),
          lat: Number(x.lat),
          outcome: outcome.get(x.code) ?? null,
        })),
      };
    },

    /**
     * The inspector's records of one task, all or nothing; each updates the registry in the same transaction. With
     * an Idempotency-Key (the app's offline queue sends one per batch) a batch sent again records nothing twice
     * and answers the first batch's new component ids with the task as it is now (docs/monitor.md, "Census
     * campaigns").
     */
    async record(
      actor: Actor,
      taskId: string,
      body: CensusRecordBatch,
      key: string | null = null,
    ): Promise<CensusRecordReceipt> {
      requirePermission(actor, 'case.report');
      const t = await repo.task(db, actor.tenantId, taskId);
      if (!t || t.inspector_id !== actor.userId) throw monitorErrors.censusNotFound();
      const c = (await repo.campaign(db, actor.tenantId, t.campaign_id))!;
      const scope = `census.records:${actor.tenantId}:${actor.userId}`;
      const request = { taskId, body };
      const earlier = await replay<{ added: string[] }>(ctx.database, scope, key, request);
      if (earlier) {
        const [view] = await taskViews(actor.tenantId, [t], [c]);
        return { task: view!, added: earlier.body.added };
      }
      if (c.status !== 'open') throw monitorErrors.censusClosed();
      const [registered, geography] = await Promise.all([
        deps.registry.ofClassInGrids(db, actor.tenantId, c.class_code, [t.grid_code]),
        ctx.geo.geographyOf(actor.tenantId),
      ]);
      const known = new Set(registered.map((x) => x.code));
      body.records.forEach((r, i) => {
        if (r.outcome === 'new') {
          if (r.componentCode)
            throw monitorErrors.censusRecord(
              i,
              'componentCode',
              'absent',
              'a new component gets its id from the registry',
            );
          if (r.lng === undefined)
            throw monitorErrors.censusRecord(i, 'lng', 'required', 'a new component needs its position');
          if (r.lat === undefined)
            throw monitorErrors.censusRecord(i, 'lat', 'required', 'a new component needs its position');
          if (geography.locate(r.lng, r.lat)?.gridCode !== t.grid_code)
            throw monitorErrors.censusRecord(i, 'lng', 'inside', 'the position lies outside the task grid');
        } else if (!r.componentCode) {
          throw monitorErrors.censusRecord(i, 'componentCode', 'required', 'name the component recorded');
        } else if (!known.has(r.componentCode)) {
          throw monitorErrors.censusRecord(i, 'componentCode', 'exists', 'not a component of this task');
        }
      });
      const className = (await deps.className(actor.tenantId, c.class_code)) ?? c.class_code;
      // A component found on site inherits the 主管部门 of a registered one of its class in the grid.
      const deptName = registered.length ? await deps.registry.deptOf(db, actor.tenantId, registered[0]!.code) : null;
      const now = ctx.clock.now().toISOString();
      const { body: written } = await once(
        ctx.database,
        scope,
        key,
        () => now,
        async (tx) => {
          const added: string[] = [];
          for (const r of body.records) {
            const note = r.note?.trim() ?? '';
            let code = r.componentCode ?? '';
            if (r.outcome === 'new') {
              code = await deps.registry.add(tx, actor, geography, {
                classCode: c.class_code,
                name: className,
                lng: r.lng!,
                lat: r.lat!,
                gridCode: t.grid_code,
                deptName: deptName ?? className,
                note,
              });
              added.push(code);
            } else {
              await deps.registry.setState(tx, actor, code, STATE_OF[r.outcome], note);
            }
            await repo.putRecord(tx, {
              id: newId(),
              tenant_id: actor.tenantId,
              campaign_id: c.id,
              task_id: t.id,
              component_code: code,
              outcome: r.outcome,
              lng: r.lng ?? null,
              lat: r.lat ?? null,
              note: note || null,
              recorded_by: actor.userId,
              recorded_at: now,
            });
          }
          return { status: 200, body: { added } };
        },
        request,
      );
      const [view] = await taskViews(actor.tenantId, [t], [c]);
      return { task: view!, added: written.added };
    },
  };
}
export type Census = ReturnType<typeof createCensus>;
