/** Safety inspections of the inventory, the expiry and inspection reminders, and the pre-flood-season sweep. */
import type {
  AdInspectionCreate,
  AdReminderList,
  AdReminderQuery,
  FloodSweep,
  FloodSweepQuery,
  OutdoorAdDetail,
} from '../../../../common/contracts/outdoor-ads.ts';
import {
  addDays,
  adReminders,
  DEFAULT_INSPECTION_INTERVAL_DAYS,
  FLOOD_SWEEP_TYPES,
  floodSweepSince,
} from '../../../../common/domain/outdoor-ads.ts';
import type { OaInspectionsTable } from '../../db/schema-lines.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { adView, MANAGE, READ, type OaContext } from './oa-context.ts';
import { oaErrors } from './oa.errors.ts';
import * as repo from './oa.repository.ts';

/** `get` answers the sign after an inspection, as the inventory shows it. */
export function createOaInspections(
  { db, clock, audit, today, regionNamesOf, notFuture, adInScope }: OaContext,
  get: (actor: Actor, id: string) => Promise<OutdoorAdDetail>,
) {
  return {
    /** Records a safety inspection; the sign's latest result and next due date follow it. */
    async inspect(actor: Actor, id: string, input: AdInspectionCreate): Promise<OutdoorAdDetail> {
      requirePermission(actor, MANAGE);
      notFuture(input.inspectedOn, 'body.inspectedOn');
      if (input.nextInspectionOn && input.nextInspectionOn <= input.inspectedOn)
        throw oaErrors.dateOrder('body.nextInspectionOn', input.inspectedOn);
      await db.transaction().execute(async (tx) => {
        const ad = await adInScope(tx, actor, id, MANAGE);
        if (!ad) throw notFound('outdoor_ad');
        if (ad.status === 'removed') throw oaErrors.alreadyRemoved('params.id');
        const row: OaInspectionsTable = {
          id: newId(),
          tenant_id: actor.tenantId,
          ad_id: id,
          inspected_on: input.inspectedOn,
          result: input.result,
          inspector: input.inspector?.trim() || null,
          note: input.note?.trim() || null,
          created_by: actor.userId,
          created_at: clock.now().toISOString(),
        };
        await repo.insertInspections(tx, [row]);
        // an older inspection entered late does not overwrite the latest one
        if (!ad.last_inspected_on || input.inspectedOn >= ad.last_inspected_on) {
          await repo.updateAd(tx, actor.tenantId, id, {
            last_inspected_on: input.inspectedOn,
            last_result: input.result,
            next_inspection_on: input.nextInspectionOn ?? addDays(input.inspectedOn, DEFAULT_INSPECTION_INTERVAL_DAYS),
            updated_at: clock.now().toISOString(),
          });
        }
        await audit.record(tx, actor, actor.tenantId, {
          action: 'outdoor_ad.inspect',
          entity: 'outdoor_ad',
          entityId: id,
          after: row,
        });
      });
      return get(actor, id);
    },

    /** Permits that ran out or run out within `withinDays`, and inspections late or due, most urgent first. */
    async reminders(actor: Actor, q: AdReminderQuery): Promise<AdReminderList> {
      requirePermission(actor, READ);
      const now = today();
      const rows = await repo.dueAds(
        db,
        actor.tenantId,
        addDays(now, q.withinDays ?? 30),
        registerScope(actor, READ, 'a', true),
      );
      const regions = await regionNamesOf(rows);
      const items = rows.flatMap((r) => {
        const ad = adView(r, regions);
        return adReminders(ad, now, q.withinDays ?? 30).map((x) => ({ ...x, ad }));
      });
      items.sort((a, b) => a.date.localeCompare(b.date) || a.ad.id.localeCompare(b.ad.id));
      return { today: now, items };
    },

    /** 汛前安全排查: signs of the wind-exposed types without a passing inspection since 1 March of `year`. */
    async floodSweep(actor: Actor, q: FloodSweepQuery): Promise<FloodSweep> {
      requirePermission(actor, READ);
      const since = floodSweepSince(q.year);
      const rows = await repo.sweepAds(
        db,
        actor.tenantId,
        FLOOD_SWEEP_TYPES,
        since,
        registerScope(actor, READ, 'a', true),
      );
      const regions = await regionNamesOf(rows);
      return { year: q.year, since, items: rows.map((r) => adView(r, regions)) };
    },
  };
}
