import type {
  AdInspection,
  AdInspectionCreate,
  AdRemoval,
  AdRemovalCreate,
  AdRemovalQuery,
  AdReminderList,
  AdReminderQuery,
  FloodSweep,
  FloodSweepQuery,
  OutdoorAd,
  OutdoorAdCreate,
  OutdoorAdDetail,
  OutdoorAdQuery,
  OutdoorAdUpdate,
} from '../../../../common/contracts/outdoor-ads.ts';
import { type AD_REMOVAL_SORTS, type AD_SORTS } from '../../../../common/contracts/outdoor-ads.ts';
import {
  AD_TYPES,
  addDays,
  adReminders,
  DEFAULT_INSPECTION_INTERVAL_DAYS,
  FLOOD_SWEEP_TYPES,
  floodSweepSince,
  type AdType,
} from '../../../../common/domain/outdoor-ads.ts';
import { fromHundredths, toHundredths } from '../../../../common/domain/illegal-construction.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import type { OaAdsTable, OaInspectionsTable, OaRemovalsTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { validateAreaGeometry } from '../geo/index.ts';
import { orgGeography, orgNames } from '../org/index.ts';
import { OA_ERRORS, oaErrors } from './oa.errors.ts';
import * as repo from './oa.repository.ts';

const READ = 'ads.read';
const MANAGE = 'ads.manage';

const AD_SORT_COLUMNS = {
  updatedAt: 'updated_at',
  size: 'size_hm2',
  permitTo: 'permit_to',
  nextInspectionOn: 'next_inspection_on',
  adType: 'ad_type',
} as const satisfies Record<(typeof AD_SORTS)[number], string>;
const REMOVAL_SORT_COLUMNS = {
  removedOn: 'removed_on',
  quantity: 'quantity',
  adType: 'ad_type',
} as const satisfies Record<(typeof AD_REMOVAL_SORTS)[number], string>;

const businessDate = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

