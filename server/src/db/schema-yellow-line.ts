/** Tables of migration 0050_yellow_line (modules/yellow-line, docs/yellow-line.md). */
import type { HolderKind, InspectionAction, InspectionResult, ZoneStatus } from '../../../common/domain/yellow-line.ts';

/** A 文明黄线 with its holder and permit; one row per drawn line or area. */
export interface YlZonesTable {
  id: string;
  tenant_id: string;
  /** the permit's number, e.g. HX-0001 (per tenant) */
  zone_no: string;
  holder_kind: HolderKind;
  /** the business name shown on the public map; the same name (trimmed, per kind) is the same holder */
  holder_name: string;
  holder_key: string;
  contact_name: string | null;
  contact_phone: string | null;
  address: string;
  region_id: string | null;
  /** GeoJSON LineString or Polygon (WGS84) */
  geometry: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  lng: number;
  lat: number;
  /** JSON array of the allowed goods */
  goods: string;
  hours_from: string;
  hours_to: string;
  valid_from: string;
  valid_to: string;
  status: ZoneStatus;
  /** failed inspections so far (each is a warning until the repeat counts suspend or revoke) */
  warnings: number;
  approval_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface YlInspectionsTable {
  id: string;
  tenant_id: string;
  zone_id: string;
  inspected_on: string;
  result: InspectionResult;
  action: InspectionAction;
  note: string | null;
  /** JSON array of photo ids held by the photos module under `yl_inspection:<id>` */
  photo_ids: string;
  inspector_id: string | null;
  created_at: string;
}
