/** Tables of migration 0067_targets (modules/targets, docs/targets.md). */

export interface TgTargetsTable {
  id: string;
  tenant_id: string;
  year: number;
  code: string;
  title: string;
  title_en: string | null;
  unit_id: string;
  /** 'figure': measured by a statistics report figure; 'manual': by progress reports */
  kind: string;
  figure_key: string | null;
  /** 'gte' (at least the target) or 'lte' (at most) */
  comparison: string;
  /** the manual measure's unit as written (项, 个, %); null for a figure, whose unit is the figure's */
  measure_unit: string | null;
  target_value: number;
  due_on: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface TgReportsTable {
  id: string;
  tenant_id: string;
  target_id: string;
  value: number;
  reported_on: string;
  note: string | null;
  /** JSON array of photo ids held by `target_report:<id>` */
  photo_ids: string;
  created_by: string;
  created_at: string;
}