const adView = (r: OaAdsTable, regions: Map<string, string>): OutdoorAd => ({
  id: r.id,
  adType: r.ad_type as AdType,
  status: r.status,
  regionId: r.region_id,
  regionName: r.region_id ? (regions.get(r.region_id) ?? null) : null,
  address: r.address,
  lng: Number(r.lng),
  lat: Number(r.lat),
  geometry: r.geometry ? (JSON.parse(r.geometry) as OutdoorAd['geometry']) : null,
  sizeM2: fromHundredths(Number(r.size_hm2)),
  content: r.content,
  ownerName: r.owner_name,
  // the owner's phone is personal data: masked in every answer and export (docs/security.md)
  ownerPhone: maskPhone(r.owner_phone),
  permitNo: r.permit_no,
  permitFrom: r.permit_from,
  permitTo: r.permit_to,
  lastInspectedOn: r.last_inspected_on,
  lastResult: r.last_result,
  nextInspectionOn: r.next_inspection_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const inspectionView = (r: OaInspectionsTable): AdInspection => ({
  id: r.id,
  inspectedOn: r.inspected_on,
  result: r.result,
  inspector: r.inspector,
  note: r.note,
});

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

/** A sign's outline: a polygon (a wall face, a rooftop frame) or a line (a banner along a facade). */
function checkGeometry(g: { type: string; coordinates: unknown } | null | undefined) {
  if (!g) return;
  if (g.type === 'LineString') {
    const c = g.coordinates;
    const ok =
      Array.isArray(c) &&
      c.length >= 2 &&
      c.every(
        (p) =>
          Array.isArray(p) &&
          p.length >= 2 &&
          typeof p[0] === 'number' &&
          typeof p[1] === 'number' &&
          Math.abs(p[0]) <= 180 &&
          Math.abs(p[1]) <= 90,
      );
    if (!ok) throw oaErrors.badGeometry('a LineString needs two or more [lng, lat] positions');
    return;
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
    throw oaErrors.badGeometry('must be a Polygon, MultiPolygon or LineString');
  const issues = validateAreaGeometry(g, 'body.geometry');
  if (issues.length)
    throw new AppError(
      OA_ERRORS.badGeometry,
      400,
      issues.map((i) => ({ field: i.path, rule: 'geometry', message: i.message })),
    );
}

function checkPermit(p: { permitNo: string | null; permitFrom: string | null; permitTo: string | null }) {
  if (p.permitFrom && p.permitTo && p.permitTo < p.permitFrom)
    throw oaErrors.permitDates('body.permitTo', 'the permit ends before it starts');
  if (p.permitNo && !p.permitTo) throw oaErrors.permitDates('body.permitTo', 'a permit needs its end date');
}

/**
 * 户外广告 (docs/outdoor-ads.md): the inventory with permits and safety inspections, reminders, the pre-flood sweep
 * and removals. Reads need ads.read, writes ads.manage, within the caller's township scope; writes are audited.
 */
export function createOutdoorAdsService(database: Database, clock: Clock, audit: AuditService, timeZone: string) {
  const { db } = database;
  const today = () => businessDate(clock.now(), timeZone);

  const regionNamesOf = (rows: readonly { region_id: string | null }[]) =>
    orgNames.regionNames(db, [...new Set(rows.flatMap((r) => (r.region_id ? [r.region_id] : [])))]);

  async function township(ex: Executor, tenantId: string, id: string | null | undefined, field = 'body.regionId') {
    if (!id) return null;
    const region = await orgGeography.regionById(ex, tenantId, id);
    if (!region || region.kind === 'community') throw oaErrors.unknownRegion(field);
    return region;
  }

  function notFuture(date: string | null | undefined, field: string) {
    if (date && date > today()) throw oaErrors.futureDate(field);
  }

  async function adInScope(ex: Executor, actor: Actor, id: string, permission: typeof READ | typeof MANAGE) {
    const row = await repo.findAd(ex, actor.tenantId, id);
    return row && reaches(actor, permission, row) ? row : null;
  }

  async function get(actor: Actor, id: string): Promise<OutdoorAdDetail> {
    requirePermission(actor, READ);
    const row = await adInScope(db, actor, id, READ);
    if (!row) throw notFound('outdoor_ad');
    const [regions, inspections] = await Promise.all([
      regionNamesOf([row]),
      repo.inspectionsOf(db, actor.tenantId, id),
    ]);
    return { ...adView(row, regions), inspections: inspections.map(inspectionView) };
  }

  async function list(actor: Actor, q: OutdoorAdQuery): Promise<Page<OutdoorAd>> {
    requirePermission(actor, READ);
    const w = listWindow(q, AD_SORT_COLUMNS, 'updatedAt');
    const { rows, total } = await repo.listAds(db, actor.tenantId, q, registerScope(actor, READ, 'a', true), {
      ...w,
      order: q.order ?? (q.sort ? 'asc' : 'desc'),
    });
    const regions = await regionNamesOf(rows);
    return { items: rows.map((r) => adView(r, regions)), total, page: w.page, pageSize: w.limit };
  }

  return {
    get,
    list,

    async create(actor: Actor, input: OutdoorAdCreate): Promise<OutdoorAdDetail> {
      requirePermission(actor, MANAGE);
      checkGeometry(input.geometry);
      checkPermit({
        permitNo: input.permitNo ?? null,
        permitFrom: input.permitFrom ?? null,
        permitTo: input.permitTo ?? null,
      });
      const region = await township(db, actor.tenantId, input.regionId);
      requirePermission(actor, MANAGE, { regionPath: region?.path ?? null });
      const now = clock.now().toISOString();
      const row: OaAdsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        ad_type: input.adType,
        status: 'active',
        region_id: region?.id ?? null,
        unit_id: null,
        address: input.address.trim(),
        lng: input.lng,
        lat: input.lat,
        geometry: input.geometry ? JSON.stringify(input.geometry) : null,
        size_hm2: toHundredths(input.sizeM2),
        content: input.content?.trim() || null,
        owner_name: input.ownerName.trim(),
        owner_phone: input.ownerPhone?.trim() || null,
        permit_no: input.permitNo?.trim() || null,
        permit_from: input.permitFrom ?? null,
        permit_to: input.permitTo ?? null,
        last_inspected_on: null,
        last_result: null,
        next_inspection_on: input.nextInspectionOn ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertAds(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'outdoor_ad.create',
          entity: 'outdoor_ad',
          entityId: row.id,
          after: row,
        });
      });
      return get(actor, row.id);
    },

    async update(actor: Actor, id: string, patch: OutdoorAdUpdate): Promise<OutdoorAdDetail> {
      requirePermission(actor, MANAGE);
      checkGeometry(patch.geometry);
      const region = patch.regionId === undefined ? undefined : await township(db, actor.tenantId, patch.regionId);
      await db.transaction().execute(async (tx) => {
        const before = await adInScope(tx, actor, id, MANAGE);
        if (!before) throw notFound('outdoor_ad');
        const changes: Partial<OaAdsTable> = {
          ...(patch.adType !== undefined ? { ad_type: patch.adType } : {}),
          ...(region !== undefined ? { region_id: region?.id ?? null } : {}),
          ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
          ...(patch.lng !== undefined ? { lng: patch.lng } : {}),
          ...(patch.lat !== undefined ? { lat: patch.lat } : {}),
          ...(patch.geometry !== undefined ? { geometry: patch.geometry ? JSON.stringify(patch.geometry) : null } : {}),
          ...(patch.sizeM2 !== undefined ? { size_hm2: toHundredths(patch.sizeM2) } : {}),
          ...(patch.content !== undefined ? { content: patch.content?.trim() || null } : {}),
          ...(patch.ownerName !== undefined ? { owner_name: patch.ownerName.trim() } : {}),
          ...(patch.ownerPhone !== undefined ? { owner_phone: patch.ownerPhone?.trim() || null } : {}),
          ...(patch.permitNo !== undefined ? { permit_no: patch.permitNo?.trim() || null } : {}),
          ...(patch.permitFrom !== undefined ? { permit_from: patch.permitFrom } : {}),
          ...(patch.permitTo !== undefined ? { permit_to: patch.permitTo } : {}),
          ...(patch.nextInspectionOn !== undefined ? { next_inspection_on: patch.nextInspectionOn } : {}),
          updated_at: clock.now().toISOString(),
        };
        const after = { ...before, ...changes };
        checkPermit({ permitNo: after.permit_no, permitFrom: after.permit_from, permitTo: after.permit_to });
        if (region) requirePermission(actor, MANAGE, { regionPath: region.path });
        await repo.updateAd(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'outdoor_ad.update',
          entity: 'outdoor_ad',
          entityId: id,
          before,
          after,
        });
      });
      return get(actor, id);
    },

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
export type OutdoorAdsService = ReturnType<typeof createOutdoorAdsService>;
