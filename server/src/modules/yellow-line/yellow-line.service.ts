import {
  type ZONE_SORTS,
  type Zone,
  type ZoneCreate,
  type ZoneDetail,
  type ZoneQuery,
  type ZoneUpdate,
} from '../../../../common/contracts/yellow-line.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { HolderKind } from '../../../../common/domain/yellow-line.ts';
import type { YlZonesTable } from '../../db/schema-yellow-line.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { TenantGeography } from '../geo/index.ts';
import { lockTenantRow, orgNames } from '../org/index.ts';
import { placeZone, zonesOverlap, type PlacedZone, type ZoneShape } from './yl-geometry.ts';
import { ylErrors } from './yellow-line.errors.ts';
import * as repo from './yellow-line.repository.ts';
import {
  auditedZone,
  checkHours,
  checkPermitDates,
  cleanGoods,
  createYlContext,
  holderKey,
  inspectionView,
  MANAGE,
  READ,
  zoneView,
  type YlDeps,
} from './yl-context.ts';
import { createYlInspections } from './yl-inspections.ts';

const SORT_COLUMNS = {
  updatedAt: 'updated_at',
  zoneNo: 'zone_no',
  holderName: 'holder_name',
  validTo: 'valid_to',
  warnings: 'warnings',
} as const satisfies Record<(typeof ZONE_SORTS)[number], string>;

/** Who an audit row names: a staff member, or null for a decision taken by another module on its own record. */
export type AuditActor = Pick<Actor, 'userId' | 'displayName' | 'tenantId' | 'requestId'> | null;

/** A permit issued from a 行政审批 decision: the approval line calls this in its own transaction at decision time. */
export interface PermitFromApproval {
  approvalId: string;
  holder: {
    kind: HolderKind;
    /** the business name that the public map shows */
    name: string;
    contactName?: string | null;
    contactPhone?: string | null;
  };
  address: string;
  geometry: { type: 'LineString' | 'Polygon'; coordinates: unknown };
  goods: string[];
  hoursFrom: string;
  hoursTo: string;
  validFrom: string;
  validTo: string;
}

/**
 * 文明黄线 (docs/yellow-line.md): zones with their holder, goods, hours and permit; inspections, warnings and the
 * repeat counts; figures and the public map. Reads need yellowline.read, drawing and permits yellowline.manage,
 * inspections yellowline.inspect; every decision is audited in its transaction.
 */
