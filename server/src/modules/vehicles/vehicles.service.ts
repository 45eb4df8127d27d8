import type {
  Lead,
  LeadAction,
  LeadQuery,
  Track,
  TrackQuery,
  Vehicle,
  VehicleCreate,
  VehicleQuery,
  VehicleUpdate,
  VehicleWithKey,
} from '../../../../common/contracts/vehicles.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { LeadSubmission } from '../../../../common/contracts/enforcement-leads.ts';
import type { ViolationKind } from '../../../../common/domain/vehicles.ts';
import type { VehicleLeadsTable, VehiclesTable } from '../../db/schema-vehicles.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgNames } from '../org/index.ts';
import { dayBounds, leadView, PERMIT_TYPE, type MuckCheck } from './muck-check.ts';
import { MANAGE, READ, vehicleView, type VehicleContext } from './vehicle-context.ts';
import { vehicleErrors } from './vehicles.errors.ts';
import * as repo from './vehicles.repository.ts';

const TRACK_MAX_POINTS = 20_000;

/** 渣土 violations as the enforcement lead names its matter, with the legal basis code of the starter register. */
const MATTER: Record<ViolationKind, string> = {
  off_route: '渣土车偏离核准路线',
  outside_hours: '渣土车非核准时段运输',
  unregistered_site: '渣土车无有效核准或在未登记工地/消纳场装卸',
  unknown_stop: '渣土车可疑停留',
  speeding: '渣土车超速行驶',
};

/** The enforcement lead of a referred muck-truck lead: its track is the evidence, linked with its SHA-256. */
function referral(r: VehicleLeadsTable & { plate: string }, note: string): LeadSubmission {
  return {
    source: 'vehicles',
    sourceId: r.id,
    matter: `${MATTER[r.kind]}（${r.plate}）`,
    matterCode: 'muck_truck',
    matterParams: { kind: r.kind, plate: r.plate },
    violationCode: 'ztps',
    place: null,
    lng: Number(r.lng),
    lat: Number(r.lat),
    occurredAt: r.started_at,
    evidence: [
      {
        kind: 'track',
        title: `轨迹 ${r.plate} ${r.day}`,
        url: `/api/vehicles/leads/${r.id}/evidence`,
        sha256: r.evidence_sha256,
      },
    ],
    note,
  };
}
const TRACK_MAX_MS = 2 * 86_400_000;

