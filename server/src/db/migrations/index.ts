import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_city_data_model.ts';
import * as m0003 from './0003_catalog_kind_code.ts';
import * as m0004 from './0004_geo.ts';
import * as m0005 from './0005_cases.ts';
import * as m0006 from './0006_case_external.ts';
import * as m0007 from './0007_open311.ts';
import * as m0008 from './0008_hotline.ts';
import * as m0009 from './0009_citizen.ts';
import * as m0010 from './0010_kpi.ts';
import * as m0011 from './0011_scale.ts';
import * as m0014 from './0014_login_throttle.ts';
import * as m0016 from './0016_tamper_evidence.ts';
import * as m0017 from './0017_storage_health.ts';
import * as m0018 from './0018_query_plans.ts';
import * as m0019 from './0019_hotline_caller_reply.ts';
import * as m0020 from './0020_import_jobs.ts';
import * as m0021 from './0021_kpi_drill_pages.ts';
import * as m0022 from './0022_enforcement.ts';
import * as m0023 from './0023_lines.ts';
import * as m0025 from './0025_audit_filters.ts';
import * as m0026 from './0026_public_lookup.ts';
import * as m0028 from './0028_case_unstaffed.ts';
import * as m0030 from './0030_public_reads.ts';
import * as m0031 from './0031_enforcement_documents.ts';
import * as m0032 from './0032_enforcement_procedure.ts';
import * as m0033 from './0033_gazetteer.ts';
import * as m0034 from './0034_map_notices.ts';
import * as m0035 from './0035_case_participation.ts';
import * as m0036 from './0036_monitor.ts';
import * as m0037 from './0037_enforcement_site_docs.ts';
import * as m0038 from './0038_supervision_orders.ts';
import * as m0039 from './0039_analysis.ts';
import * as m0040 from './0040_census_callers.ts';
import * as m0042 from './0042_dossier_batches.ts';
import * as m0044 from './0044_grid_terms.ts';
import * as m0046 from './0046_iot.ts';
import * as m0047 from './0047_night_market.ts';
import * as m0048 from './0048_assets.ts';
import * as m0050 from './0050_yellow_line.ts';
import * as m0051 from './0051_frontage.ts';
import * as m0052 from './0052_proposals.ts';
import * as m0053 from './0053_approvals.ts';
import * as m0054 from './0054_projects.ts';
import * as m0055 from './0055_campaigns.ts';
import * as m0056 from './0056_federation.ts';
import * as m0057 from './0057_cases_closed_status.ts';
import * as m0061 from './0061_prefecture.ts';
import * as m0062 from './0062_federation_requests.ts';
import * as m0063 from './0063_report_up_push.ts';
import * as m0064 from './0064_yearbook.ts';
import * as m0065 from './0065_kpi_monthly.ts';
import * as m0066 from './0066_case_transferred.ts';
import * as m0067 from './0067_targets.ts';
import * as m0068 from './0068_kpi_period_scores.ts';
import * as m0069 from './0069_vision.ts';
import * as m0070 from './0070_alarm_rule_rate_windows.ts';
import * as m0071 from './0071_inspections.ts';
import * as m0072 from './0072_work_order_links.ts';
import * as m0074 from './0074_vehicles.ts';
import * as m0076 from './0076_gas_safety.ts';
import * as m0077 from './0077_asset_figures.ts';
import * as m0082 from './0082_enforcement_leads.ts';
import * as m0085 from './0085_flood_duty.ts';
import * as m0086 from './0086_campaign_target_codes.ts';
import * as m0088 from './0088_telemetry_partitions.ts';
import * as m0089 from './0089_enforcement_lead_matter.ts';
import * as m0091 from './0091_asset_log_rollup.ts';
import * as m0092 from './0092_asset_search.ts';
import * as m0093 from './0093_device_maintenance.ts';
import * as m0094 from './0094_asset_list_indexes.ts';
import * as m0095 from './0095_asset_inspection_rollup.ts';
import * as m0096 from './0096_asset_type_counts.ts';
import * as m0097 from './0097_telemetry_minute_packs.ts';
import * as m0100 from './0100_asset_search_table.ts';
import * as m0102 from './0102_asset_versions.ts';

