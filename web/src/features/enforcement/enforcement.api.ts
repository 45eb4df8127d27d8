import type {
  EnforcementActionBody,
  EnforcementCaseCreate,
  LegalBasis,
  OfficerOption,
  EnforcementCaseDetail,
  EnforcementCaseQuery,
  EnforcementCaseSummary,
} from '../../../../common/contracts/enforcement.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type {
  EnforcementActionBody,
  EnforcementCaseCreate,
  EnforcementCaseDetail,
  EnforcementCaseSummary,
  LegalBasis,
  OfficerOption,
};
const enc = encodeURIComponent;

export const enforcementApi = {
  list: (query: EnforcementCaseQuery, signal?: AbortSignal) =>
    api.get<Page<EnforcementCaseSummary>>('/api/enforcement/cases', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<EnforcementCaseDetail>(`/api/enforcement/cases/${enc(id)}`, { signal }),
  create: (body: EnforcementCaseCreate) => api.post<EnforcementCaseDetail>('/api/enforcement/cases', body),
  bases: (signal?: AbortSignal) => api.get<{ items: LegalBasis[] }>('/api/enforcement/bases', { signal }),
  officers: (signal?: AbortSignal) => api.get<{ items: OfficerOption[] }>('/api/enforcement/officers', { signal }),
  act: (id: string, body: EnforcementActionBody) =>
    api.post<EnforcementCaseDetail>(`/api/enforcement/cases/${enc(id)}/actions`, body),
  /** Stores an evidence file and answers the SHA-256 the server computed (add_evidence names it). */
  uploadEvidence: (id: string, file: Blob) =>
    api.upload<{ sha256: string; bytes: number }>(`/api/enforcement/cases/${enc(id)}/evidence-files`, file),
  /** Enforcement cases opened from a 数字城管 case. */
  forCityCase: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: EnforcementCaseSummary[] }>(`/api/enforcement/by-case/${enc(caseId)}`, { signal }),
};
