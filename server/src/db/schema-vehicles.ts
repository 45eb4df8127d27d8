/** Tables of migration 0074_vehicles (modules/vehicles, docs/vehicles.md). */
import type { LeadState, VehicleKind, ViolationKind } from '../../../common/domain/vehicles.ts';

/** A vehicle with its GPS credential; a 渣土 truck also with its permit, route and permitted hours. */
export interface VehiclesTable {
  id: string;
  tenant_id: string;
  /** the vehicle's name in its MQTT topic and signing string, unique per tenant */
  code: string;
  plate: string;
  kind: VehicleKind;
  unit_id: string | null;
  company: string | null;
  /** the 建筑垃圾处置核准 entry (asset id) a muck truck runs under */
  permit_asset_id: string | null;
  /** GeoJSON LineString of the permitted route */
  route: string | null;
  window_from: string | null;
  window_to: string | null;
  speed_limit_kmh: number | null;
  /** AES-256-GCM box of the GPS key, sealed like a device key */
  key_sealed: string;
  key_fingerprint: string;
  key_issued_at: string;
  active: number;
  synthetic: number;
  last_at: string | null;
  last_lng: number | null;
  last_lat: number | null;
  last_speed: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One GPS fix; the same vehicle and instant twice is one row. */
export interface VehiclePointsTable {
  vehicle_id: string;
  at: string;
  tenant_id: string;
  lng: number;
  lat: number;
  speed_kmh: number | null;
  heading_deg: number | null;
  /** `jump`: reaching it from the previous fix needs an impossible speed; kept, left out of matching */
  flag: 'ok' | 'jump';
  received_at: string;
}

/** Coverage of one road on one day by one kind of vehicle (recomputed whole). */
export interface VehicleCoverageTable {
  tenant_id: string;
  day: string;
  kind: VehicleKind;
  road: string;
  length_m: number;
  covered_m: number;
  passes: number;
  vehicles: number;
  computed_at: string;
}

/** An enforcement lead (线索) from a muck truck's track: one per truck, kind and day. */
export interface VehicleLeadsTable {
  id: string;
  tenant_id: string;
  vehicle_id: string;
  kind: ViolationKind;
  day: string;
  started_at: string;
  ended_at: string;
  lng: number;
  lat: number;
  episodes: number;
  /** JSON of what was found (max speed, minutes stopped, site name …) */
  detail: string;
  /** GeoJSON FeatureCollection: the track around the episodes and the points found */
  evidence: string;
  evidence_sha256: string;
  state: LeadState;
  note: string | null;
  handled_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
