import type { DashboardSummary } from '../../../../common/contracts/reports.ts';
import { api } from '../../api/client.ts';

export type { DashboardSummary };

export const dashboardApi = {
  summary: (signal?: AbortSignal) => api.get<DashboardSummary>('/api/dashboard/summary', { signal }),
};
