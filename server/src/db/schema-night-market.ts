/** Tables of migration 0047_night_market (modules/night-market, docs/night-market.md). */

export interface NmMarketsTable {
  id: string;
  tenant_id: string;
  name: string;
  address: string;
  opening_hours: string | null;
  created_at: string;
  updated_at: string;
}

export interface NmStallsTable {
  id: string;
  tenant_id: string;
  market_id: string;
  /** the stall's painted number, e.g. A-001 */
  code: string;
  width_cm: number;
  depth_cm: number;
  location: string;
  created_at: string;
}

/** An allocation round; the lottery columns fill in order: commitment → public value → draw. */
export interface NmRoundsTable {
  id: string;
  tenant_id: string;
  market_id: string;
  /** human number, e.g. YS2023-01 */
  round_no: string;
  name: string;
  apply_from: string;
  apply_to: string;
  /** JSON EligibilityRules */
  rules: string;
  stall_fee_fen: number;
  deposit_fen: number;
  point_threshold: number;
  commitment: string | null;
  public_value_source: string | null;
  committed_at: string | null;
  committed_by: string | null;
  /** JSON array of application numbers, ascending */
  entrants: string | null;
  public_value: string | null;
  public_value_at: string | null;
  secret: string | null;
  seed: string | null;
  /** JSON array of application numbers in drawn order */
  drawn_order: string | null;
  drawn_at: string | null;
  drawn_by: string | null;
  created_at: string;
  updated_at: string;
}

export type NmApplicationStatus = 'submitted' | 'eligible' | 'ineligible' | 'won' | 'waiting' | 'revoked';

export interface NmApplicationsTable {
  id: string;
  tenant_id: string;
  round_id: string;
  application_no: string;
  name: string;
  phone: string;
  /** AES-256-GCM (platform/pii-cipher.ts) */
  id_cipher: string;
  /** keyed blind index of the normalised ID number */
  id_index: string;
  id_masked: string;
  goods: string;
  status: NmApplicationStatus;
  /** JSON RuleCheck[] of the review */
  checks: string | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  draw_position: number | null;
  stall_id: string | null;
  points: number;
  created_at: string;
  updated_at: string;
}

export interface NmLedgerTable {
  id: string;
  tenant_id: string;
  round_id: string;
  application_id: string;
  kind: 'fee' | 'deposit' | 'refund' | 'forfeit';
  amount_fen: number;
  on_date: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface NmViolationsTable {
  id: string;
  tenant_id: string;
  round_id: string;
  application_id: string;
  kind: string;
  points: number;
  on_date: string;
  note: string | null;
  created_by: string;
  created_at: string;
}
