import type {
  EnforcementActionBody,
  EnforcementCaseCreate,
  LegalBasis,
  OfficerOption,
  EnforcementCaseDetail,
  EnforcementCaseQuery,
  EnforcementCaseSummary,
} from '../../../../common/contracts/enforcement.ts';
import type {
  EnforcementLead,
  EnforcementLeadQuery,
  LeadDecline,
  LeadFile,
} from '../../../../common/contracts/enforcement-leads.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type {
  EnforcementActionBody,
  EnforcementCaseCreate,
  EnforcementCaseDetail,
  EnforcementCaseSummary,
  LegalBasis,
  OfficerOption,
  EnforcementLead,
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
  /** 线索研判 (docs/enforcement-leads.md) */
  leads: (query: EnforcementLeadQuery, signal?: AbortSignal) =>
    api.get<Page<EnforcementLead>>('/api/enforcement/leads', { query, signal }),
  fileLead: (id: string, body: LeadFile) =>
    api.post<{ lead: EnforcementLead; case: EnforcementCaseDetail }>(`/api/enforcement/leads/${enc(id)}/file`, body),
  declineLead: (id: string, body: LeadDecline) =>
    api.post<EnforcementLead>(`/api/enforcement/leads/${enc(id)}/decline`, body),
  /** Enforcement cases opened from a 数字城管 case. */
  forCityCase: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: EnforcementCaseSummary[] }>(`/api/enforcement/by-case/${enc(caseId)}`, { signal }),
};
