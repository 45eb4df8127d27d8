/** Tables of the closed loop (migration 0005), split from schema.ts to keep files small; DB in schema.ts maps them. */
export interface CasesTable {
  id: string;
  tenant_id: string;
  /** human number, e.g. 420281-20240312-00017 */
  case_no: string;
  status: string;
  channel: string;
  matter_code: string;
  component_code: string | null;
  description: string;
  address: string | null;
  lng: number;
  lat: number;
  grid_code: string | null;
  community_id: string | null;
  street_id: string | null;
  reporter_id: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  filing_condition_id: string | null;
  filing_condition: string | null;
  handling_limit_value: number | null;
  handling_limit_unit: string | null;
  unit_id: string | null;
  handler_id: string | null;
  /** the inspector sent to verify or check */
  task_user_id: string | null;
  parent_id: string | null;
  step_limit_value: number | null;
  step_limit_unit: string | null;
  step_started_at: string | null;
  /** deadline of the current step; null while the clock is paused (suspended) or the case is terminal */
  step_deadline: string | null;
  /** when 80 % of the current step's limit is used (yellow warning) */
  step_warn_at: string | null;
  /** highest warning raised for the current step: 'yellow' | 'red' */
  step_warned: string | null;
  handling_deadline: string | null;
  /** handling time left when a suspension began, in the limit unit's measure (ms); the deadline is rebuilt from it on resume */
  handling_remaining_ms: number | null;
  suspended_until: string | null;
  overdue: number;
  extension_count: number;
  suspension_count: number;
  rework_count: number;
  return_count: number;
  escalation_count: number;
  self_handled: number;
  pending_request: string | null;
  close_type: string | null;
  void_reason: string | null;
  reported_at: string;
  filed_at: string | null;
  dispatched_at: string | null;
  closed_at: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** migration 0006: partner ticket number (12345 / 民情通 / 信访) */
  external_no?: string | null;
  /** sha256 of the citizen's private tracking token */
  public_token_hash?: string | null;
  reporter_email?: string | null;
  device_id?: string | null;
  /** 'satisfied' | 'basically_satisfied' | 'unsatisfied' */
  satisfaction?: string | null;
  /** 'citizen' | 'open311' | 'hotline_revisit' */
  satisfaction_source?: string | null;
  satisfaction_at?: string | null;
  reopen_count?: number;
  reopened_at?: string | null;
  /** migration 0028: since when the sweep found no active handler in the handling unit (null: staffed or not handling) */
  unstaffed_since?: string | null;
  /** migration 0066: the status a transferred case goes back to when the peer returns it */
  transfer_prior_status?: string | null;
  /** migration 0066: when the peer accepted the transfer (the clocks stand still from then) */
  transferred_at?: string | null;
}

export interface CaseEventsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data_json: string | null;
  prev_hash: string;
  hash: string;
  /** how `hash` was made: 1 legacy unkeyed SHA-256, 2 keyed HMAC over every column (platform/hash-chain.ts) */
  hash_version: number;
}

export interface CaseRequestsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  kind: 'return' | 'extension' | 'suspension';
  status: 'pending' | 'approved' | 'rejected';
  reason: string;
  amount_value: number | null;
  amount_unit: string | null;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface CasePhotosTable {
  id: string;
  tenant_id: string;
  case_id: string | null;
  phase: 'before' | 'after' | 'check';
  mime: string;
  bytes: number;
  width: number;
  height: number;
  path: string;
  thumb_path: string;
  sha256: string;
  uploaded_by: string | null;
  created_at: string;
  /**
   * Migration 0048: a record outside the cases that keeps the upload (`work_order:<id>`, docs/assets.md "Photos");
   * a held photo is never swept and never attached to a case. Absent on insert: null.
   */
  holder?: string | null;
}

export interface RoutingRulesTable {
  id: string;
  tenant_id: string;
  matter_code: string | null;
  major_code: string | null;
  region_id: string | null;
  unit_id: string;
  priority: number;
  active: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseWarningsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  level: 'yellow' | 'red' | 'resumed';
  status: string;
  unit_id: string | null;
  at: string;
  read_at: string | null;
}

export interface NotificationsTable {
  id: string;
  tenant_id: string;
  case_id: string | null;
  user_id: string | null;
  phone: string | null;
  kind: string;
  message: string;
  created_at: string;
  sent_at: string | null;
}

export interface SequencesTable {
  tenant_id: string;
  name: string;
  value: number;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  status: number;
  body: string;
  created_at: string;
  /** sha256 of the canonical request the key was first used with (platform/idempotency.ts); null before 0017 */
  request_hash: string | null;
}

export interface JobLocksTable {
  name: string;
  owner: string;
  locked_until: string;
  last_run_at: string | null;
}

export interface CasesFtsTable {
  case_id: string;
  body: string;
}

/** SQLite only: contentless FTS5 of each case's 1–2 character grams, rowid = the case's rowid (migration 0030). */
export interface CaseGramsTable {
  grams: string;
}

/** A non-voided case as the public-output rule shows it (modules/cases/case-public-rows.ts). */
export interface PublicCasesTable {
  case_id: string;
  tenant_id: string;
  case_no: string;
  channel: string;
  status: string;
  matter_code: string;
  unit_id: string | null;
  reported_at: string;
  updated_at: string;
  closed_at: string | null;
  /** PublicCaseBody (case-public-rows.ts) as JSON */
  body_json: string;
}
