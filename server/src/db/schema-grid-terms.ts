/** Migration 0044: the history of responsibility grids (docs/monitor.md, "Per-inspector 漏报"). */
export interface InspectorGridTermsTable {
  id: string;
  tenant_id: string;
  inspector_id: string;
  grid_code: string;
  /** the instant the inspector became responsible (ISO UTC) */
  valid_from: string;
  /** the instant the responsibility ended; null while in force */
  valid_to: string | null;
  assigned_by: string;
  ended_by: string | null;
}

declare module './schema.ts' {
  interface DB {
    inspector_grid_terms: InspectorGridTermsTable;
  }
}
