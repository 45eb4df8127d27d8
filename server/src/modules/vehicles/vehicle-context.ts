/**
 * What the parts of the vehicles module share (docs/vehicles.md): dependencies, the tenant's frame (zone, box,
 * projection), the muck rules setting and the vehicle view.
 */
import type { Vehicle } from '../../../../common/contracts/vehicles.ts';
import { DEFAULT_MUCK_RULES, type MuckRules } from '../../../../common/domain/vehicles.ts';
import type { VehiclesTable } from '../../db/schema-vehicles.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { DeviceKeyBox } from '../devices/index.ts';
import type { LeadIntake } from '../enforcement/index.ts';
import { tenantColumns } from '../org/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { projection, type Projection } from './vehicle-geometry.ts';

export const READ = 'vehicle.read';
export const MANAGE = 'vehicle.manage';
export const MUCK_SETTINGS_KEY = 'vehicles.muck';

/** An entry of the 渣土 register (assets module): 消纳场 or 建筑垃圾处置核准. */
export interface MuckEntry {
  id: string;
  code: string;
  name: string;
  typeCode: string;
  lng: number;
  lat: number;
  attributes: Record<string, unknown>;
}

export interface VehicleDeps {
  audit: AuditService;
  settings: Pick<SettingsService, 'get'>;
  keys: DeviceKeyBox;
  /** the tenant's road layer as GeoJSON (gazetteer) */
  roads(tenantId: string): Promise<string>;
  /** the 渣土 register's active entries (assets) */
  muckEntries(tenantId: string): Promise<MuckEntry[]>;
  /** enforcement's lead intake: a referred lead becomes an enforcement lead (线索) in the referral's transaction */
  leads?: LeadIntake;
  log?: (err: unknown) => void;
}

export interface TenantFrame {
  id: string;
  code: string;
  timeZone: string;
  /** minLng, minLat, maxLng, maxLat, or null when the tenant has no boundary */
  box: [number, number, number, number] | null;
  proj: Projection;
}

export interface VehicleContext {
  database: Database;
  clock: Clock;
  deps: VehicleDeps;
  frame(tenantId: string): Promise<TenantFrame>;
  muckRules(tenantId: string, ex?: Executor): Promise<MuckRules>;
}

export function createVehicleContext(database: Database, clock: Clock, deps: VehicleDeps): VehicleContext {
  return {
    database,
    clock,
    deps,
    async frame(tenantId) {
      const t = await tenantColumns(database.db, tenantId, [
        'id',
        'code',
        'timezone',
        'min_lng',
        'min_lat',
        'max_lng',
        'max_lat',
      ]);
      if (!t) throw new Error(`vehicles: no tenant ${tenantId}`);
      const box =
        t.min_lng == null || t.min_lat == null || t.max_lng == null || t.max_lat == null
          ? null
          : ([Number(t.min_lng), Number(t.min_lat), Number(t.max_lng), Number(t.max_lat)] as [
              number,
              number,
              number,
              number,
            ]);
      const proj = box ? projection((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) : projection(114.96, 30.1);
      return { id: t.id, code: t.code, timeZone: t.timezone, box, proj };
    },
    async muckRules(tenantId, ex = database.db) {
      const stored = (await deps.settings.get(tenantId, MUCK_SETTINGS_KEY, ex))?.value as
        Partial<MuckRules> | undefined;
      return { ...DEFAULT_MUCK_RULES, ...(stored ?? {}) };
    },
  };
}

export function vehicleView(r: VehiclesTable, tenantCode: string, units: ReadonlyMap<string, string>): Vehicle {
  return {
    id: r.id,
    code: r.code,
    plate: r.plate,
    kind: r.kind,
    unitId: r.unit_id,
    unitName: r.unit_id ? (units.get(r.unit_id) ?? null) : null,
    company: r.company,
    permitAssetId: r.permit_asset_id,
    route: r.route ? (JSON.parse(r.route) as Vehicle['route']) : null,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    speedLimitKmh: r.speed_limit_kmh === null ? null : Number(r.speed_limit_kmh),
    keyFingerprint: r.key_fingerprint,
    topic: `cityloop/${tenantCode}/${r.code}/gps`,
    active: Number(r.active) === 1,
    synthetic: Number(r.synthetic) === 1,
    lastAt: r.last_at,
    lastLng: r.last_lng === null ? null : Number(r.last_lng),
    lastLat: r.last_lat === null ? null : Number(r.last_lat),
    lastSpeedKmh: r.last_speed === null ? null : Number(r.last_speed),
    version: Number(r.version),
  };
}
