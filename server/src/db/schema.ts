import type { Generated } from 'kysely';
import type {
  CasesTable,
  CaseEventsTable,
  CaseRequestsTable,
  CasePhotosTable,
  RoutingRulesTable,
  CaseWarningsTable,
  NotificationsTable,
  SequencesTable,
  IdempotencyKeysTable,
  JobLocksTable,
  CasesFtsTable,
  CaseGramsTable,
  PublicCasesTable,
} from './schema-cases.ts';
import type { ApiClientsTable, Open311RequestsTable, Open311UpdatesTable } from './schema-open311.ts';

/**
 * The typed map of every table (docs/architecture.md, "Module anatomy"). Instants are ISO-8601 UTC text; booleans are 0/1
 * integers; JSON is text. Every business table carries tenant_id (one installation serves several cities).
 */
/** Polygon columns shared by tenants and regions: GeoJSON text and its bbox (null until geography is loaded). */
export interface GeometryColumns {
  geometry: string | null;
  min_lng: number | null;
  min_lat: number | null;
  max_lng: number | null;
  max_lat: number | null;
}

export interface TenantsTable extends Partial<GeometryColumns> {
  id: string;
  code: string;
  name: string;
  timezone: string;
  /** bumped with every change to region polygons or grids: in-process locators rebuild when it moves (0004) */
  geo_version: Generated<number>;
  /** 1 when the boundary is invented demo data (0004) */
  boundary_synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RegionsTable extends Partial<GeometryColumns> {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  full_code: string;
  name: string;
  /** '/<street id>/<community id>/': ancestry for region-scoped grants */
  path: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface UnitsTable {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  region_id: string | null;
  code: string;
  name: string;
  kind: string;
  phone: string | null;
  active: number;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  unit_id: string | null;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface UserGrantsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  role: string;
  unit_id: string | null;
  region_id: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not give usable sessions */
  id: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: string;
  tenant_id: string;
  /** position in the tenant's hash chain */
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
  /** how `hash` was made: 1 legacy unkeyed SHA-256, 2 keyed HMAC over every column (platform/hash-chain.ts) */
  hash_version: number;
}

export interface CatalogEntriesTable {
  id: string;
  tenant_id: string;
  kind: 'component' | 'matter';
  /** 5-digit GB/T 47678.5 code */
  code: string;
  /** 4-digit GB/T 30428.2 code where one maps (docs/standards.md, "Old to new codes") */
  old_code: string | null;
  name: string;
  major_code: string;
  major_name: string;
  pinyin: string;
  initials: string;
  local: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface FilingConditionsTable {
  id: string;
  tenant_id: string;
  matter_code: string;
  seq: number;
  condition: string;
  limit_value: number;
  limit_unit: string;
  closing_condition: string;
  unit_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface CalendarDaysTable {
  tenant_id: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface TenantSettingsTable {
  tenant_id: string;
  key: string;
  value_json: string;
  updated_at: string;
}

export interface GridsTable {
  id: string;
  tenant_id: string;
  /** 15 digits: admin 6 + street 3 + community 3 + serial 3 */
  code: string;
  community_id: string;
  street_id: string;
  geometry: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  area_m2: number;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface ComponentsTable {
  id: string;
  tenant_id: string;
  /** 17 digits: admin 6 + class 5 + serial 6 */
  code: string;
  class_code: string;
  name: string;
  state: 'intact' | 'damaged' | 'lost' | 'abandoned' | 'removed';
  dept_name: string;
  owner_name: string | null;
  maintainer_name: string | null;
  grid_code: string | null;
  street_id: string | null;
  community_id: string | null;
  lng: number;
  lat: number;
  initial_date: string;
  change_date: string | null;
  source: string | null;
  notes: string | null;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface DB {
  tenants: TenantsTable;
  regions: RegionsTable;
  units: UnitsTable;
  users: UsersTable;
  user_grants: UserGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  catalog_entries: CatalogEntriesTable;
  filing_conditions: FilingConditionsTable;
  calendar_days: CalendarDaysTable;
  tenant_settings: TenantSettingsTable;
  grids: GridsTable;
  components: ComponentsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_requests: CaseRequestsTable;
  case_photos: CasePhotosTable;
  routing_rules: RoutingRulesTable;
  case_warnings: CaseWarningsTable;
  sequences: SequencesTable;
  notifications: NotificationsTable;
  idempotency_keys: IdempotencyKeysTable;
  job_locks: JobLocksTable;
  job_runs: import('./schema-scale.ts').JobRunsTable;
  login_throttles: import('./schema-auth.ts').LoginThrottlesTable;
  health_heartbeat: import('./schema-storage.ts').HealthHeartbeatTable;
  kpi_case_facts: import('./schema-kpi.ts').KpiCaseFactsTable;
  kpi_daily: import('./schema-kpi.ts').KpiDailyTable;
  kpi_monthly: import('./schema-kpi.ts').KpiMonthlyTable;
  kpi_month_stamps: import('./schema-kpi.ts').KpiMonthStampsTable;
  kpi_period_scores: import('./schema-kpi.ts').KpiPeriodScoresTable;
  kpi_dirty: import('./schema-kpi.ts').KpiDirtyTable;
  governance_tasks: import('./schema-analysis.ts').GovernanceTasksTable;
  /** SQLite only: FTS5 trigram index over case text */
  cases_fts: CasesFtsTable;
  /** SQLite only: FTS5 (ascii tokens) of 1–2 character grams, for short searches */
  cases_grams: CaseGramsTable;
  public_cases: PublicCasesTable;
  api_clients: ApiClientsTable;
  open311_requests: Open311RequestsTable;
  open311_updates: Open311UpdatesTable;
  hotline_orders: import('./schema-hotline.ts').HotlineOrdersTable;
  hotline_events: import('./schema-hotline.ts').HotlineEventsTable;
  hotline_sources: import('./schema-hotline.ts').HotlineSourcesTable;
  hotline_pushes: import('./schema-hotline.ts').HotlinePushesTable;
  import_jobs: import('./schema-imports.ts').ImportJobsTable;
  dossier_batches: import('./schema-dossier.ts').DossierBatchesTable;
  dossier_batch_files: import('./schema-dossier.ts').DossierBatchFilesTable;
  ic_reports: import('./schema-lines.ts').IcReportsTable;
  ic_stop_notices: import('./schema-lines.ts').IcStopNoticesTable;
  ic_letters: import('./schema-lines.ts').IcLettersTable;
  ic_demolitions: import('./schema-lines.ts').IcDemolitionsTable;
  oa_ads: import('./schema-lines.ts').OaAdsTable;
  oa_inspections: import('./schema-lines.ts').OaInspectionsTable;
  oa_removals: import('./schema-lines.ts').OaRemovalsTable;
  inspector_grids: import('./schema-lines.ts').InspectorGridsTable;
  inspector_shifts: import('./schema-lines.ts').InspectorShiftsTable;
  inspector_positions: import('./schema-lines.ts').InspectorPositionsTable;
  inspector_days: import('./schema-lines.ts').InspectorDaysTable;
  census_campaigns: import('./schema-census.ts').CensusCampaignsTable;
  census_tasks: import('./schema-census.ts').CensusTasksTable;
  census_records: import('./schema-census.ts').CensusRecordsTable;
  call_centre_secrets: import('./schema-census.ts').CallCentreSecretsTable;
  hotline_calls: import('./schema-census.ts').HotlineCallsTable;
  enforcement_legal_bases: import('./schema-enforcement.ts').EnforcementLegalBasesTable;
  enforcement_bands: import('./schema-enforcement.ts').EnforcementBandsTable;
  enforcement_cases: import('./schema-enforcement.ts').EnforcementCasesTable;
  enforcement_leads: import('./schema-enforcement.ts').EnforcementLeadsTable;
  enforcement_officers: import('./schema-enforcement.ts').EnforcementOfficersTable;
  enforcement_events: import('./schema-enforcement.ts').EnforcementEventsTable;
  enforcement_evidence: import('./schema-enforcement.ts').EnforcementEvidenceTable;
  enforcement_payments: import('./schema-enforcement.ts').EnforcementPaymentsTable;
  enforcement_doc_templates: import('./schema-enforcement-docs.ts').EnforcementDocTemplatesTable;
  enforcement_documents: import('./schema-enforcement-docs.ts').EnforcementDocumentsTable;
  enforcement_site_documents: import('./schema-enforcement-docs.ts').EnforcementSiteDocumentsTable;
  enforcement_chain: import('./schema-enforcement-docs.ts').EnforcementChainTable;
  enforcement_signing_keys: import('./schema-enforcement-docs.ts').EnforcementSigningKeysTable;
  enforcement_certificates: import('./schema-enforcement.ts').EnforcementCertificatesTable;
  enforcement_leniency: import('./schema-enforcement.ts').EnforcementLeniencyTable;
  enforcement_peer_offences: import('./schema-enforcement.ts').EnforcementPeerOffencesTable;
  enforcement_warnings: import('./schema-enforcement.ts').EnforcementWarningsTable;
  public_lookup_codes: import('./schema-lookup.ts').PublicLookupCodesTable;
  case_subscriptions: import('./schema-participation.ts').CaseSubscriptionsTable;
  case_supports: import('./schema-participation.ts').CaseSupportsTable;
  staff_notice_reads: import('./schema-notices.ts').StaffNoticeReadsTable;
  staff_notices: import('./schema-notices.ts').StaffNoticesTable;
  gazetteer_places: import('./schema-gazetteer.ts').GazetteerPlacesTable;
  gazetteer_keys: import('./schema-gazetteer.ts').GazetteerKeysTable;
  supervision_orders: import('./schema-supervision.ts').SupervisionOrdersTable;
  devices: import('./schema-iot.ts').DevicesTable;
  device_maintenance_tasks: import('./schema-iot.ts').DeviceMaintenanceTasksTable;
  telemetry_readings: import('./schema-iot.ts').TelemetryReadingsTable;
  telemetry_minute_packs: import('./schema-iot.ts').TelemetryMinutePacksTable;
  telemetry_hours: import('./schema-iot.ts').TelemetryBucketsTable;
  telemetry_rejected: import('./schema-iot.ts').TelemetryRejectedTable;
  alarm_rules: import('./schema-iot.ts').AlarmRulesTable;
  alarm_watches: import('./schema-iot.ts').AlarmWatchesTable;
  alarms: import('./schema-iot.ts').AlarmsTable;
  vision_sources: import('./schema-vision.ts').VisionSourcesTable;
  vision_classes: import('./schema-vision.ts').VisionClassesTable;
  vision_missions: import('./schema-vision.ts').VisionMissionsTable;
  vision_events: import('./schema-vision.ts').VisionEventsTable;
  nm_markets: import('./schema-night-market.ts').NmMarketsTable;
  nm_stalls: import('./schema-night-market.ts').NmStallsTable;
  nm_rounds: import('./schema-night-market.ts').NmRoundsTable;
  nm_applications: import('./schema-night-market.ts').NmApplicationsTable;
  nm_ledger: import('./schema-night-market.ts').NmLedgerTable;
  nm_violations: import('./schema-night-market.ts').NmViolationsTable;
  asset_types: import('./schema-assets.ts').AssetTypesTable;
  assets: import('./schema-assets.ts').AssetsTable;
  asset_work_orders: import('./schema-assets.ts').AssetWorkOrdersTable;
  asset_daily_logs: import('./schema-assets.ts').AssetDailyLogsTable;
  asset_log_monthly: import('./schema-assets.ts').AssetLogMonthlyTable;
  asset_log_asset_months: import('./schema-assets.ts').AssetLogAssetMonthsTable;
  asset_inspection_daily: import('./schema-assets.ts').AssetInspectionDailyTable;
  asset_type_counts: import('./schema-assets.ts').AssetTypeCountsTable;
  /** SQLite only: FTS5 trigram index of the assets' code, name and address */
  assets_fts: import('./schema-assets.ts').AssetsFtsTable;
  asset_search: import('./schema-assets.ts').AssetSearchTable;
  asset_search_addresses: import('./schema-assets.ts').AssetSearchAddressesTable;
  asset_search_tenants: import('./schema-assets.ts').AssetSearchTenantsTable;
  asset_inspection_plans: import('./schema-assets.ts').AssetInspectionPlansTable;
  asset_inspections: import('./schema-assets.ts').AssetInspectionsTable;
  asset_contracts: import('./schema-assets.ts').AssetContractsTable;
  fed_keys: import('./schema-federation.ts').FedKeysTable;
  fed_peers: import('./schema-federation.ts').FedPeersTable;
  fed_peer_keys: import('./schema-federation.ts').FedPeerKeysTable;
  fed_messages: import('./schema-federation.ts').FedMessagesTable;
  fed_transfers: import('./schema-federation.ts').FedTransfersTable;
  fed_report_marks: import('./schema-federation.ts').FedReportMarksTable;
  fed_report_config: import('./schema-federation.ts').FedReportConfigTable;
  fed_report_cursors: import('./schema-federation.ts').FedReportCursorsTable;
  fed_report_runs: import('./schema-federation.ts').FedReportRunsTable;
  prefecture_links: import('./schema-prefecture.ts').PrefectureLinksTable;
  fr_agreements: import('./schema-frontage.ts').FrAgreementsTable;
  fr_inspections: import('./schema-frontage.ts').FrInspectionsTable;
  fr_publications: import('./schema-frontage.ts').FrPublicationsTable;
  fr_list_entries: import('./schema-frontage.ts').FrListEntriesTable;
  fr_volunteers: import('./schema-frontage.ts').FrVolunteersTable;
  fr_shifts: import('./schema-frontage.ts').FrShiftsTable;
  fr_committees: import('./schema-frontage.ts').FrCommitteesTable;
  fr_self_reports: import('./schema-frontage.ts').FrSelfReportsTable;
  yl_zones: import('./schema-yellow-line.ts').YlZonesTable;
  yl_inspections: import('./schema-yellow-line.ts').YlInspectionsTable;
  vehicles: import('./schema-vehicles.ts').VehiclesTable;
  vehicle_points: import('./schema-vehicles.ts').VehiclePointsTable;
  vehicle_coverage: import('./schema-vehicles.ts').VehicleCoverageTable;
  vehicle_leads: import('./schema-vehicles.ts').VehicleLeadsTable;
  ap_types: import('./schema-approvals.ts').ApTypesTable;
  ap_applications: import('./schema-approvals.ts').ApApplicationsTable;
  ap_corrections: import('./schema-approvals.ts').ApCorrectionsTable;
  ap_permits: import('./schema-approvals.ts').ApPermitsTable;
  ap_consultations: import('./schema-approvals.ts').ApConsultationsTable;
  proposals: import('./schema-proposals.ts').ProposalsTable;
  proposal_tasks: import('./schema-proposals.ts').ProposalTasksTable;
  gas_checks: import('./schema-gas.ts').GasChecksTable;
  gas_hazards: import('./schema-gas.ts').GasHazardsTable;
  gas_installs: import('./schema-gas.ts').GasInstallsTable;
  gas_install_targets: import('./schema-gas.ts').GasInstallTargetsTable;
  flood_duty_days: import('./schema-flood-duty.ts').FloodDutyDaysTable;
  projects: import('./schema-projects.ts').ProjectsTable;
  project_funds: import('./schema-projects.ts').ProjectFundsTable;
  project_subprojects: import('./schema-projects.ts').ProjectSubprojectsTable;
  project_milestones: import('./schema-projects.ts').ProjectMilestonesTable;
  project_reports: import('./schema-projects.ts').ProjectReportsTable;
  cp_campaigns: import('./schema-campaigns.ts').CpCampaignsTable;
  cp_targets: import('./schema-campaigns.ts').CpTargetsTable;
  cp_tasks: import('./schema-campaigns.ts').CpTasksTable;
  cp_reports: import('./schema-campaigns.ts').CpReportsTable;
  cp_problem_lists: import('./schema-campaigns.ts').CpProblemListsTable;
  cp_problems: import('./schema-campaigns.ts').CpProblemsTable;
  cp_topics: import('./schema-campaigns.ts').CpTopicsTable;
  cp_honours: import('./schema-campaigns.ts').CpHonoursTable;
  cp_publicity: import('./schema-campaigns.ts').CpPublicityTable;
  tg_targets: import('./schema-targets.ts').TgTargetsTable;
  tg_reports: import('./schema-targets.ts').TgReportsTable;
}

export type {
  CasesTable,
  CaseEventsTable,
  CaseRequestsTable,
  CasePhotosTable,
  RoutingRulesTable,
  CaseWarningsTable,
  NotificationsTable,
  SequencesTable,
  IdempotencyKeysTable,
  JobLocksTable,
  CasesFtsTable,
  CaseGramsTable,
  PublicCasesTable,
};
