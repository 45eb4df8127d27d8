/** Tables of migration 0040_census_callers: 专项普查 (modules/monitor) and 来电弹屏 (modules/hotline). */

/** A census campaign (专项普查): one component class over some streets or communities. */
export interface CensusCampaignsTable {
  id: string;
  tenant_id: string;
  name: string;
  class_code: string;
  /** JSON array of region ids (streets or communities) */
  region_ids_json: string;
  due_date: string | null;
  status: 'open' | 'closed';
  created_by: string;
  created_at: string;
}

/** One grid of a campaign, assigned to the grid's responsible inspector; `expected` = registered components then. */
export interface CensusTasksTable {
  id: string;
  tenant_id: string;
  campaign_id: string;
  grid_code: string;
  inspector_id: string | null;
  expected: number;
}

/** What an inspector found for one component (the last record of a component in a task stands). */
export interface CensusRecordsTable {
  id: string;
  tenant_id: string;
  campaign_id: string;
  task_id: string;
  component_code: string;
  outcome: 'ok' | 'damaged' | 'missing' | 'new';
  lng: number | null;
  lat: number | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** The call centre's HMAC secret of a tenant, encrypted with the PII cipher. */
export interface CallCentreSecretsTable {
  tenant_id: string;
  secret_enc: string;
  secret_hint: string;
  updated_at: string;
}

/** A call the call centre announced (来电弹屏). */
export interface HotlineCallsTable {
  id: string;
  tenant_id: string;
  call_id: string;
  caller_phone: string;
  line: string | null;
  called_at: string;
  received_at: string;
}
