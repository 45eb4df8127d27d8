/** Tables of migration 0076_gas_safety (modules/gas-safety, docs/gas-safety.md). */
import type {
  GasCheckSource,
  GasHazardLevel,
  GasHazardStatus,
  GasInstallKind,
} from '../../../common/domain/gas-safety.ts';

/** A safety check (安全检查) by the bureau or a superior authority. */
export interface GasChecksTable {
  id: string;
  tenant_id: string;
  /** RJ<year>-<seq>, gap-free per tenant and year */
  check_no: string;
  source: GasCheckSource;
  title: string;
  /** local date YYYY-MM-DD */
  checked_on: string;
  region_id: string | null;
  team: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}

/** A hazard a check found, until a re-inspection with a photo closes it. */
export interface GasHazardsTable {
  id: string;
  tenant_id: string;
  /** YH<year>-<seq> */
  hazard_no: string;
  check_id: string;
  /** the check's source, kept on the row so the superior findings count apart without a join */
  source: GasCheckSource;
  /** the company or commercial user in the register, when it is one */
  asset_id: string | null;
  holder: string;
  address: string | null;
  region_id: string | null;
  description: string;
  level: GasHazardLevel;
  found_on: string;
  deadline: string;
  status: GasHazardStatus;
  rectified_on: string | null;
  rectify_note: string | null;
  closed_on: string | null;
  /** re-inspections so far (a failed one sends the hazard back to open) */
  reinspections: number;
  reinspect_note: string | null;
  reinspected_by_name: string | null;
  /** JSON string[] of the photos held by the hazard (rectification and re-inspection) */
  photo_ids: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Households of a community fitted with one part of the 三件套 on a day. */
export interface GasInstallsTable {
  id: string;
  tenant_id: string;
  region_id: string;
  kind: GasInstallKind;
  households: number;
  on_date: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

/** The year's target of a community for one part of the 三件套. */
export interface GasInstallTargetsTable {
  tenant_id: string;
  year: number;
  region_id: string;
  kind: GasInstallKind;
  households: number;
  updated_by: string;
  updated_at: string;
}
