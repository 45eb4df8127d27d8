/** Tables of migration 0051_frontage (modules/frontage, docs/frontage.md). */
import type { AgreementStatus, ListKind, ShiftStatus, VolunteerStatus } from '../../../common/domain/frontage.ts';

export interface FrAgreementsTable {
  id: string;
  tenant_id: string;
  /** human number, e.g. MQSB2024-0001 */
  agreement_no: string;
  shop_name: string;
  credit_code: string | null;
  /** credit code or name|address, normalised (common/domain/frontage.ts shopKey) */
  shop_key: string;
  operator_name: string;
  operator_phone: string;
  address: string;
  region_id: string;
  lng: number;
  lat: number;
  /** GeoJSON Polygon text or null */
  area: string | null;
  scope: string;
  period_from: string;
  period_to: string;
  signed_on: string;
  status: AgreementStatus;
  terminated_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface FrInspectionsTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  inspected_on: string;
  score: number;
  findings: string | null;
  rectify_by: string | null;
  inspector_id: string;
  created_at: string;
}

/** One published month; its entries are fixed when it is published. */
export interface FrPublicationsTable {
  id: string;
  tenant_id: string;
  month: string;
  /** the list rule in force when published (JSON) */
  rule: string;
  published_at: string;
  published_by: string;
}

export interface FrListEntriesTable {
  id: string;
  tenant_id: string;
  publication_id: string;
  kind: ListKind;
  rank: number;
  agreement_id: string;
  /** the shop's name as published */
  shop_name: string;
  /** the month's average × 10 (one decimal kept as an integer) */
  average_x10: number;
  inspections: number;
}

export interface FrVolunteersTable {
  id: string;
  tenant_id: string;
  volunteer_no: string;
  name: string;
  phone: string;
  note: string | null;
  status: VolunteerStatus;
  created_at: string;
  updated_at: string;
}

export interface FrShiftsTable {
  id: string;
  tenant_id: string;
  volunteer_id: string;
  region_id: string | null;
  place: string;
  starts_at: string;
  ends_at: string;
  status: ShiftStatus;
  minutes_served: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface FrCommitteesTable {
  id: string;
  tenant_id: string;
  name: string;
  street_name: string;
  region_id: string;
  chair_name: string;
  chair_phone: string;
  shop_count: number;
  founded_on: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface FrSelfReportsTable {
  id: string;
  tenant_id: string;
  committee_id: string;
  reported_on: string;
  shops_checked: number;
  problems_found: number;
  problems_fixed: number;
  summary: string;
  created_by: string;
  created_at: string;
}
