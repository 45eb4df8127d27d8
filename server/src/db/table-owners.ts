import type { DB } from './schema.ts';

/**
 * Who owns each table (docs/architecture.md, "Table ownership"). Only the owner's files name a table in a query;
 * every other module reaches the rows through the owner's `index.ts` (a function, or a read model such as
 * `cases/case-read-model.ts`). `platform` owns the infrastructure tables every module uses through
 * `server/src/platform` (locks, job runs, idempotency keys, number sequences). Typed over `DB`, so a new table
 * does not compile until it has an owner; `table-owners.test.ts` checks the queries against this map.
 */
export type TableOwner =
  | 'platform'
  | 'org'
  | 'auth'
  | 'audit'
  | 'catalog'
  | 'calendar'
  | 'settings'
  | 'geo'
  | 'components'
  | 'cases'
  | 'photos'
  | 'routing'
  | 'notify'
  | 'health'
  | 'kpi'
  | 'open311'
  | 'hotline'
  | 'citizen'
  | 'notices'
  | 'participation'
  | 'reports'
  | 'exports'
  | 'imports'
  | 'dossier'
  | 'illegal-construction'
  | 'outdoor-ads'
  | 'enforcement'
  | 'monitor'
  | 'gazetteer'
  | 'supervision'
  | 'devices'
  | 'telemetry'
  | 'alarms'
  | 'vision'
  | 'night-market'
  | 'frontage'
  | 'analysis'
  | 'assets'
  | 'yellow-line'
  | 'vehicles'
  | 'approvals'
  | 'proposals'
  | 'gas-safety'
  | 'line-views'
  | 'projects'
  | 'campaigns'
  | 'federation'
  | 'prefecture'
  | 'yearbook'
  | 'targets';

