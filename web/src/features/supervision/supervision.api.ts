import type {
  SupervisionFigures,
  SupervisionIssue,
  SupervisionOrder,
  SupervisionQuery,
  SupervisionReply,
} from '../../../../common/contracts/supervision.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { SupervisionFigures, SupervisionOrder, SupervisionQuery };
const enc = encodeURIComponent;

export const supervisionApi = {
  list: (query: SupervisionQuery, signal?: AbortSignal) =>
    api.get<Page<SupervisionOrder>>('/api/supervision', { query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<SupervisionOrder>(`/api/supervision/${enc(id)}`, { signal }),
  figures: (from: string, to: string, signal?: AbortSignal) =>
    api.get<SupervisionFigures>('/api/supervision/figures', { query: { from, to }, signal }),
  issue: (body: SupervisionIssue) => api.post<SupervisionOrder>('/api/supervision', body),
  reply: (id: string, body: SupervisionReply) => api.post<SupervisionOrder>(`/api/supervision/${enc(id)}/reply`, body),
};
