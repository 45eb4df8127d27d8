/**
 * The duty roster on the work calendar (docs/monitor.md, "Roster"): one shift per inspector and day, set for a range
 * of days at once (by default only the calendar's working days, so 法定节假日 are skipped and 调休 workdays kept).
 */
import type { RosterBody, RosterEntry } from '../../../../common/contracts/monitor.ts';
import type { Actor } from '../auth/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import type { MonitorContext } from './monitor-context.ts';
import { monitorErrors } from './monitor.errors.ts';
import * as repo from './monitor.repository.ts';

const MAX_DAYS = 92;
const addDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function createRoster(ctx: MonitorContext, calendar: Pick<CalendarService, 'forTenant'>) {
  return {
    async roster(actor: Actor, from: string, to: string): Promise<RosterEntry[]> {
      if (to < from) throw monitorErrors.dateRange('must not be before from');
      const who = await ctx.supervised(actor);
      const names = new Map(who.map((i) => [i.id, i.displayName]));
      const rows = await repo.shiftsBetween(ctx.db, actor.tenantId, from, to, [...names.keys()]);
      return rows.map((r) => ({
        inspectorId: r.inspector_id,
        displayName: names.get(r.inspector_id) ?? '',
        day: r.day,
        starts: r.starts,
        ends: r.ends,
      }));
    },

    async setRoster(actor: Actor, body: RosterBody): Promise<{ shifts: number }> {
      const who = new Map((await ctx.supervised(actor)).map((i) => [i.id, i]));
      body.inspectorIds.forEach((id, i) => {
        if (!who.has(id)) throw monitorErrors.inspectorNotFound(i);
      });
      if (body.ends <= body.starts) throw monitorErrors.shiftTimes();
      if (body.to < body.from) throw monitorErrors.dateRange('must not be before from');
      const work = await calendar.forTenant(actor.tenantId);
      const days: string[] = [];
      for (let d = body.from; d <= body.to; d = addDay(d)) {
        if (days.length >= MAX_DAYS) throw monitorErrors.dateRange(`at most ${MAX_DAYS} days at once`);
        if (body.workdaysOnly === false || work.isWorkingDay(d)) days.push(d);
      }
      const at = ctx.clock.now().toISOString();
      const rows = body.inspectorIds.flatMap((id) =>
        days.map((day) => ({
          tenant_id: actor.tenantId,
          inspector_id: id,
          day,
          starts: body.starts,
          ends: body.ends,
          created_by: actor.userId,
          created_at: at,
        })),
      );
      await ctx.db.transaction().execute(async (tx) => {
        await repo.upsertShifts(tx, rows);
        await ctx.audit.record(tx, actor, actor.tenantId, {
          action: 'monitor.roster_set',
          entity: 'inspector',
          entityId: body.inspectorIds.join(','),
          after: {
            inspectors: body.inspectorIds.map((id) => who.get(id)!.displayName),
            from: body.from,
            to: body.to,
            starts: body.starts,
            ends: body.ends,
            days: days.length,
          },
        });
      });
      return { shifts: rows.length };
    },

    async deleteShift(actor: Actor, inspectorId: string, day: string): Promise<{ ok: boolean }> {
      const inspector = (await ctx.supervised(actor)).find((i) => i.id === inspectorId);
      if (!inspector) throw monitorErrors.unknownInspector();
      return ctx.db.transaction().execute(async (tx) => {
        const res = await repo.deleteShift(tx, actor.tenantId, inspectorId, day);
        const ok = Number(res.numDeletedRows) > 0;
        if (ok)
          await ctx.audit.record(tx, actor, actor.tenantId, {
            action: 'monitor.roster_delete',
            entity: 'inspector',
            entityId: inspectorId,
            before: { displayName: inspector.displayName, day },
          });
        return { ok };
      });
    },
  };
}
