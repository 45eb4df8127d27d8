import type {
  EnforcementCaseCreate,
  LegalBasis,
  OfficerOption,
  EnforcementCaseDetail,
  EnforcementCaseQuery,
  EnforcementCaseSummary,
} from '../../../../common/contracts/enforcement.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { EnforcementCaseCreate, EnforcementCaseDetail, EnforcementCaseSummary, LegalBasis, OfficerOption };
const enc = encodeURIComponent;

export const enforcementApi = {
  list: (query: EnforcementCaseQuery, signal?: AbortSignal) =>
    api.get<Page<EnforcementCaseSummary>>('/api/enforcement/cases', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<EnforcementCaseDetail>(`/api/enforcement/cases/${enc(id)}`, { signal }),
  create: (body: EnforcementCaseCreate) => api.post<EnforcementCaseDetail>('/api/enforcement/cases', body),
  bases: (signal?: AbortSignal) => api.get<{ items: LegalBasis[] }>('/api/enforcement/bases', { signal }),
  officers: (signal?: AbortSignal) => api.get<{ items: OfficerOption[] }>('/api/enforcement/officers', { signal }),
  /** Enforcement cases opened from a 数字城管 case. */
  forCityCase: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: EnforcementCaseSummary[] }>(`/api/enforcement/by-case/${enc(caseId)}`, { signal }),
};