export function createYellowLineService(database: Database, clock: Clock, deps: YlDeps) {
  const ctx = createYlContext(database, clock, deps);
  const { db, audit } = ctx;

  const regionNamesOf = (rows: readonly { region_id: string | null }[]) =>
    orgNames.regionNames(db, [...new Set(rows.flatMap((r) => (r.region_id ? [r.region_id] : [])))]);

  /** The placed geometry, or a 409 naming the other holders' zones it overlaps (under the tenant's lock). */
  async function placeFree(
    ex: Executor,
    geography: TenantGeography,
    tenantId: string,
    geometry: { type: string; coordinates: unknown },
    key: string,
    except: string | null,
  ): Promise<PlacedZone & { regionId: string | null }> {
    const placed = placeZone(geometry, geography, 'body.geometry');
    await lockTenantRow(ex, ctx.dialect, tenantId);
    const near = await repo.neighbours(ex, tenantId, placed.bbox, key, ctx.today(), except);
    const hits = near.filter((n) => zonesOverlap(placed.geometry, JSON.parse(n.geometry) as ZoneShape));
    if (hits.length)
      throw ylErrors.overlap(
        'body.geometry',
        hits.map((h) => ({ zoneNo: h.zone_no, holderName: h.holder_name })),
      );
    return { ...placed, regionId: geography.locate(placed.lng, placed.lat)?.streetId ?? null };
  }

  /** Checks and writes a new zone with its permit, audited, in the caller's transaction. */
  async function insertZone(
    tx: Executor,
    geography: TenantGeography,
    tenantId: string,
    actor: AuditActor,
    input: ZoneCreate,
    approvalId: string | null,
  ): Promise<YlZonesTable> {
    const goods = cleanGoods(input.goods);
    checkHours(input.hoursFrom, input.hoursTo);
    checkPermitDates(input.validFrom, input.validTo, ctx.today(), true);
    const name = input.holderName.trim();
    if (!name) throw ylErrors.field('body.holderName', 'required', 'name the shop or stall');
    const key = holderKey(input.holderKind, name);
    const p = await placeFree(tx, geography, tenantId, input.geometry, key, null);
    const now = ctx.now();
    const row: YlZonesTable = {
      id: newId(),
      tenant_id: tenantId,
      zone_no: `HX-${String((await repo.lastZoneNo(tx, tenantId)) + 1).padStart(4, '0')}`,
      holder_kind: input.holderKind,
      holder_name: name,
      holder_key: key,
      contact_name: input.contactName?.trim() || null,
      contact_phone: input.contactPhone?.trim() || null,
      address: input.address.trim(),
      region_id: p.regionId,
      geometry: JSON.stringify(p.geometry),
      min_lng: p.bbox.minLng,
      min_lat: p.bbox.minLat,
      max_lng: p.bbox.maxLng,
      max_lat: p.bbox.maxLat,
      lng: p.lng,
      lat: p.lat,
      goods: JSON.stringify(goods),
      hours_from: input.hoursFrom,
      hours_to: input.hoursTo,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      status: 'active',
      warnings: 0,
      approval_id: approvalId,
      created_by: actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertZones(tx, [row]);
    await audit.record(tx, actor, tenantId, {
      action: approvalId ? 'yellow_line.zone.approve' : 'yellow_line.zone.create',
      entity: 'yellow_line_zone',
      entityId: row.id,
      after: auditedZone(row),
    });
    return row;
  }

  async function get(actor: Actor, id: string): Promise<ZoneDetail> {
    requirePermission(actor, READ);
    const row = await repo.findZone(db, actor.tenantId, id);
    if (!row) throw notFound('yellow_line_zone');
    const [regions, inspections] = await Promise.all([
      regionNamesOf([row]),
      repo.inspectionsOf(db, actor.tenantId, id),
    ]);
    const names = await orgNames.userNames(db, [
      ...new Set(inspections.flatMap((i) => (i.inspector_id ? [i.inspector_id] : []))),
    ]);
    return {
      ...zoneView(row, ctx.today(), regions),
      inspections: inspections.map((i) => inspectionView(i, names)),
    };
  }

  async function list(actor: Actor, q: ZoneQuery): Promise<Page<Zone>> {
    requirePermission(actor, READ);
    const w = listWindow(q, SORT_COLUMNS, 'updatedAt');
    const { rows, total } = await repo.listZones(db, actor.tenantId, q, {
      ...w,
      order: q.order ?? (q.sort ? 'asc' : 'desc'),
    });
    const regions = await regionNamesOf(rows);
    const today = ctx.today();
    return { items: rows.map((r) => zoneView(r, today, regions)), total, page: w.page, pageSize: w.limit };
  }

  return {
    get,
    list,

    async create(actor: Actor, input: ZoneCreate): Promise<ZoneDetail> {
      requirePermission(actor, MANAGE);
      // the geography is read before the transaction: SQLite's one connection is the transaction's until it ends
      const geography = await ctx.geo.geographyOf(actor.tenantId);
      const row = await db.transaction().execute((tx) => insertZone(tx, geography, actor.tenantId, actor, input, null));
      return get(actor, row.id);
    },

    /**
     * For the 行政审批 line: the permit an approval decision grants, with the same checks as a zone drawn here
     * (geometry inside the city, no overlap with another holder, sane dates). Call it before the decision's
     * transaction (it reads the city's geography, which SQLite cannot do inside another transaction), then
     * `issuePermitFromApproval(tx, input)` inside it. A second call with the same approval returns the permit the
     * first one issued.
     */
    async permitIssuer(tenantId: string, actor: AuditActor = null) {
      const geography = await ctx.geo.geographyOf(tenantId);
      return {
        async issuePermitFromApproval(
          tx: Executor,
          input: PermitFromApproval,
        ): Promise<{ id: string; zoneNo: string }> {
          const earlier = await repo.zoneOfApproval(tx, tenantId, input.approvalId);
          if (earlier) return { id: earlier.id, zoneNo: earlier.zone_no };
          const row = await insertZone(
            tx,
            geography,
            tenantId,
            actor,
            {
              holderKind: input.holder.kind,
              holderName: input.holder.name,
              contactName: input.holder.contactName ?? null,
              contactPhone: input.holder.contactPhone ?? null,
              address: input.address,
              geometry: input.geometry,
              goods: input.goods,
              hoursFrom: input.hoursFrom,
              hoursTo: input.hoursTo,
              validFrom: input.validFrom,
              validTo: input.validTo,
            },
            input.approvalId,
          );
          return { id: row.id, zoneNo: row.zone_no };
        },
      };
    },

    async update(actor: Actor, id: string, patch: ZoneUpdate): Promise<ZoneDetail> {
      requirePermission(actor, MANAGE);
      const geography = await ctx.geo.geographyOf(actor.tenantId);
      await db.transaction().execute(async (tx) => {
        const before = await repo.findZone(tx, actor.tenantId, id);
        if (!before) throw notFound('yellow_line_zone');
        if (before.status === 'revoked') throw ylErrors.revoked();
        const kind = patch.holderKind ?? before.holder_kind;
        const name = patch.holderName !== undefined ? patch.holderName.trim() : before.holder_name;
        if (!name) throw ylErrors.field('body.holderName', 'required', 'name the shop or stall');
        const key = holderKey(kind, name);
        const changes: Partial<YlZonesTable> = {
          ...(patch.holderKind !== undefined || patch.holderName !== undefined
            ? { holder_kind: kind, holder_name: name, holder_key: key }
            : {}),
          ...(patch.contactName !== undefined ? { contact_name: patch.contactName?.trim() || null } : {}),
          ...(patch.contactPhone !== undefined ? { contact_phone: patch.contactPhone?.trim() || null } : {}),
          ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
          ...(patch.goods !== undefined ? { goods: JSON.stringify(cleanGoods(patch.goods)) } : {}),
          ...(patch.hoursFrom !== undefined ? { hours_from: patch.hoursFrom } : {}),
          ...(patch.hoursTo !== undefined ? { hours_to: patch.hoursTo } : {}),
          ...(patch.validFrom !== undefined ? { valid_from: patch.validFrom } : {}),
          ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
          updated_at: ctx.now(),
        };
        const after = { ...before, ...changes };
        checkHours(after.hours_from, after.hours_to);
        if (patch.validFrom !== undefined || patch.validTo !== undefined)
          checkPermitDates(after.valid_from, after.valid_to, ctx.today(), patch.validTo !== undefined);
        // a new shape, or the same shape under another holder, is checked against the other holders' zones again
        if (patch.geometry !== undefined || key !== before.holder_key) {
          const p = await placeFree(
            tx,
            geography,
            actor.tenantId,
            patch.geometry ?? (JSON.parse(before.geometry) as ZoneShape),
            key,
            id,
          );
          Object.assign(changes, {
            geometry: JSON.stringify(p.geometry),
            min_lng: p.bbox.minLng,
            min_lat: p.bbox.minLat,
            max_lng: p.bbox.maxLng,
            max_lat: p.bbox.maxLat,
            lng: p.lng,
            lat: p.lat,
            region_id: p.regionId,
          });
        }
        await repo.updateZone(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'yellow_line.zone.update',
          entity: 'yellow_line_zone',
          entityId: id,
          before: auditedZone(before),
          after: auditedZone({ ...before, ...changes }),
        });
      });
      return get(actor, id);
    },

    ...createYlInspections(ctx, get),
  };
}
export type YellowLineService = ReturnType<typeof createYellowLineService>;
