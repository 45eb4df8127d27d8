/** Where the tenant's KPI settings are stored, and what they are until an administrator changes them. */
import type { KpiSettingsView } from '../../../../common/contracts/kpi.ts';
import { DEFAULT_GRADES, DEFAULT_WEIGHTS } from '../../../../common/domain/kpi.ts';
import { DEFAULT_BANDS } from '../../../../common/domain/kpi-bands.ts';
import { DEFAULT_RANKING_RULES } from '../../../../common/domain/kpi-ranking.ts';

export const SETTINGS_KEY = 'kpi.settings';
/** The stored settings with every field filled (defaults: docs/standards.md, "KPI weights", "KPI ranking"). */
export type FullKpiSettings = Omit<KpiSettingsView, 'parts' | 'updatedAt'>;
export const DEFAULT_SETTINGS: FullKpiSettings = {
  weights: DEFAULT_WEIGHTS,
  grades: DEFAULT_GRADES,
  options: { excludeSuspended: false, ...DEFAULT_RANKING_RULES },
  bands: DEFAULT_BANDS,
};