export const TABLE_OWNERS: Readonly<Record<keyof DB, TableOwner>> = {
  tenants: 'org',
  regions: 'org',
  units: 'org',
  users: 'org',
  user_grants: 'org',
  sessions: 'auth',
  login_throttles: 'auth',
  audit_log: 'audit',
  catalog_entries: 'catalog',
  filing_conditions: 'catalog',
  calendar_days: 'calendar',
  tenant_settings: 'settings',
  grids: 'geo',
  components: 'components',
  cases: 'cases',
  case_events: 'cases',
  case_requests: 'cases',
  case_warnings: 'cases',
  cases_fts: 'cases',
  cases_grams: 'cases',
  public_cases: 'cases',
  case_photos: 'photos',
  routing_rules: 'routing',
  notifications: 'notify',
  case_supports: 'participation',
  case_subscriptions: 'participation',
  health_heartbeat: 'health',
  kpi_case_facts: 'kpi',
  kpi_daily: 'kpi',
  kpi_monthly: 'kpi',
  kpi_month_stamps: 'kpi',
  kpi_period_scores: 'kpi',
  kpi_dirty: 'kpi',
  governance_tasks: 'analysis',
  api_clients: 'open311',
  open311_requests: 'open311',
  open311_updates: 'open311',
  hotline_orders: 'hotline',
  hotline_events: 'hotline',
  hotline_sources: 'hotline',
  hotline_pushes: 'hotline',
  sequences: 'platform',
  idempotency_keys: 'platform',
  job_locks: 'platform',
  job_runs: 'platform',
  // imports
  import_jobs: 'imports',
  dossier_batches: 'dossier',
  dossier_batch_files: 'dossier',
  // 查违控违 and 户外广告
  ic_reports: 'illegal-construction',
  ic_stop_notices: 'illegal-construction',
  ic_letters: 'illegal-construction',
  ic_demolitions: 'illegal-construction',
  oa_ads: 'outdoor-ads',
  oa_inspections: 'outdoor-ads',
  oa_removals: 'outdoor-ads',
  enforcement_legal_bases: 'enforcement',
  enforcement_bands: 'enforcement',
  enforcement_cases: 'enforcement',
  enforcement_leads: 'enforcement',
  enforcement_officers: 'enforcement',
  enforcement_events: 'enforcement',
  enforcement_evidence: 'enforcement',
  enforcement_payments: 'enforcement',
  enforcement_doc_templates: 'enforcement',
  enforcement_documents: 'enforcement',
  enforcement_site_documents: 'enforcement',
  enforcement_chain: 'enforcement',
  enforcement_signing_keys: 'enforcement',
  enforcement_certificates: 'enforcement',
  enforcement_leniency: 'enforcement',
  enforcement_peer_offences: 'enforcement',
  enforcement_warnings: 'enforcement',
  public_lookup_codes: 'citizen',
  staff_notices: 'notices',
  staff_notice_reads: 'notices',
  // 监督员管理
  inspector_grids: 'monitor',
  inspector_grid_terms: 'monitor',
  inspector_shifts: 'monitor',
  inspector_positions: 'monitor',
  inspector_days: 'monitor',
  census_campaigns: 'monitor',
  census_tasks: 'monitor',
  census_records: 'monitor',
  call_centre_secrets: 'hotline',
  hotline_calls: 'hotline',
  // the address and place search (docs/gazetteer.md)
  gazetteer_places: 'gazetteer',
  gazetteer_keys: 'gazetteer',
  // 督办单 (docs/supervision.md)
  supervision_orders: 'supervision',
  // 城市之感 (docs/iot.md)
  devices: 'devices',
  device_maintenance_tasks: 'devices',
  telemetry_readings: 'telemetry',
  telemetry_minute_packs: 'telemetry',
  telemetry_hours: 'telemetry',
  telemetry_rejected: 'telemetry',
  alarm_rules: 'alarms',
  alarm_watches: 'alarms',
  alarms: 'alarms',
  // 城市之眼 (docs/vision.md)
  vision_sources: 'vision',
  vision_classes: 'vision',
  vision_missions: 'vision',
  vision_events: 'vision',
  // 夜市摊位分配 (docs/night-market.md)
  nm_markets: 'night-market',
  nm_stalls: 'night-market',
  nm_rounds: 'night-market',
  nm_applications: 'night-market',
  nm_ledger: 'night-market',
  nm_violations: 'night-market',
  // base-data registers of the lines (docs/assets.md)
  asset_types: 'assets',
  assets: 'assets',
  asset_work_orders: 'assets',
  asset_daily_logs: 'assets',
  asset_log_monthly: 'assets',
  asset_log_asset_months: 'assets',
  asset_inspection_daily: 'assets',
  asset_type_counts: 'assets',
  assets_fts: 'assets',
  asset_search: 'assets',
  asset_search_addresses: 'assets',
  asset_search_tenants: 'assets',
  asset_inspection_plans: 'assets',
  asset_inspections: 'assets',
  asset_contracts: 'assets',
  // 全域与跨区域: keys, peers, signed messages, transfers, report-up (docs/federation.md)
  fed_keys: 'federation',
  fed_peers: 'federation',
  fed_peer_keys: 'federation',
  fed_messages: 'federation',
  fed_transfers: 'federation',
  fed_report_marks: 'federation',
  fed_report_config: 'federation',
  fed_report_cursors: 'federation',
  fed_report_runs: 'federation',
  // 地级市 view: a county's link to its prefecture (docs/prefecture.md)
  prefecture_links: 'prefecture',
  // 门前三包 (docs/frontage.md)
  fr_agreements: 'frontage',
  fr_inspections: 'frontage',
  fr_publications: 'frontage',
  fr_list_entries: 'frontage',
  fr_volunteers: 'frontage',
  fr_shifts: 'frontage',
  fr_committees: 'frontage',
  fr_self_reports: 'frontage',
  // 文明黄线 (docs/yellow-line.md)
  yl_zones: 'yellow-line',
  yl_inspections: 'yellow-line',
  // 车辆监管 (docs/vehicles.md)
  vehicles: 'vehicles',
  vehicle_points: 'vehicles',
  vehicle_coverage: 'vehicles',
  vehicle_leads: 'vehicles',
  // 行政审批 (docs/approvals.md)
  // 年度工作总结 (docs/yearbook.md)
  yb_documents: 'yearbook',
  yb_sections: 'yearbook',
  ap_types: 'approvals',
  ap_applications: 'approvals',
  ap_corrections: 'approvals',
  ap_permits: 'approvals',
  ap_consultations: 'approvals',
  // 人大建议 and 政协提案 (docs/proposals.md)
  proposals: 'proposals',
  proposal_tasks: 'proposals',
  // 燃气安全 (docs/gas-safety.md)
  gas_checks: 'gas-safety',
  gas_hazards: 'gas-safety',
  gas_installs: 'gas-safety',
  gas_install_targets: 'gas-safety',
  // the 排水 line's 防汛 duty roster (docs/lines.md)
  flood_duty_days: 'line-views',
  // 项目与资金 (docs/projects.md)
  projects: 'projects',
  project_funds: 'projects',
  project_subprojects: 'projects',
  project_milestones: 'projects',
  project_reports: 'projects',
  // 专项行动, problem lists, 课题, honours and publicity (docs/campaigns.md)
  cp_campaigns: 'campaigns',
  cp_targets: 'campaigns',
  cp_tasks: 'campaigns',
  cp_reports: 'campaigns',
  cp_problem_lists: 'campaigns',
  cp_problems: 'campaigns',
  cp_topics: 'campaigns',
  cp_honours: 'campaigns',
  cp_publicity: 'campaigns',
  // 目标任务 (docs/targets.md)
  tg_targets: 'targets',
  tg_reports: 'targets',
};
