/** Tables of migration 0054_projects (modules/projects, docs/projects.md). Amounts in fen, weights in basis points. */

export interface ProjectsTable {
  id: string;
  tenant_id: string;
  name: string;
  /** the name the report's sentences use, e.g. 燃气老化管网改造项目 */
  short_name: string | null;
  unit_id: string | null;
  start_on: string;
  end_on: string;
  budget_fen: number | null;
  lng: number | null;
  lat: number | null;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectFundsTable {
  id: string;
  tenant_id: string;
  project_id: string;
  source: string;
  amount_fen: number;
  won_on: string;
  document_no: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface ProjectSubprojectsTable {
  id: string;
  tenant_id: string;
  project_id: string;
  name: string;
  weight_bp: number;
  location: string | null;
  lng: number | null;
  lat: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectMilestonesTable {
  id: string;
  tenant_id: string;
  project_id: string;
  subproject_id: string;
  name: string;
  weight_bp: number;
  planned_on: string;
  progress_pct: number;
  completed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectReportsTable {
  id: string;
  tenant_id: string;
  project_id: string;
  subproject_id: string | null;
  reported_on: string;
  text: string;
  photo_ids: string;
  created_by: string;
  created_at: string;
}
