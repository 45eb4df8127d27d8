/**
 * 监督员管理 use cases (docs/monitor.md): the duty state the app asks for, the supervisor's board (在岗, attendance,
 * distance, coverage), one inspector-day's track, last positions, responsibility grids and settings. Every read of
 * positions is limited to the supervised inspectors and leaves an audit row.
 */
import type {
  DutyState,
  GridAssignment,
  InspectorDay,
  InspectorDayList,
  LastPosition,
  MonitorSettingsBody,
  TrackView,
} from '../../../../common/contracts/monitor.ts';
import {
  attendance,
  coverage,
  distanceM,
  onDutyAt,
  shiftWindow,
  type MonitorSettings,
} from '../../../../common/domain/monitor.ts';
import type { InspectorDaysTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { createCensus, type CensusDeps } from './monitor-census.ts';
import { createMonitorContext, SETTINGS_KEY, type Inspector, type MonitorDeps } from './monitor-context.ts';
import { createMissedView, type MissedReader } from './monitor-missed.ts';
import { createPositionIntake, dayBounds } from './monitor-positions.ts';
import { createRoster } from './monitor-roster.ts';
import { monitorErrors } from './monitor.errors.ts';
import * as repo from './monitor.repository.ts';

type DayRow = InspectorDaysTable | undefined;

/** The context's dependencies plus the KPI roll-up's 漏报 reader and the registry the census writes. */
export type MonitorServiceDeps = MonitorDeps & { missed: MissedReader; census: CensusDeps };

export function createMonitorService(database: Database, clock: Clock, deps: MonitorServiceDeps) {
  const ctx = createMonitorContext(database, clock, deps);
  const intake = createPositionIntake(ctx);
  const roster = createRoster(ctx, deps.calendar);

  /** The board rows of `day` for the given inspectors, from the day roll-ups (never the raw track). */
  async function dayRows(tenantId: string, who: readonly Inspector[], day: string, ex: Executor = ctx.db) {
    const ids = who.map((i) => i.id);
    const [settings, timeZone, shifts, days, grids] = await Promise.all([
      ctx.settingsOf(tenantId, ex),
      ctx.timeZoneOf(tenantId),
      repo.shiftsBetween(ex, tenantId, day, day, ids),
      repo.daysOf(ex, tenantId, day, ids),
      repo.gridsOf(ex, tenantId, ids),
    ]);
    const now = clock.now();
    const shiftOf = new Map(shifts.map((s) => [s.inspector_id, s]));
    const dayOf = new Map(days.map((d) => [d.inspector_id, d]));
    const gridsOf = new Map<string, string[]>();
    for (const g of grids) gridsOf.set(g.inspector_id, [...(gridsOf.get(g.inspector_id) ?? []), g.grid_code]);
    return who.map((i) =>
      row(i, shiftOf.get(i.id) ?? null, dayOf.get(i.id), gridsOf.get(i.id) ?? [], settings, timeZone, now),
    );
  }

  function row(
    i: Inspector,
    s: { day: string; starts: string; ends: string } | null,
    d: DayRow,
    assigned: string[],
    settings: MonitorSettings,
    timeZone: string,
    now: Date,
  ): InspectorDay {
    const perGrid = d ? (JSON.parse(d.grids_json) as Record<string, number>) : {};
    const points = Number(d?.points ?? 0);
    const a = attendance({
      shift: s,
      timeZone,
      now,
      settings,
      assigned,
      day: { firstAt: d?.first_at ?? null, points, perGrid },
    });
    const visited = Object.keys(perGrid).filter((g) => g && assigned.includes(g));
    return {
      inspectorId: i.id,
      displayName: i.displayName,
      unitName: i.unitName,
      shift: s ? { day: s.day, starts: s.starts, ends: s.ends } : null,
      onDuty: onDutyAt(s, now, timeZone),
      attendance: a.status,
      late: a.late,
      outOfArea: a.outOfArea,
      firstAt: d?.first_at ?? null,
      lastAt: d?.last_at ?? null,
      distanceM: Number(d?.distance_m ?? 0),
      points,
      implausiblePoints: Number(d?.implausible_points ?? 0),
      grids: assigned,
      gridsVisited: visited.length,
      coverage: coverage(assigned, visited),
    };
  }

  async function oneOf(actor: Actor, inspectorId: string): Promise<Inspector> {
    const found = (await ctx.supervised(actor)).find((i) => i.id === inspectorId);
    if (!found) throw monitorErrors.unknownInspector();
    return found;
  }

  const viewed = (actor: Actor, action: string, entityId: string, after: unknown) =>
    ctx.audit.record(ctx.db, actor, actor.tenantId, { action, entity: 'inspector_positions', entityId, after });

  return {
    report: intake.report,
    purge: intake.purge,
    ...roster,
    ...createMissedView(ctx, deps.missed),
    census: createCensus(ctx, deps.census),

    /** Whether the signed-in inspector is on duty now, so the app switches reporting on or off and says so. */
    async dutyState(actor: Actor): Promise<DutyState> {
      requirePermission(actor, 'position.report');
      const [settings, timeZone, day] = await Promise.all([
        ctx.settingsOf(actor.tenantId),
        ctx.timeZoneOf(actor.tenantId),
        ctx.today(actor.tenantId),
      ]);
      const s = (await repo.shiftsBetween(ctx.db, actor.tenantId, day, day, [actor.userId]))[0] ?? null;
      const now = clock.now();
      const shift = s ? { day: s.day, starts: s.starts, ends: s.ends } : null;
      let nextChangeAt: string | null = null;
      if (shift) {
        const w = shiftWindow(shift, timeZone);
        if (now < w.from) nextChangeAt = w.from.toISOString();
        else if (now < w.to) nextChangeAt = w.to.toISOString();
      }
      return { onDuty: onDutyAt(shift, now, timeZone), shift, intervalSec: settings.intervalSec, nextChangeAt };
    },

    async board(actor: Actor, day?: string): Promise<InspectorDayList> {
      const who = await ctx.supervised(actor);
      const at = day ?? (await ctx.today(actor.tenantId));
      const items = await dayRows(actor.tenantId, who, at);
      await viewed(actor, 'monitor.view_board', at, { day: at, inspectors: items.length });
      return { day: at, items };
    },

    async track(actor: Actor, inspectorId: string, day?: string): Promise<TrackView> {
      const inspector = await oneOf(actor, inspectorId);
      const at = day ?? (await ctx.today(actor.tenantId));
      const timeZone = await ctx.timeZoneOf(actor.tenantId);
      const { from, to } = dayBounds(at, timeZone);
      const [rows, [summary]] = await Promise.all([
        repo.track(ctx.db, actor.tenantId, inspectorId, from, to),
        dayRows(actor.tenantId, [inspector], at),
      ]);
      await viewed(actor, 'monitor.view_track', inspectorId, { inspector: inspector.displayName, day: at });
      return {
        day: summary!,
        points: rows.map(
          (r) => [r.at, Number(r.lng), Number(r.lat), Number(r.implausible)] as [string, number, number, number],
        ),
      };
    },

    /** Today's last plausible position of each supervised inspector (the 一张图 layer). */
    async lastPositions(actor: Actor): Promise<LastPosition[]> {
      const who = await ctx.supervised(actor);
      const day = await ctx.today(actor.tenantId);
      const rows = await dayRows(actor.tenantId, who, day);
      const days = new Map(
        (
          await repo.daysOf(
            ctx.db,
            actor.tenantId,
            day,
            who.map((i) => i.id),
          )
        ).map((d) => [d.inspector_id, d]),
      );
      const out = rows.flatMap((r) => {
        const d = days.get(r.inspectorId);
        return d?.last_at && d.last_lng !== null && d.last_lat !== null
          ? [
              {
                inspectorId: r.inspectorId,
                displayName: r.displayName,
                onDuty: r.onDuty,
                at: d.last_at,
                lng: Number(d.last_lng),
                lat: Number(d.last_lat),
              },
            ]
          : [];
      });
      await viewed(actor, 'monitor.view_positions', day, { day, positions: out.length });
      return out;
    },

    async setGrids(actor: Actor, inspectorId: string, body: GridAssignment): Promise<InspectorDay> {
      const inspector = await oneOf(actor, inspectorId);
      const geography = await ctx.geo.geographyOf(actor.tenantId);
      body.gridCodes.forEach((code, i) => {
        if (!geography.gridCodes.has(code)) throw monitorErrors.unknownGrid(i);
      });
      const codes = [...body.gridCodes].sort();
      await ctx.db.transaction().execute(async (tx) => {
        const before = (await repo.gridsOf(tx, actor.tenantId, [inspectorId])).map((g) => g.grid_code);
        await repo.replaceGrids(tx, actor.tenantId, inspectorId, codes, actor.userId, clock.now().toISOString());
        await ctx.audit.record(tx, actor, actor.tenantId, {
          action: 'monitor.grids_assign',
          entity: 'inspector',
          entityId: inspectorId,
          before: { displayName: inspector.displayName, grids: before },
          after: { displayName: inspector.displayName, grids: codes },
        });
      });
      const [out] = await dayRows(actor.tenantId, [inspector], await ctx.today(actor.tenantId));
      return out!;
    },

    async settings(actor: Actor): Promise<MonitorSettings> {
      requirePermission(actor, 'settings.manage');
      return ctx.settingsOf(actor.tenantId);
    },

    async setSettings(actor: Actor, body: MonitorSettingsBody): Promise<MonitorSettings> {
      requirePermission(actor, 'settings.manage');
      await ctx.db.transaction().execute((tx) => ctx.settings.put(tx, actor, SETTINGS_KEY, body));
      return ctx.settingsOf(actor.tenantId);
    },

    /**
     * The 发核实/发核查 picker (cases calls it through the composition root): every active inspector, on duty first,
     * then by distance from `at` to their last position today, rounded to 100 m so the picker never pinpoints anyone.
     */
    async choices(tenantId: string, at: { lng: number; lat: number } | null) {
      const who = await ctx.inspectors(tenantId);
      const day = await ctx.today(tenantId);
      const rows = await dayRows(tenantId, who, day);
      const days = new Map(
        (
          await repo.daysOf(
            ctx.db,
            tenantId,
            day,
            who.map((i) => i.id),
          )
        ).map((d) => [d.inspector_id, d]),
      );
      const list = rows.map((r) => {
        const d = days.get(r.inspectorId);
        const m =
          at && d?.last_lng !== null && d?.last_lat !== null && d
            ? Math.round(distanceM(at, { lng: Number(d.last_lng), lat: Number(d.last_lat) }) / 100) * 100
            : null;
        return { id: r.inspectorId, displayName: r.displayName, onDuty: r.onDuty, distanceM: m };
      });
      return list.sort(
        (a, b) =>
          Number(b.onDuty) - Number(a.onDuty) ||
          (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) ||
          a.displayName.localeCompare(b.displayName, 'zh-CN'),
      );
    },

    /**
     * Inspectors holding responsibility grids (one grid, or any), with whether they are on duty now: a tenant may
     * send 核查 to the case's grid rather than to one person (cases calls it through the composition root).
     */
    async gridInspectors(tenantId: string, gridCode?: string | null) {
      const who = await ctx.inspectors(tenantId);
      const rows = await dayRows(tenantId, who, await ctx.today(tenantId));
      return rows
        .filter((r) => (gridCode ? r.grids.includes(gridCode) : r.grids.length > 0))
        .map((r) => ({ id: r.inspectorId, displayName: r.displayName, onDuty: r.onDuty }));
    },
  };
}
export type MonitorService = ReturnType<typeof createMonitorService>;
