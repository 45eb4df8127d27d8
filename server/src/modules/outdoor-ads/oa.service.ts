import type {
  OutdoorAd,
  OutdoorAdCreate,
  OutdoorAdDetail,
  OutdoorAdQuery,
  OutdoorAdUpdate,
} from '../../../../common/contracts/outdoor-ads.ts';
import { type AD_SORTS } from '../../../../common/contracts/outdoor-ads.ts';
import { toHundredths } from '../../../../common/domain/illegal-construction.ts';
import type { AdType } from '../../../../common/domain/outdoor-ads.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { OaAdsTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { validateAreaGeometry } from '../geo/index.ts';
import { adView, createOaContext, inspectionView, MANAGE, READ } from './oa-context.ts';
import { createOaInspections } from './oa-inspections.ts';
import { createOaRemovals } from './oa-removals.ts';
import { OA_ERRORS, oaErrors } from './oa.errors.ts';
import * as repo from './oa.repository.ts';

const AD_SORT_COLUMNS = {
  updatedAt: 'updated_at',
  size: 'size_hm2',
  permitTo: 'permit_to',
  nextInspectionOn: 'next_inspection_on',
  adType: 'ad_type',
} as const satisfies Record<(typeof AD_SORTS)[number], string>;
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

/** What a granted 户外广告设置 application puts in the inventory. */
export interface ApprovedAd {
  adType: AdType;
  address: string;
  lng: number;
  lat: number;
  sizeM2: number;
  content: string | null;
  ownerName: string;
  ownerPhone: string | null;
  permitNo: string;
  permitFrom: string;
  permitTo: string | null;
}

/**
 * 户外广告 (docs/outdoor-ads.md): the inventory with permits and safety inspections, reminders, the pre-flood sweep
 * and removals. Reads need ads.read, writes ads.manage, within the caller's township scope; writes are audited.
 */
export function createOutdoorAdsService(database: Database, clock: Clock, audit: AuditService, timeZone: string) {
  const ctx = createOaContext(database, clock, audit, timeZone);
  const { db, regionNamesOf, township, adInScope } = ctx;

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

    /**
     * A sign granted by the approval window (行政审批, 户外广告设置): written in the caller's transaction, so the
     * decision and the inventory entry commit together. The decider's approval is the authority here, not
     * ads.manage; the audit row names them and the permit.
     */
    async createFromApproval(tx: Executor, actor: Actor, input: ApprovedAd): Promise<string> {
      checkPermit(input);
      const now = clock.now().toISOString();
      const row: OaAdsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        ad_type: input.adType,
        status: 'active',
        region_id: null,
        unit_id: null,
        address: input.address.trim(),
        lng: input.lng,
        lat: input.lat,
        geometry: null,
        size_hm2: toHundredths(input.sizeM2),
        content: input.content?.trim() || null,
        owner_name: input.ownerName.trim(),
        owner_phone: input.ownerPhone,
        permit_no: input.permitNo,
        permit_from: input.permitFrom,
        permit_to: input.permitTo,
        last_inspected_on: null,
        last_result: null,
        next_inspection_on: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertAds(tx, [row]);
      await audit.record(tx, actor, actor.tenantId, {
        action: 'outdoor_ad.create',
        entity: 'outdoor_ad',
        entityId: row.id,
        after: row,
      });
      return row.id;
    },

    ...createOaInspections(ctx, get),
    ...createOaRemovals(ctx),
  };
}
export type OutdoorAdsService = ReturnType<typeof createOutdoorAdsService>;
