/** Tables of migration 0053_approvals (modules/approvals, docs/approvals.md). */

export interface ApTypesTable {
  id: string;
  tenant_id: string;
  /** stable key of the type; a register effect is registered under it */
  code: string;
  name: string;
  promised_days: number;
  statutory_days: number;
  /** JSON MaterialItem[] */
  materials: string;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface ApApplicationsTable {
  id: string;
  tenant_id: string;
  application_no: string;
  type_id: string;
  applicant_name: string;
  applicant_phone: string;
  address: string;
  summary: string | null;
  /** JSON string[]: codes of the checklist items received */
  materials: string;
  /** JSON object: type-specific facts */
  details: string;
  status: 'accepted' | 'reviewing' | 'correction' | 'decided' | 'closed';
  accepted_at: string;
  /** local date of accepted_at in the business time zone */
  accepted_on: string;
  promised_days: number;
  due_at: string;
  due_on: string;
  /** working time spent in closed 补正 requests */
  paused_ms: number;
  /** when the open 补正 began; null when none is open */
  paused_at: string | null;
  decision: 'grant' | 'deny' | null;
  decision_note: string | null;
  decided_at: string | null;
  decided_by: string | null;
  register_kind: string | null;
  register_id: string | null;
  closed_at: string | null;
  closed_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ApCorrectionsTable {
  id: string;
  tenant_id: string;
  application_id: string;
  /** JSON string[] of the checklist codes asked for */
  items: string;
  note: string;
  requested_at: string;
  requested_by: string;
  resumed_at: string | null;
  resumed_by: string | null;
  paused_ms: number | null;
}

export interface ApPermitsTable {
  id: string;
  tenant_id: string;
  application_id: string;
  permit_no: string;
  holder_name: string;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

export interface ApConsultationsTable {
  id: string;
  tenant_id: string;
  channel: 'walk_in' | 'phone';
  name: string | null;
  phone: string | null;
  type_id: string | null;
  topic: string;
  answer: string | null;
  consulted_at: string;
  consulted_on: string;
  created_by: string;
  created_at: string;
}
