/** 源头治理 tasks opened by repeat hotspots (migration 0039); DB in schema.ts maps them. */
export interface GovernanceTasksTable {
  id: string;
  tenant_id: string;
  task_no: string;
  kind: 'place' | 'component';
  hotspot_key: string;
  component_code: string | null;
  matter_code: string | null;
  lng: number;
  lat: number;
  address: string | null;
  case_count: number;
  case_ids_json: string;
  window_from: string;
  window_to: string;
  status: 'open' | 'assigned' | 'done' | 'dismissed';
  assignee_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  version: number;
}
