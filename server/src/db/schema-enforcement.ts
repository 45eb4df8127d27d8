/** Tables of migration 0022_enforcement (modules/enforcement, docs/enforcement.md). */
import type { Generated } from 'kysely';
import type { LeadSource, LeadStatus } from '../../../common/domain/enforcement-leads.ts';
import type { DecisionKind, DiscretionLevel } from '../../../common/domain/enforcement-lifecycle.ts';

/** One legal provision for a violation type (tenant data kept by the 法制 staff). */
export interface EnforcementLegalBasesTable {
  id: string;
  tenant_id: string;
  violation_code: string;
  violation_name: string;
  law: string;
  article: string;
  provision_text: string;
  /** 1 = starter row, to be confirmed by the bureau's 法制 staff */
  sample: Generated<number>;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A discretion band (裁量基准) of a provision: fine range in fen for one level. */
export interface EnforcementBandsTable {
  id: string;
  tenant_id: string;
  basis_id: string;
  level: DiscretionLevel;
  min_fen: number;
  max_fen: number;
  factors: string;
}

export interface EnforcementCasesTable {
  id: string;
  tenant_id: string;
  case_no: string;
  procedure: 'ordinary' | 'summary';
  source: string;
  source_case_id: string | null;
  source_ref: string | null;
  stage: string;
  major: Generated<number>;
  discussion: Generated<number>;
  unit_id: string | null;
  violation_code: string;
  basis_id: string | null;
  band_id: string | null;
  facts: string;
  address: string | null;
  /** local calendar dates are 'YYYY-MM-DD' text */
  violation_on: string;
  party_kind: 'person' | 'organisation';
  party_name: string;
  /** JSON { k: key id, iv, tag, data } (base64): AES-256-GCM of the ID number */
  party_id_cipher: string | null;
  /** HMAC-SHA-256 of the normalised ID number: the repeat-offence lookup without decrypting */
  party_id_index: string | null;
  party_id_masked: string | null;
  party_credit_code: string | null;
  proposed_fine_fen: number | null;
  decision_kind: DecisionKind | null;
  fine_fen: number | null;
  band_exception_reason: string | null;
  band_exception_by: string | null;
  decision_no: string | null;
  decided_on: string | null;
  filed_on: string | null;
  decision_due: string | null;
  extension_days: Generated<number>;
  hearing: Generated<number>;
  statement_due: string | null;
  hearing_due: string | null;
  service_due: string | null;
  served_on: string | null;
  /** the day the 催告书 was served (行政强制法 art. 35, 54): the court application waits 10 days after it */
  demand_served_on: string | null;
  payment_due: string | null;
  paid_fen: Generated<number>;
  closed_on: string | null;
  archived_on: string | null;
  /** migration 0032: first_offence | minor | repeat (the leniency list when the case was opened) */
  leniency: string | null;
  prior_case_id: string | null;
  hearing_requested_on: string | null;
  hearing_held_on: string | null;
  hearing_outcome: string | null;
  statement_outcome: string | null;
  /** JSON PaymentPlan: deferral or instalments, with the reason */
  payment_plan: string | null;
  payment_plan_status: 'requested' | 'approved' | 'rejected' | null;
  court_applied_on: string | null;
  court_ref: string | null;
  reconsideration_outcome: string | null;
  litigation_outcome: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The case's officers with their 执法证号: who sees the party's ID number unmasked. */
export interface EnforcementOfficersTable {
  case_id: string;
  user_id: string;
  cert_no: string;
}

export interface EnforcementEventsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  action: string;
  from_stage: string | null;
  to_stage: string;
  actor_id: string;
  note: string | null;
  officers: string | null;
  data: string | null;
  at: string;
}

export interface EnforcementEvidenceTable {
  id: string;
  tenant_id: string;
  case_id: string;
  event_id: string;
  kind: string;
  title: string;
  sha256: string;
  collected_at: string;
}

export interface EnforcementPaymentsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  amount_fen: number;
  channel: 'bank' | 'non_tax';
  reference: string;
  paid_on: string;
  recorded_by: string;
  at: string;
}

/** An officer's 执法证 (migration 0032): a step naming the officer needs one valid on the day. */
export interface EnforcementCertificatesTable {
  id: string;
  tenant_id: string;
  user_id: string;
  cert_no: string;
  valid_from: string;
  valid_to: string;
  created_at: string;
}

/** The 首违不罚 / 轻微免罚 list: a violation that may go unpunished, and the window that makes a repeat. */
export interface EnforcementLeniencyTable {
  id: string;
  tenant_id: string;
  violation_code: string;
  kind: 'first_offence' | 'minor';
  circumstances: string;
  window_days: number;
  active: Generated<number>;
  created_at: string;
}

/** An offence record of a peer city that an operator accepted (互认): it counts as a prior offence here. */
export interface EnforcementPeerOffencesTable {
  id: string;
  tenant_id: string;
  peer_name: string;
  peer_code: string;
  record_no: string;
  violation_code: string;
  violation_on: string;
  party_kind: 'person' | 'organisation';
  party_name: string | null;
  party_id_index: string | null;
  party_credit_code: string | null;
  decision: string | null;
  source_message_id: string;
  accepted_by: string;
  created_at: string;
}

/** A deadline warning raised by the sweep: once per case, clock, due date and level. */
export interface EnforcementWarningsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  unit_id: string | null;
  clock: string;
  due: string;
  level: 'yellow' | 'red' | 'supervise';
  at: string;
}

/** A lead (线索) handed to enforcement by another module (migration 0082, docs/enforcement-leads.md). */
export interface EnforcementLeadsTable {
  id: string;
  tenant_id: string;
  lead_no: string;
  source: LeadSource;
  source_id: string;
  matter: string;
  /** migration 0089: the matter's template (LEAD_MATTER_CODES) and its parameters as a JSON object */
  matter_code: string | null;
  matter_params: string | null;
  /** migration 0089: the city case the finding belongs to (a camera event's case) */
  origin_case_id: string | null;
  origin_case_no: string | null;
  violation_code: string | null;
  place: string | null;
  lng: number | null;
  lat: number | null;
  occurred_at: string;
  /** JSON array of { kind, title, url, sha256? } */
  evidence: string;
  note: string | null;
  status: LeadStatus;
  reason: string | null;
  case_id: string | null;
  submitted_by: string | null;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