/** The vehicle register, tracks for the replay, and the leads of the muck checks (docs/vehicles.md). */
export function createVehicleService(ctx: VehicleContext, muck: MuckCheck) {
  const { db } = ctx.database;
  const { audit, keys } = ctx.deps;

  async function views(tenantId: string, rows: readonly VehiclesTable[]): Promise<Vehicle[]> {
    const frame = await ctx.frame(tenantId);
    const units = await orgNames.unitNames(db, [...new Set(rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))]);
    return rows.map((r) => vehicleView(r, frame.code, units));
  }
  async function load(actor: Actor, id: string) {
    const row = await repo.findVehicle(db, actor.tenantId, id);
    if (!row) throw notFound('vehicle');
    return row;
  }
  function checkMuck(input: Partial<VehicleCreate>, kind: string) {
    if (kind !== 'muck' && (input.permitAssetId || input.route))
      throw vehicleErrors.field('body.kind', 'muck', 'only a muck truck has a permit and a route');
    if (Boolean(input.windowFrom) !== Boolean(input.windowTo))
      throw vehicleErrors.field(
        input.windowFrom ? 'body.windowTo' : 'body.windowFrom',
        'required',
        'give both ends of the window',
      );
  }
  /** The unit must be an active unit of the tenant and the permit an entry of its 渣土 register's permit type. */
  async function checkRefs(tenantId: string, input: Partial<VehicleCreate>) {
    if (input.unitId != null && !(await orgNames.activeUnitNames(db, tenantId)).has(input.unitId))
      throw vehicleErrors.field('body.unitId', 'exists', 'no active unit of this tenant has this id');
    if (input.permitAssetId != null) {
      const entries = await ctx.deps.muckEntries(tenantId);
      if (!entries.some((e) => e.id === input.permitAssetId && e.typeCode === PERMIT_TYPE))
        throw vehicleErrors.field('body.permitAssetId', 'exists', 'no 处置核准 permit of this tenant has this id');
    }
  }
  async function unique(tenantId: string, code: string | null, plate: string | null, except: string) {
    const hits = await repo.clash(db, tenantId, code, plate, except);
    if (hits.some((h) => code !== null && h.code === code)) throw vehicleErrors.taken('body.code');
    if (hits.some((h) => plate !== null && h.plate === plate)) throw vehicleErrors.taken('body.plate');
  }

  return {
    async list(actor: Actor, q: VehicleQuery): Promise<Page<Vehicle>> {
      requirePermission(actor, READ);
      const w = listWindow(q, { plate: 'plate', code: 'code', lastAt: 'last_at' }, 'plate');
      const { rows, total } = await repo.listVehicles(db, actor.tenantId, { q: q.q, kind: q.kind }, w);
      return { items: await views(actor.tenantId, rows), total, page: w.page, pageSize: w.limit };
    },
    async get(actor: Actor, id: string): Promise<Vehicle> {
      requirePermission(actor, READ);
      return (await views(actor.tenantId, [await load(actor, id)]))[0]!;
    },
    /** A new vehicle with its GPS key, shown once (sealed like a device key, docs/iot.md "Device keys"). */
    async create(actor: Actor, input: VehicleCreate): Promise<VehicleWithKey> {
      requirePermission(actor, MANAGE);
      checkMuck(input, input.kind);
      await checkRefs(actor.tenantId, input);
      const plate = input.plate.trim();
      await unique(actor.tenantId, input.code, plate, '');
      const issued = keys.issue();
      const now = ctx.clock.now().toISOString();
      const row: VehiclesTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        code: input.code,
        plate,
        kind: input.kind,
        unit_id: input.unitId ?? null,
        company: input.company ?? null,
        permit_asset_id: input.permitAssetId ?? null,
        route: input.route ? JSON.stringify(input.route) : null,
        window_from: input.windowFrom ?? null,
        window_to: input.windowTo ?? null,
        speed_limit_kmh: input.speedLimitKmh ?? null,
        key_sealed: issued.sealed,
        key_fingerprint: issued.fingerprint,
        key_issued_at: now,
        active: input.active === false ? 0 : 1,
        synthetic: 0,
        last_at: null,
        last_lng: null,
        last_lat: null,
        last_speed: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertVehicle(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'vehicle.create',
          entity: 'vehicle',
          entityId: row.id,
          after: { code: row.code, plate: row.plate, kind: row.kind, keyFingerprint: row.key_fingerprint },
        });
      });
      return { vehicle: (await views(actor.tenantId, [row]))[0]!, key: issued.key };
    },
    async update(actor: Actor, id: string, input: VehicleUpdate): Promise<Vehicle> {
      requirePermission(actor, MANAGE);
      const cur = await load(actor, id);
      checkMuck(input, input.kind ?? cur.kind);
      await checkRefs(actor.tenantId, input);
      const plate = input.plate?.trim() ?? null;
      if (plate) await unique(actor.tenantId, null, plate, id);
      const patch: Partial<VehiclesTable> = {
        ...(plate ? { plate } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
        ...(input.company !== undefined ? { company: input.company } : {}),
        ...(input.permitAssetId !== undefined ? { permit_asset_id: input.permitAssetId } : {}),
        ...(input.route !== undefined ? { route: input.route ? JSON.stringify(input.route) : null } : {}),
        ...(input.windowFrom !== undefined ? { window_from: input.windowFrom } : {}),
        ...(input.windowTo !== undefined ? { window_to: input.windowTo } : {}),
        ...(input.speedLimitKmh !== undefined ? { speed_limit_kmh: input.speedLimitKmh } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: ctx.clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateVehicle(tx, actor.tenantId, id, input.version, patch)))
          throw vehicleErrors.stale(Number(cur.version));
        await audit.record(tx, actor, actor.tenantId, {
          action: 'vehicle.update',
          entity: 'vehicle',
          entityId: id,
          before: { plate: cur.plate, kind: cur.kind, active: cur.active },
          after: { plate: patch.plate ?? cur.plate, kind: patch.kind ?? cur.kind, active: patch.active ?? cur.active },
        });
      });
      return this.get(actor, id);
    },
    /** A new key replaces the old one at once; shown once. */
    async rotateKey(actor: Actor, id: string): Promise<VehicleWithKey> {
      requirePermission(actor, MANAGE);
      const cur = await load(actor, id);
      const issued = keys.issue();
      const now = ctx.clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const patch = {
          key_sealed: issued.sealed,
          key_fingerprint: issued.fingerprint,
          key_issued_at: now,
          updated_at: now,
        };
        if (!(await repo.updateVehicle(tx, actor.tenantId, id, Number(cur.version), patch)))
          throw vehicleErrors.stale(Number(cur.version));
        await audit.record(tx, actor, actor.tenantId, {
          action: 'vehicle.rotate_key',
          entity: 'vehicle',
          entityId: id,
          before: { keyFingerprint: cur.key_fingerprint },
          after: { keyFingerprint: issued.fingerprint },
        });
      });
      return { vehicle: await this.get(actor, id), key: issued.key };
    },
    async track(actor: Actor, id: string, q: TrackQuery): Promise<Track> {
      requirePermission(actor, READ);
      const v = await load(actor, id);
      const bounds = q.day ? dayBounds(q.day, (await ctx.frame(actor.tenantId)).timeZone) : null;
      if (!bounds && (!q.from || !q.to))
        throw vehicleErrors.field('query.day', 'required', 'give a day or from and to');
      const from = new Date(bounds?.from ?? q.from!);
      const to = new Date(bounds?.to ?? q.to!);
      if (!(to > from)) throw vehicleErrors.field('query.to', 'after', 'to must be after from');
      if (to.getTime() - from.getTime() > TRACK_MAX_MS)
        throw vehicleErrors.field('query.to', 'span', 'a track spans at most 48 hours');
      const rows = await repo.track(
        db,
        actor.tenantId,
        v.id,
        from.toISOString(),
        to.toISOString(),
        TRACK_MAX_POINTS + 1,
      );
      return {
        vehicleId: v.id,
        capped: rows.length > TRACK_MAX_POINTS,
        points: rows.slice(0, TRACK_MAX_POINTS).map((r) => ({
          at: r.at,
          lng: Number(r.lng),
          lat: Number(r.lat),
          speedKmh: r.speed_kmh === null ? null : Number(r.speed_kmh),
          headingDeg: r.heading_deg === null ? null : Number(r.heading_deg),
          jump: r.flag === 'jump',
        })),
      };
    },

    // ---- leads
    async leads(actor: Actor, q: LeadQuery): Promise<Page<Lead>> {
      requirePermission(actor, READ);
      const w = listWindow(q, { startedAt: 'started_at', day: 'day' }, 'startedAt');
      const { rows, total } = await repo.listLeads(
        db,
        actor.tenantId,
        { state: q.state, kind: q.kind, vehicleId: q.vehicleId, q: q.q },
        { ...w, order: q.order ?? 'desc' },
      );
      return { items: rows.map(leadView), total, page: w.page, pageSize: w.limit };
    },
    async lead(actor: Actor, id: string): Promise<Lead> {
      requirePermission(actor, READ);
      const r = await repo.findLead(db, actor.tenantId, id);
      if (!r) throw notFound('vehicle_lead');
      return leadView(r);
    },
    /** The evidence file: the GeoJSON the lead's hash was taken of, unchanged. */
    async evidence(actor: Actor, id: string): Promise<{ filename: string; body: string }> {
      requirePermission(actor, READ);
      const r = await repo.findLead(db, actor.tenantId, id);
      if (!r) throw notFound('vehicle_lead');
      return { filename: `lead-${r.plate}-${r.kind}-${r.day}.geojson`, body: r.evidence };
    },
    /** Dismissed (no violation) or referred to enforcement (立案 is decided there), with the reason. */
    async handleLead(actor: Actor, id: string, input: LeadAction): Promise<Lead> {
      requirePermission(actor, MANAGE);
      const cur = await repo.findLead(db, actor.tenantId, id);
      if (!cur) throw notFound('vehicle_lead');
      if (cur.state !== 'open') throw vehicleErrors.leadState();
      await db.transaction().execute(async (tx) => {
        const ok = await repo.updateLead(tx, actor.tenantId, id, input.version, {
          state: input.state,
          note: input.note,
          handled_by: actor.userId,
          updated_at: ctx.clock.now().toISOString(),
        });
        if (!ok) throw vehicleErrors.stale(Number(cur.version));
        if (input.state === 'referred' && ctx.deps.leads)
          await ctx.deps.leads.submit(tx, actor, actor.tenantId, referral(cur, input.note));
        await audit.record(tx, actor, actor.tenantId, {
          action: `vehicle_lead.${input.state === 'dismissed' ? 'dismiss' : 'refer'}`,
          entity: 'vehicle_lead',
          entityId: id,
          before: { state: cur.state },
          after: { state: input.state, note: input.note, evidenceSha256: cur.evidence_sha256 },
        });
      });
      return this.lead(actor, id);
    },
    /** Runs the muck checks of one truck and day again (staff, after changing its route or permit). */
    async checkMuck(actor: Actor, vehicleId: string, day: string): Promise<{ written: number }> {
      requirePermission(actor, MANAGE);
      const v = await load(actor, vehicleId);
      if (v.kind !== 'muck') throw vehicleErrors.field('body.vehicleId', 'muck', 'not a muck truck');
      return { written: await muck.checkDay(actor.tenantId, v, day) };
    },
  };
}
export type VehicleService = ReturnType<typeof createVehicleService>;
