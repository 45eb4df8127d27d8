/**
 * Position reports from the inspector app and the day roll-up (docs/monitor.md, "Positions"): a batch of capture
 * times the app queued (offline too), checked, kept only inside the inspector's shift, marked when reached at an
 * impossible speed, stored once per capture time, and summed into the inspector-day row the console reads.
 */
import type { PositionBatch, PositionReceipt } from '../../../../common/contracts/monitor.ts';
import {
  implausibleFlags,
  onDutyAt,
  summarise,
  trackLengthM,
  zonedInstant,
  type Shift,
} from '../../../../common/domain/monitor.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { InspectorPositionsTable } from '../../db/schema-lines.ts';
import type { Executor } from '../../platform/db.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { MonitorContext } from './monitor-context.ts';
import { monitorErrors } from './monitor.errors.ts';
import * as repo from './monitor.repository.ts';

/** A phone's clock may run a little ahead of the server's; more than this is a wrong timestamp. */
const CLOCK_SKEW_MS = 60_000;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The instants bounding a calendar day in the city. */
export function dayBounds(day: string, timeZone: string) {
  return {
    from: zonedInstant(day, '00:00', timeZone).toISOString(),
    to: zonedInstant(nextDay(day), '00:00', timeZone).toISOString(),
  };
}

export function createPositionIntake(ctx: MonitorContext) {
  /** Recomputes one inspector-day's roll-up from its stored positions (at most one day of one person). */
  async function rollUp(tx: Executor, tenantId: string, inspectorId: string, day: string, timeZone: string) {
    const { from, to } = dayBounds(day, timeZone);
    const rows = await repo.track(tx, tenantId, inspectorId, from, to);
    const good = rows
      .filter((r) => Number(r.implausible) === 0)
      .map((r) => ({ ...r, lng: Number(r.lng), lat: Number(r.lat) }));
    const last = good.at(-1);
    await repo.upsertDay(tx, {
      tenant_id: tenantId,
      inspector_id: inspectorId,
      day,
      points: good.length,
      implausible_points: rows.length - good.length,
      first_at: good[0]?.at ?? null,
      last_at: last?.at ?? null,
      last_lng: last?.lng ?? null,
      last_lat: last?.lat ?? null,
      distance_m: Math.round(trackLengthM(good)),
      grids_json: JSON.stringify(summarise(good.map((r) => ({ at: r.at, gridCode: r.grid_code }))).perGrid),
      updated_at: ctx.clock.now().toISOString(),
    });
  }

  async function report(actor: Actor, batch: PositionBatch): Promise<PositionReceipt> {
    requirePermission(actor, 'position.report');
    const { tenantId, userId } = actor;
    const [settings, timeZone, geography] = await Promise.all([
      ctx.settingsOf(tenantId),
      ctx.timeZoneOf(tenantId),
      ctx.geo.geographyOf(tenantId),
    ]);
    const now = ctx.clock.now().getTime();
    const oldest = now - settings.retentionDays * 86_400_000;
    const points = batch.points.map((p, i) => {
      const t = Date.parse(p.at);
      if (t > now + CLOCK_SKEW_MS) throw monitorErrors.futureTime(i);
      if (t < oldest) throw monitorErrors.tooOld(i);
      if (!geography.insideTenant(p.lng, p.lat)) throw monitorErrors.outsideTenant(i);
      return { ...p, at: new Date(t).toISOString(), day: zonedDate(new Date(t), timeZone) };
    });

    const days = [...new Set(points.map((p) => p.day))].sort();
    const shifts = new Map<string, Shift>(
      (await repo.shiftsBetween(ctx.db, tenantId, days[0]!, days.at(-1)!, [userId])).map((s) => [s.day, s]),
    );
    // Positions are personal data and are only kept while on duty: the rest is counted and dropped.
    const byAt = new Map<string, (typeof points)[number]>();
    for (const p of points) if (onDutyAt(shifts.get(p.day) ?? null, new Date(p.at), timeZone)) byAt.set(p.at, p);
    const onDuty = [...byAt.values()].sort((a, b) => (a.at < b.at ? -1 : 1));
    const receipt = { stored: 0, duplicates: 0, offDuty: points.length - onDuty.length, implausible: 0 };
    if (!onDuty.length) return receipt;

    return ctx.db.transaction().execute(async (tx) => {
      const before = await repo.plausibleBefore(tx, tenantId, userId, onDuty[0]!.at);
      const flags = implausibleFlags(
        before ? { at: before.at, lng: Number(before.lng), lat: Number(before.lat) } : null,
        onDuty,
        settings.maxSpeedKmh,
      );
      const receivedAt = new Date(now).toISOString();
      const rows: InspectorPositionsTable[] = onDuty.map((p, i) => ({
        inspector_id: userId,
        at: p.at,
        tenant_id: tenantId,
        lng: p.lng,
        lat: p.lat,
        accuracy_m: p.accuracyM ?? null,
        grid_code: geography.locate(p.lng, p.lat)?.gridCode ?? null,
        implausible: flags[i] ? 1 : 0,
        received_at: receivedAt,
      }));
      receipt.stored = await repo.insertPositions(tx, rows);
      receipt.duplicates = rows.length - receipt.stored;
      receipt.implausible = flags.filter(Boolean).length;
      for (const day of new Set(onDuty.map((p) => p.day))) await rollUp(tx, tenantId, userId, day, timeZone);
      return receipt;
    });
  }

  /**
   * Deletes positions and day roll-ups older than each tenant's retention period (the scheduler runs it). The
   * deletion is audited as a system action with the counts, never the positions.
   */
  async function purge(now: Date): Promise<{ positions: number; days: number }> {
    const total = { positions: 0, days: 0 };
    // The widest plausible retention bounds the first read; each tenant's own period decides the cut.
    const tenants = await repo.tenantsWithDaysBefore(ctx.db, zonedDate(now, 'UTC'));
    for (const { tenant_id: tenantId } of tenants) {
      const [settings, timeZone] = await Promise.all([ctx.settingsOf(tenantId), ctx.timeZoneOf(tenantId)]);
      const cutDay = zonedDate(new Date(now.getTime() - settings.retentionDays * 86_400_000), timeZone);
      const cut = dayBounds(cutDay, timeZone).from;
      const done = await ctx.db.transaction().execute(async (tx) => {
        const res = await repo.purge(tx, tenantId, cutDay, cut);
        if (res.positions || res.days)
          await ctx.audit.record(tx, null, tenantId, {
            action: 'monitor.purge',
            entity: 'inspector_positions',
            entityId: cutDay,
            after: { before: cutDay, ...res },
          });
        return res;
      });
      total.positions += done.positions;
      total.days += done.days;
    }
    return total;
  }

  return { report, purge, rollUp };
}
