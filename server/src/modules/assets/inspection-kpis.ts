/**
 * The registers' KPIs (docs/inspections.md, "KPIs"): inspection completion (done of those due in the period so far) and
 * on-time work orders (finished by their deadline, of those finished in the period). A rate with nothing to count
 * is null, not 0 % or 100 %.
 */
import type { InspectionKpis } from '../../../../common/contracts/inspections.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { READ, type AssetContext } from './asset-context.ts';
import { startOfDay } from './assets-report-section.ts';
import { rateOf } from './inspections-report-section.ts';
import * as irepo from './inspections.repository.ts';

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const inspectionKpis =
  (ctx: AssetContext, timeZone: string) =>
  async (actor: Actor, from: string, to: string): Promise<InspectionKpis> => {
    requirePermission(actor, READ);
    const [i, o] = await Promise.all([
      irepo.inspectionCounts(ctx.db, actor.tenantId, from, to, zonedDate(ctx.clock.now(), timeZone)),
      irepo.finishedOrderCounts(ctx.db, actor.tenantId, startOfDay(from, timeZone), startOfDay(nextDay(to), timeZone)),
    ]);
    const due = Number(i.due ?? 0);
    const done = Number(i.done ?? 0);
    const finished = Number(o.finished ?? 0);
    const onTime = Number(o.on_time ?? 0);
    return {
      from,
      to,
      inspectionsDue: due,
      inspectionsDone: done,
      completionRate: rateOf(done, due),
      failedItems: Number(i.failed ?? 0),
      workOrdersFinished: finished,
      workOrdersOnTime: onTime,
      onTimeRate: rateOf(onTime, finished),
    };
  };
