import type {
  CaseListQuery,
  DrillQuery,
  GridMap,
  GridMapQuery,
  KpiCaseItem,
  KpiQuery,
  KpiResult,
  KpiSettings,
  KpiSettingsView,
  Ranking,
  RankingQuery,
} from '../../../../common/contracts/kpi.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';

export type { KpiCaseItem, KpiResult, KpiSettings, KpiSettingsView, Ranking };

/** The KPI engine's routes (server/src/modules/kpi). */
export const KPI_URL = {
  indicators: '/api/kpi',
  drill: '/api/kpi/drill',
  rankings: '/api/kpi/rankings',
  rankingsXlsx: '/api/kpi/rankings.xlsx',
  list: (kind: 'overdue' | 'escalated') => `/api/kpi/lists/${kind}`,
  listXlsx: (kind: 'overdue' | 'escalated') => `/api/kpi/lists/${kind}.xlsx`,
  settings: '/api/kpi/settings',
  gridMap: '/api/kpi/grid-map',
} as const;

const q = (o: object) => o as unknown as Query;

export const kpiApi = {
  indicators: (query: KpiQuery, signal?: AbortSignal) =>
    api.get<KpiResult>(KPI_URL.indicators, { query: q(query), signal }),
  drill: (query: DrillQuery, signal?: AbortSignal) =>
    api.get<Page<KpiCaseItem>>(KPI_URL.drill, { query: q(query), signal }),
  rankings: (query: RankingQuery, signal?: AbortSignal) =>
    api.get<Ranking>(KPI_URL.rankings, { query: q(query), signal }),
  list: (kind: 'overdue' | 'escalated', query: CaseListQuery, signal?: AbortSignal) =>
    api.get<Page<KpiCaseItem>>(KPI_URL.list(kind), { query: q(query), signal }),
  gridMap: (query: GridMapQuery, signal?: AbortSignal) =>
    api.get<GridMap>(KPI_URL.gridMap, { query: q(query), signal }),
  settings: (signal?: AbortSignal) => api.get<KpiSettingsView>(KPI_URL.settings, { signal }),
  saveSettings: (body: KpiSettings) => api.put<KpiSettingsView>(KPI_URL.settings, body),
};
