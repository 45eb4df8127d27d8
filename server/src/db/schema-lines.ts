/** Tables of migration 0023_lines: 查违控违 (modules/illegal-construction) and 户外广告 (modules/outdoor-ads). */

/** A report of illegal construction and its site (docs/illegal-construction.md). */
export interface IcReportsTable {
  id: string;
  tenant_id: string;
  source: 'complaint' | 'petition' | 'hotline' | 'patrol' | 'instruction';
  status: 'reported' | 'stopped' | 'demolished' | 'legalised';
  /** the township (街道/乡镇) the site lies in */
  region_id: string;
  /** the squad in charge, if named */
  unit_id: string | null;
  address: string;
  lng: number;
  lat: number;
  description: string;
  party_name: string | null;
  /** hundredths of a m² */
  area_hm2: number | null;
  reported_on: string;
  /** date of the latest status change */
  status_on: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** 停工通知书 as a record (number and date); the document itself comes from the enforcement case when linked. */
export interface IcStopNoticesTable {
  id: string;
  tenant_id: string;
  report_id: string;
  notice_no: string;
  issued_on: string;
  enforcement_case_id: string | null;
  note: string | null;
  /** the 停工通知书 the enforcement module issued for it (enforcement_site_documents), when it was issued there */
  document_id: string | null;
  created_by: string;
  created_at: string;
}

/** 交办函 / 督办函 to a township, with its deadline and the township's reply. */
export interface IcLettersTable {
  id: string;
  tenant_id: string;
  kind: 'assign' | 'supervise';
  letter_no: string;
  region_id: string;
  report_id: string | null;
  subject: string;
  issued_on: string;
  deadline: string;
  replied_on: string | null;
  reply: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One demolition action (拆违行动). */
export interface IcDemolitionsTable {
  id: string;
  tenant_id: string;
  report_id: string | null;
  demolished_on: string;
  region_id: string;
  address: string;
  lng: number;
  lat: number;
  area_hm2: number;
  structure: 'brick_concrete' | 'steel' | 'simple' | 'other';
  led_by: 'bureau' | 'assist';
  units: string;
  people: number;
  note: string | null;
  created_by: string;
  created_at: string;
}

/** One outdoor sign in the inventory (docs/outdoor-ads.md). */
export interface OaAdsTable {
  id: string;
  tenant_id: string;
  ad_type: string;
  status: 'active' | 'removed';
  region_id: string | null;
  unit_id: string | null;
  address: string;
  lng: number;
  lat: number;
  /** GeoJSON text of the sign's outline, when drawn */
  geometry: string | null;
  size_hm2: number;
  content: string | null;
  owner_name: string;
  owner_phone: string | null;
  permit_no: string | null;
  permit_from: string | null;
  permit_to: string | null;
  last_inspected_on: string | null;
  last_result: 'pass' | 'hazard' | 'fail' | null;
  next_inspection_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface OaInspectionsTable {
  id: string;
  tenant_id: string;
  ad_id: string;
  inspected_on: string;
  result: 'pass' | 'hazard' | 'fail';
  inspector: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}

/** Signs taken down: one row per action, `quantity` signs (awnings: groups) of one type. */
export interface OaRemovalsTable {
  id: string;
  tenant_id: string;
  ad_id: string | null;
  ad_type: string;
  quantity: number;
  removed_on: string;
  mode: 'voluntary' | 'enforced';
  region_id: string | null;
  unit_id: string | null;
  address: string;
  enforcement_case_id: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}

/** Tables of migration 0036_monitor: 监督员管理 (modules/monitor, docs/monitor.md). */

/** A responsibility grid (责任网格) assigned to an inspector. */
export interface InspectorGridsTable {
  tenant_id: string;
  inspector_id: string;
  grid_code: string;
  assigned_by: string;
  assigned_at: string;
}

/** One shift of the duty roster: a calendar day and its local start and end (HH:MM, the tenant's zone). */
export interface InspectorShiftsTable {
  tenant_id: string;
  inspector_id: string;
  day: string;
  starts: string;
  ends: string;
  created_by: string;
  created_at: string;
}

/** A position the inspector app captured while on duty (WGS84); `implausible` = reached at an impossible speed. */
export interface InspectorPositionsTable {
  inspector_id: string;
  at: string;
  tenant_id: string;
  lng: number;
  lat: number;
  accuracy_m: number | null;
  grid_code: string | null;
  implausible: number;
  received_at: string;
}

/** The roll-up of one inspector-day over its plausible positions; `grids_json` = positions per grid code ('' = none). */
export interface InspectorDaysTable {
  tenant_id: string;
  inspector_id: string;
  day: string;
  points: number;
  implausible_points: number;
  first_at: string | null;
  last_at: string | null;
  last_lng: number | null;
  last_lat: number | null;
  distance_m: number;
  grids_json: string;
  updated_at: string;
}
