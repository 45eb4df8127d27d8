import type {
  AnalysisOverview,
  GovernanceListQuery,
  GovernanceTask,
  GovernanceUpdate,
  Heatmap,
  HeatmapQuery,
  HotspotSettings,
  OverviewQuery,
  ScanResult,
} from '../../../../common/contracts/analysis.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';

export type { AnalysisOverview, GovernanceTask, Heatmap, HotspotSettings };

const q = (o: object) => o as unknown as Query;

/** The analysis routes (server/src/modules/analysis). */
export const analysisApi = {
  overview: (query: OverviewQuery, signal?: AbortSignal) =>
    api.get<AnalysisOverview>('/api/analysis/overview', { query: q(query), signal }),
  heatmap: (query: HeatmapQuery, signal?: AbortSignal) =>
    api.get<Heatmap>('/api/analysis/heatmap', { query: q(query), signal }),
  settings: (signal?: AbortSignal) => api.get<HotspotSettings>('/api/analysis/hotspot-settings', { signal }),
  saveSettings: (body: HotspotSettings) => api.put<HotspotSettings>('/api/analysis/hotspot-settings', body),
  scan: () => api.post<ScanResult>('/api/analysis/hotspots/scan', {}),
  tasks: (query: GovernanceListQuery, signal?: AbortSignal) =>
    api.get<Page<GovernanceTask>>('/api/analysis/governance-tasks', { query: q(query), signal }),
  updateTask: (id: string, body: GovernanceUpdate) =>
    api.patch<GovernanceTask>(`/api/analysis/governance-tasks/${encodeURIComponent(id)}`, body),
};
