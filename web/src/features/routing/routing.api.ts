import type {
  RoutingRule,
  RoutingRuleCreate,
  RoutingRuleQuery,
  RoutingRuleUpdate,
  RoutingSettings,
  RoutingSuggestion,
  RoutingSuggestQuery,
} from '../../../../common/contracts/routing.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';

export type { RoutingRule, RoutingRuleCreate, RoutingRuleUpdate, RoutingSettings, RoutingSuggestion };

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;

export const routingApi = {
  rules: (query: RoutingRuleQuery, signal?: AbortSignal) =>
    api.get<Page<RoutingRule>>('/api/routing/rules', { query: q(query), signal }),
  createRule: (body: RoutingRuleCreate) => api.post<RoutingRule>('/api/routing/rules', body),
  updateRule: (id: string, body: RoutingRuleUpdate) => api.patch<RoutingRule>(`/api/routing/rules/${enc(id)}`, body),
  deleteRule: (id: string) => api.delete<{ ok: boolean }>(`/api/routing/rules/${enc(id)}`),
  suggest: (query: RoutingSuggestQuery, signal?: AbortSignal) =>
    api.get<RoutingSuggestion>('/api/routing/suggest', { query: q(query), signal }),
  settings: (signal?: AbortSignal) => api.get<RoutingSettings>('/api/routing/settings', { signal }),
  saveSettings: (body: RoutingSettings) => api.put<RoutingSettings>('/api/routing/settings', body),
};
