/** Removal records (拆除), by inventory sign or by type and address, and the figures of the report section. */
import type { AdRemoval, AdRemovalCreate, AdRemovalQuery } from '../../../../common/contracts/outdoor-ads.ts';
import { type AD_REMOVAL_SORTS } from '../../../../common/contracts/outdoor-ads.ts';
import { AD_TYPES, type AdType } from '../../../../common/domain/outdoor-ads.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { OaRemovalsTable } from '../../db/schema-lines.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { MANAGE, READ, type OaContext } from './oa-context.ts';
import { oaErrors } from './oa.errors.ts';
import * as repo from './oa.repository.ts';

const REMOVAL_SORT_COLUMNS = {
  removedOn: 'removed_on',
  quantity: 'quantity',
  adType: 'ad_type',
} as const satisfies Record<(typeof AD_REMOVAL_SORTS)[number], string>;

const removalView = (r: OaRemovalsTable, regions: Map<string, string>): AdRemoval => ({
  id: r.id,
  adId: r.ad_id,
  adType: r.ad_type as AdType,
  quantity: Number(r.quantity),
  removedOn: r.removed_on,
  mode: r.mode,
  regionId: r.region_id,
  regionName: r.region_id ? (regions.get(r.region_id) ?? null) : null,
  address: r.address,
  enforcementCaseId: r.enforcement_case_id,
  note: r.note,
  createdAt: r.created_at,
});

export function createOaRemovals({ db, clock, audit, regionNamesOf, township, notFuture, adInScope }: OaContext) {
  return {
    async listRemovals(actor: Actor, q: AdRemovalQuery): Promise<Page<AdRemoval>> {
      requirePermission(actor, READ);
      const w = listWindow(q, REMOVAL_SORT_COLUMNS, 'removedOn');
      const { rows, total } = await repo.listRemovals(db, actor.tenantId, q, registerScope(actor, READ, 'm', true), {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const regions = await regionNamesOf(rows);
      return { items: rows.map((r) => removalView(r, regions)), total, page: w.page, pageSize: w.limit };
    },

    async getRemoval(actor: Actor, id: string): Promise<AdRemoval> {
      requirePermission(actor, READ);
      const row = await repo.findRemoval(db, actor.tenantId, id);
      if (!row || !reaches(actor, READ, row)) throw notFound('ad_removal');
      return removalView(row, await regionNamesOf([row]));
    },

    /**
     * Records a removal. Naming an inventory sign takes its type and place and marks it removed (one sign); without
     * one, the type and address are given and `quantity` counts the signs (awnings: groups) taken down.
     */
    async createRemoval(actor: Actor, input: AdRemovalCreate): Promise<AdRemoval> {
      requirePermission(actor, MANAGE);
      notFuture(input.removedOn, 'body.removedOn');
      const id = newId();
      let regionId: string | null = null;
      await db.transaction().execute(async (tx) => {
        let row: OaRemovalsTable;
        const base = {
          id,
          tenant_id: actor.tenantId,
          removed_on: input.removedOn,
          mode: input.mode,
          enforcement_case_id: input.enforcementCaseId ?? null,
          note: input.note?.trim() || null,
          created_by: actor.userId,
          created_at: clock.now().toISOString(),
        };
        if (input.adId) {
          const ad = await adInScope(tx, actor, input.adId, MANAGE);
          if (!ad) throw oaErrors.unknownAd();
          if (ad.status === 'removed') throw oaErrors.alreadyRemoved();
          row = {
            ...base,
            ad_id: ad.id,
            ad_type: ad.ad_type,
            quantity: 1,
            region_id: ad.region_id,
            unit_id: ad.unit_id,
            address: ad.address,
          };
          await repo.updateAd(tx, actor.tenantId, ad.id, { status: 'removed', updated_at: base.created_at });
        } else {
          if (!input.adType) throw oaErrors.missingField('body.adType');
          if (!input.address) throw oaErrors.missingField('body.address');
          const region = await township(tx, actor.tenantId, input.regionId);
          requirePermission(actor, MANAGE, { regionPath: region?.path ?? null });
          row = {
            ...base,
            ad_id: null,
            ad_type: input.adType,
            quantity: input.quantity ?? 1,
            region_id: region?.id ?? null,
            unit_id: null,
            address: input.address.trim(),
          };
        }
        regionId = row.region_id;
        await repo.insertRemovals(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ad_removal.create',
          entity: 'ad_removal',
          entityId: id,
          after: row,
        });
      });
      const row = await repo.findRemoval(db, actor.tenantId, id);
      if (!row) throw notFound('ad_removal');
      return removalView(row, await regionNamesOf([{ region_id: regionId }]));
    },

    /** Signs removed in a period by type (voluntary and enforced apart), and the active inventory by type. */
    async figures(tenantId: string, from: string, to: string) {
      const [removed, inventory] = await Promise.all([
        repo.removalSums(db, tenantId, from, to),
        repo.inventoryCounts(db, tenantId),
      ]);
      const byType = new Map<AdType, { voluntary: number; enforced: number }>(
        AD_TYPES.map((t) => [t, { voluntary: 0, enforced: 0 }]),
      );
      for (const r of removed) {
        const slot = byType.get(r.ad_type as AdType);
        if (slot) slot[r.mode] += Number(r.n ?? 0);
      }
      const active = new Map(inventory.map((r) => [r.ad_type as AdType, Number(r.n)]));
      return { byType, active };
    },
  };
}
