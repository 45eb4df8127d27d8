import type {
  EnforcementCaseDetail,
  EnforcementCaseQuery,
  EnforcementCaseSummary,
} from '../../../../common/contracts/enforcement.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { EnforcementCaseDetail, EnforcementCaseSummary };
const enc = encodeURIComponent;

export const enforcementApi = {
  list: (query: EnforcementCaseQuery, signal?: AbortSignal) =>
    api.get<Page<EnforcementCaseSummary>>('/api/enforcement/cases', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<EnforcementCaseDetail>(`/api/enforcement/cases/${enc(id)}`, { signal }),
  /** Enforcement cases opened from a 数字城管 case. */
  forCityCase: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: EnforcementCaseSummary[] }>(`/api/enforcement/by-case/${enc(caseId)}`, { signal }),
};
