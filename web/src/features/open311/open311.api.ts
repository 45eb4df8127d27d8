import type {
  ApiClient,
  ApiClientCreate,
  ApiClientCreated,
  ApiClientQuery,
  ApiClientUpdate,
} from '../../../../common/contracts/open311.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { ApiClient, ApiClientCreate, ApiClientCreated };

export const open311Api = {
  clients: (query: ApiClientQuery, signal?: AbortSignal) =>
    api.get<Page<ApiClient>>('/api/open311/clients', { query: query, signal }),
  create: (body: ApiClientCreate) => api.post<ApiClientCreated>('/api/open311/clients', body),
  update: (id: string, body: ApiClientUpdate) =>
    api.patch<ApiClient>(`/api/open311/clients/${encodeURIComponent(id)}`, body),
};
