import type { ReportFigure } from '../../../../common/contracts/reports.ts';
import type {
  ProgressInput,
  TargetDetail,
  TargetInput,
  TargetPatch,
  TargetQuery,
  TargetView,
} from '../../../../common/contracts/targets.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { ReportFigure, TargetDetail, TargetView };

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/targets';

export const targetsApi = {
  list: (query: TargetQuery, signal?: AbortSignal) => api.get<Page<TargetView>>(BASE, { query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<TargetDetail>(`${BASE}/${enc(id)}`, { signal }),
  create: (body: TargetInput) => api.post<TargetDetail>(BASE, body),
  update: (id: string, body: TargetPatch) => api.patch<TargetDetail>(`${BASE}/${enc(id)}`, body),
  remove: (id: string) => api.delete<{ ok: boolean }>(`${BASE}/${enc(id)}`),
  report: (id: string, body: ProgressInput) => api.post<TargetDetail>(`${BASE}/${enc(id)}/reports`, body),
  /** every figure of the statistics report with its value in the year: what a target may be measured by */
  figures: (year: number, signal?: AbortSignal) =>
    api.get<ReportFigure[]>('/api/targets/figures', { query: { year }, signal }),
};