/**
 * Forward-only migrations, one list for SQLite and PostgreSQL (docs/architecture.md, "Migrations").
 * Never edit a landed file: add the next one.
 */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_city_data_model': m0002,
  '0003_catalog_kind_code': m0003,
  '0004_geo': m0004,
  '0005_cases': m0005,
  '0006_case_external': m0006,
  '0007_open311': m0007,
  '0008_hotline': m0008,
  '0009_citizen': m0009,
  '0010_kpi': m0010,
  '0011_scale': m0011,
  '0014_login_throttle': m0014,
  '0016_tamper_evidence': m0016,
  '0017_storage_health': m0017,
  '0018_query_plans': m0018,
  '0019_hotline_caller_reply': m0019,
  '0020_import_jobs': m0020,
  '0021_kpi_drill_pages': m0021,
  '0022_enforcement': m0022,
  '0023_lines': m0023,
  '0025_audit_filters': m0025,
  '0026_public_lookup': m0026,
  '0028_case_unstaffed': m0028,
  '0030_public_reads': m0030,
  '0031_enforcement_documents': m0031,
  '0032_enforcement_procedure': m0032,
  '0033_gazetteer': m0033,
  '0034_map_notices': m0034,
  '0035_case_participation': m0035,
  '0036_monitor': m0036,
  '0037_enforcement_site_docs': m0037,
  '0038_supervision_orders': m0038,
  '0039_analysis': m0039,
  '0040_census_callers': m0040,
  '0042_dossier_batches': m0042,
  '0044_grid_terms': m0044,
  '0046_iot': m0046,
  '0047_night_market': m0047,
  '0048_assets': m0048,
  '0050_yellow_line': m0050,
  '0051_frontage': m0051,
  '0052_proposals': m0052,
  '0053_approvals': m0053,
  '0054_projects': m0054,
  '0055_campaigns': m0055,
  '0056_federation': m0056,
  '0057_cases_closed_status': m0057,
  '0061_prefecture': m0061,
  '0062_federation_requests': m0062,
  '0063_report_up_push': m0063,
  '0064_yearbook': m0064,
  '0065_kpi_monthly': m0065,
  '0066_case_transferred': m0066,
  '0067_targets': m0067,
  '0068_kpi_period_scores': m0068,
  '0069_vision': m0069,
  '0070_alarm_rule_rate_windows': m0070,
  '0071_inspections': m0071,
  '0072_work_order_links': m0072,
  '0074_vehicles': m0074,
  '0076_gas_safety': m0076,
  '0077_asset_figures': m0077,
  '0082_enforcement_leads': m0082,
  '0085_flood_duty': m0085,
  '0086_campaign_target_codes': m0086,
  '0088_telemetry_partitions': m0088,
  '0089_enforcement_lead_matter': m0089,
  '0091_asset_log_rollup': m0091,
  '0092_asset_search': m0092,
  '0093_device_maintenance': m0093,
  '0094_asset_list_indexes': m0094,
  '0095_asset_inspection_rollup': m0095,
  '0096_asset_type_counts': m0096,
  '0097_telemetry_minute_packs': m0097,
  '0100_asset_search_table': m0100,
  '0102_asset_versions': m0102,
};

/** The registered names in order; scripts/migration-ledger.test.ts checks them against the files and the ledger. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<string[]> {
  // Kysely looks for its bookkeeping tables across all schemas unless told which one: name it, so several
  // PostgreSQL schemas (one per test file) never mistake each other's tables for their own.
  const migrator = new Migrator({ db, provider, ...(options.schema ? { migrationTableSchema: options.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The database as it stood right after migration `name`: tests of a later migration over rows already there. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works below the typed schema
export async function migrateTo(db: Kysely<any>, name: string, options: { schema?: string } = {}): Promise<void> {
  if (!(name in migrations)) throw new Error(`migrateTo: no migration ${name}`);
  const migrator = new Migrator({ db, provider, ...(options.schema ? { migrationTableSchema: options.schema } : {}) });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
