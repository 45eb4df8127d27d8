/**
 * 源头治理 tasks (docs/analysis.md, "Repeat hotspots"): a repeat hotspot opens one; it is assigned, done or
 * dismissed by a shift leader or leader. One unfinished task per place (within the radius) or component: a
 * hotspot already covered by one opens nothing new.
 */
import type {
  GovernanceListQuery,
  GovernanceTask,
  GovernanceUpdate,
  HotspotSettings,
  ScanResult,
} from '../../../../common/contracts/analysis.ts';
import { addDays } from '../../../../common/domain/period-compare.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import type { GovernanceTasksTable } from '../../db/schema-analysis.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nextSequence } from '../../platform/sequences.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { catalogLookups } from '../catalog/index.ts';
import type { KpiService } from '../kpi/index.ts';
import { tenantToday } from '../kpi/index.ts';
import { orgReadModel, tenantIds } from '../org/index.ts';
import type { SettingsService } from '../settings/index.ts';
import * as repo from './governance.repository.ts';
import { componentHotspots, metresBetween, placeHotspots, type Hotspot } from './hotspots.ts';

export const HOTSPOT_SETTINGS_KEY = 'analysis.hotspots';
export const DEFAULT_HOTSPOT_SETTINGS: HotspotSettings = { radiusM: 50, minCases: 3, windowDays: 30 };

/** Which status may follow which: finished tasks stay finished (a new hotspot opens a new task). */
const NEXT: Record<GovernanceTasksTable['status'], readonly GovernanceTasksTable['status'][]> = {
  open: ['assigned', 'done', 'dismissed'],
  assigned: ['open', 'done', 'dismissed'],
  done: [],
  dismissed: [],
};

