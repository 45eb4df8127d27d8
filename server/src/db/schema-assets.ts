/** Tables of migration 0048_assets (modules/assets, docs/assets.md). */
import type { Generated } from 'kysely';
import type { ScheduleKind } from '../../../common/domain/inspections.ts';
import type {
  AssetLine,
  AssetStatus,
  GeometryKind,
  LogUnit,
  QuantityUnit,
  WorkOrderState,
} from '../../../common/domain/assets.ts';

/** A kind of facility of one line, with the JSON attribute schema its assets are checked against. */
export interface AssetTypesTable {
  id: string;
  tenant_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  line: AssetLine;
  geometry_kind: GeometryKind;
  /** JSON: common/domain/assets.ts AttributeSchema */
  attribute_schema: string;
  /** the unit of the type's daily log (tonnes at a station, hours at a pump); null: no daily log */
  log_unit: LogUnit | null;
  /** migration 0077, JSON: common/domain/assets.ts WorkKind[] */
  work_kinds?: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
  /** migration 0102: the optimistic version of an edit (docs/conventions.md, "Concurrent edits") */
  version: number;
}

export interface AssetsTable {
  id: string;
  tenant_id: string;
  type_id: string;
  /** the type's line, kept on the row for the list filter and the report */
  line: AssetLine;
  code: string;
  name: string;
  status: AssetStatus;
  /** JSON GeoJSON geometry in WGS84 */
  geometry: string;
  /** a representative point: the point itself, a line's middle vertex, a polygon's centroid */
  lng: number;
  lat: number;
  /** the street the point lies in (register scope) */
  region_id: string | null;
  /** the maintaining unit (register scope) */
  unit_id: string | null;
  address: string | null;
  /** JSON object checked against the type's schema */
  attributes: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
  /** migration 0102: the optimistic version of an edit (docs/conventions.md, "Concurrent edits") */
  version: number;
}

/** A 养护工单 on an asset, optionally for a case. */
export interface AssetWorkOrdersTable {
  id: string;
  tenant_id: string;
  /** human number, e.g. YH2024-00012 */
  order_no: string;
  asset_id: string;
  line: AssetLine;
  region_id: string | null;
  case_id: string | null;
  case_no: string | null;
  title: string;
  unit_id: string;
  state: WorkOrderState;
  due_at: string;
  quantity_milli: number | null;
  quantity_unit: QuantityUnit | null;
  cost_fen: number | null;
  /** JSON arrays of photo ids */
  before_photo_ids: string;
  after_photo_ids: string;
  note: string | null;
  created_by: string;
  started_at: string | null;
  done_at: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  created_at: string;
  updated_at: string;
  /** migration 0072 */
  inspection_id?: string | null;
  project_id?: string | null;
  /** migration 0077: one of the type's work kinds */
  kind?: string | null;
}

/** One asset's quantity of one day. */
export interface AssetDailyLogsTable {
  id: string;
  tenant_id: string;
  asset_id: string;
  line: AssetLine;
  log_date: string;
  quantity_milli: number;
  unit: LogUnit;
  source: 'form' | 'import';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Migration 0092, SQLite only: FTS5 trigram index over the assets' code, name and address (external content). */
export interface AssetsFtsTable {
  rowid: number;
  code: string;
  name: string;
  address: string | null;
}

/** Migration 0100, PostgreSQL only: per asset its code and lower-cased name, kept by a trigger on `assets`. */
export interface AssetSearchTable {
  /** asset_search_tenants.no */
  tenant_no: number;
  code: string;
  name: string;
}

/** Migration 0100, PostgreSQL only: per tenant and lower-cased address the codes of its assets (trigger-kept). */
export interface AssetSearchAddressesTable {
  tenant_no: number;
  address: string;
  codes: string[];
}

/** Migration 0100, PostgreSQL only: a small number per tenant holding assets, so each search row stays narrow. */
export interface AssetSearchTenantsTable {
  tenant_id: string;
  no: Generated<number>;
}

/** Migration 0091: Σ of the daily logs per type, unit and month (YYYY-MM), kept by triggers on asset_daily_logs. */
export interface AssetLogMonthlyTable {
  tenant_id: string;
  type_id: string;
  unit: LogUnit;
  month: string;
  milli: number;
  log_rows: number;
}

/** Migration 0091: each asset that logged in a month, with its row count (the report's distinct assets). */
export interface AssetLogAssetMonthsTable {
  tenant_id: string;
  month: string;
  type_id: string;
  unit: LogUnit;
  asset_id: string;
  log_rows: number;
}

/** Migration 0095: the inspections per due date and asset type (the report's and the KPIs' counts). */
export interface AssetInspectionDailyTable {
  tenant_id: string;
  due_date: string;
  type_id: string;
  due_rows: number;
  done_rows: number;
  /** inspections with at least one failed item */
  failed_rows: number;
  /** Σ failed_count */
  failed_items: number;
}

/** Migration 0096: the assets per type and status (the inventory counts). */
export interface AssetTypeCountsTable {
  tenant_id: string;
  type_id: string;
  status: string;
  n: number;
}

/** Migration 0071 (docs/inspections.md): a 巡检计划 of one asset type. */
export interface AssetInspectionPlansTable {
  id: string;
  tenant_id: string;
  name: string;
  type_id: string;
  /** JSON: common/domain/inspections.ts ChecklistItem[] */
  checklist: string;
  schedule_kind: ScheduleKind;
  /** JSON: common/domain/inspections.ts Schedule */
  schedule: string;
  unit_id: string | null;
  inspector_id: string | null;
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One asset's inspection due on one date under one plan. */
export interface AssetInspectionsTable {
  id: string;
  tenant_id: string;
  plan_id: string;
  asset_id: string;
  line: AssetLine;
  region_id: string | null;
  /** the asset's maintaining unit when the inspection was generated */
  unit_id: string | null;
  inspector_id: string | null;
  due_date: string;
  state: 'due' | 'done';
  /** JSON: common/domain/inspections.ts ItemResult[] */
  results: string;
  failed_count: number;
  note: string | null;
  done_by: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A service contract (服务外包) a contractor unit is assessed against each month. */
export interface AssetContractsTable {
  id: string;
  tenant_id: string;
  contract_no: string;
  name: string;
  unit_id: string;
  line: AssetLine;
  /** JSON array of street ids: the contract's area */
  region_ids: string;
  starts_on: string;
  ends_on: string;
  base_score: number;
  /** JSON: common/domain/inspections.ts DeductionRule[] */
  rules: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}