export function createGovernanceService(
  database: Database,
  clock: Clock,
  kpi: KpiService,
  settings: SettingsService,
  audit: AuditService,
) {
  const { db } = database;

  async function hotspotSettings(tenantId: string): Promise<HotspotSettings> {
    const stored = await settings.get(tenantId, HOTSPOT_SETTINGS_KEY);
    return { ...DEFAULT_HOTSPOT_SETTINGS, ...((stored?.value ?? {}) as Partial<HotspotSettings>) };
  }

  async function toView(
    db: Executor,
    tenantId: string,
    rows: readonly GovernanceTasksTable[],
  ): Promise<GovernanceTask[]> {
    const matters = await catalogLookups.matterNames(
      db,
      tenantId,
      rows.flatMap((r) => (r.matter_code ? [r.matter_code] : [])),
    );
    const people = new Map<string, string>();
    for (const id of new Set(rows.flatMap((r) => (r.assignee_id ? [r.assignee_id] : [])))) {
      const u = await orgReadModel.userNameQuery(db, id).executeTakeFirst();
      if (u) people.set(id, u.display_name);
    }
    return rows.map((r) => ({
      id: r.id,
      taskNo: r.task_no,
      kind: r.kind,
      componentCode: r.component_code,
      matterCode: r.matter_code,
      matterName: r.matter_code ? (matters.get(r.matter_code) ?? null) : null,
      lng: Number(r.lng),
      lat: Number(r.lat),
      caseCount: Number(r.case_count),
      caseIds: JSON.parse(r.case_ids_json) as string[],
      windowFrom: r.window_from,
      windowTo: r.window_to,
      status: r.status,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_id ? (people.get(r.assignee_id) ?? null) : null,
      note: r.note,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      finishedAt: r.finished_at,
      version: Number(r.version),
    }));
  }

  /** Detects the tenant's hotspots in the window ending today and opens a task for each one not yet covered. */
  async function scanTenant(tenantId: string, actor: Actor | null): Promise<ScanResult> {
    const s = await hotspotSettings(tenantId);
    const today = await tenantToday(db, tenantId, clock.now());
    const from = addDays(today, -(s.windowDays - 1));
    const rows = await kpi.positions(tenantId, from, today);
    const points = rows.flatMap((r) =>
      r.lng === null || r.lat === null
        ? []
        : [
            {
              id: r.case_id,
              lng: Number(r.lng),
              lat: Number(r.lat),
              componentCode: r.component_code,
              matterCode: r.matter_code,
            },
          ],
    );
    const found: Hotspot[] = [
      ...componentHotspots(points, s.minCases),
      ...placeHotspots(points, s.radiusM, s.minCases),
    ];
    const opened = await db.transaction().execute(async (tx) => {
      const open = await repo.unfinished(tx, tenantId);
      const covered = (h: Hotspot) =>
        open.some((t) =>
          h.kind === 'component'
            ? t.kind === 'component' && t.component_code === h.componentCode
            : t.kind === 'place' && metresBetween(h, { lng: Number(t.lng), lat: Number(t.lat) }) <= s.radiusM,
        );
      const made: GovernanceTasksTable[] = [];
      for (const h of found) {
        if (covered(h)) continue;
        const now = clock.now().toISOString();
        const seq = await nextSequence(tx, tenantId, 'governance_task');
        const row: GovernanceTasksTable = {
          id: newId(),
          tenant_id: tenantId,
          task_no: `ZL${today.replace(/-/g, '')}-${String(seq).padStart(5, '0')}`,
          kind: h.kind,
          hotspot_key: h.key,
          component_code: h.componentCode,
          matter_code: h.matterCode,
          lng: h.lng,
          lat: h.lat,
          address: null,
          case_count: h.caseIds.length,
          case_ids_json: JSON.stringify(h.caseIds),
          window_from: from,
          window_to: today,
          status: 'open',
          assignee_id: null,
          note: null,
          created_at: now,
          updated_at: now,
          finished_at: null,
          version: 1,
        };
        await repo.insert(tx, row);
        await audit.record(tx, actor, tenantId, {
          action: 'governance.open',
          entity: 'governance_task',
          entityId: row.id,
          after: { taskNo: row.task_no, kind: row.kind, caseCount: row.case_count },
        });
        open.push({
          id: row.id,
          kind: row.kind,
          hotspot_key: row.hotspot_key,
          component_code: row.component_code,
          lng: row.lng,
          lat: row.lat,
        });
        made.push(row);
      }
      return made;
    });
    return { opened: await toView(db, tenantId, opened), hotspots: found.length };
  }

  return {
    hotspotSettings,

    async getSettings(actor: Actor): Promise<HotspotSettings> {
      requirePermission(actor, 'analysis.read');
      return hotspotSettings(actor.tenantId);
    },

    async putSettings(actor: Actor, input: HotspotSettings): Promise<HotspotSettings> {
      requirePermission(actor, 'governance.manage');
      await db.transaction().execute((tx) => settings.put(tx, actor, HOTSPOT_SETTINGS_KEY, input));
      return hotspotSettings(actor.tenantId);
    },

    async scan(actor: Actor): Promise<ScanResult> {
      requirePermission(actor, 'governance.manage');
      return scanTenant(actor.tenantId, actor);
    },

    /** The scheduled job: every tenant, as the system. */
    async scanAll(): Promise<number> {
      let opened = 0;
      for (const id of await tenantIds(db)) opened += (await scanTenant(id, null)).opened.length;
      return opened;
    },

    async list(actor: Actor, q: GovernanceListQuery): Promise<Page<GovernanceTask>> {
      requirePermission(actor, 'analysis.read');
      const { limit, offset } = pageWindow(q.page, q.pageSize);
      const { rows, total } = await repo.page(db, actor.tenantId, { status: q.status, limit, offset });
      return { items: await toView(db, actor.tenantId, rows), total, page: q.page ?? 1, pageSize: limit };
    },

    async update(actor: Actor, id: string, input: GovernanceUpdate): Promise<GovernanceTask> {
      requirePermission(actor, 'governance.manage');
      return db.transaction().execute(async (tx) => {
        const task = await repo.byId(tx, actor.tenantId, id);
        if (!task) throw notFound('governance_task');
        if (Number(task.version) !== input.version)
          throw conflict('GOVERNANCE_STALE', { version: Number(task.version) });
        const assignee = input.assigneeId === undefined ? task.assignee_id : input.assigneeId;
        if (input.assigneeId) {
          const u = await orgReadModel
            .userNameQuery(tx, input.assigneeId)
            .where('tenant_id', '=', actor.tenantId)
            .executeTakeFirst();
          if (!u) throw invalidField('body.assigneeId', 'exists', 'no such user in this city');
        }
        let status = input.status ?? task.status;
        // naming someone on an open task assigns it; clearing the person of an assigned task opens it again
        if (input.status === undefined && status === 'open' && assignee) status = 'assigned';
        if (input.status === undefined && status === 'assigned' && !assignee) status = 'open';
        if (status === 'assigned' && !assignee)
          throw invalidField('body.assigneeId', 'required', 'an assigned task names its assignee');
        if (status !== task.status && !NEXT[task.status].includes(status))
          throw new AppError('GOVERNANCE_TRANSITION_NOT_ALLOWED', 409, { from: task.status, to: status });
        const now = clock.now().toISOString();
        const ok = await repo.update(tx, actor.tenantId, id, input.version, {
          status,
          assignee_id: assignee,
          note: input.note === undefined ? task.note : input.note,
          updated_at: now,
          finished_at: status === 'done' || status === 'dismissed' ? now : null,
        });
        if (!ok) throw conflict('GOVERNANCE_STALE', { version: Number(task.version) });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'governance.update',
          entity: 'governance_task',
          entityId: id,
          before: { status: task.status, assigneeId: task.assignee_id },
          after: { status, assigneeId: assignee },
        });
        const fresh = await repo.byId(tx, actor.tenantId, id);
        return (await toView(tx, actor.tenantId, fresh ? [fresh] : []))[0] as GovernanceTask;
      });
    },
  };
}
export type GovernanceService = ReturnType<typeof createGovernanceService>;
