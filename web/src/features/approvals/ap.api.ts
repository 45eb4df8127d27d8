import type {
  Application,
  ApplicationCreate,
  ApplicationDetail,
  ApplicationQuery,
  ApprovalFigures,
  ApprovalType,
  ApprovalTypeInput,
  Consultation,
  ConsultationCreate,
  ConsultationQuery,
  CorrectionCreate,
  CorrectionResume,
  DecisionCreate,
} from '../../../../common/contracts/approvals.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';

export type { Application, ApplicationDetail, ApprovalFigures, ApprovalType, Consultation };

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;
const BASE = '/api/approvals';
const app = (id: string) => `${BASE}/applications/${enc(id)}`;

export const apApi = {
  types: (signal?: AbortSignal) => api.get<{ items: ApprovalType[] }>(`${BASE}/types`, { signal }),
  createType: (body: ApprovalTypeInput) => api.post<ApprovalType>(`${BASE}/types`, body),
  updateType: (id: string, body: ApprovalTypeInput) => api.put<ApprovalType>(`${BASE}/types/${enc(id)}`, body),
  applications: (query: ApplicationQuery, signal?: AbortSignal) =>
    api.get<Page<Application>>(`${BASE}/applications`, { query: q(query), signal }),
  application: (id: string, signal?: AbortSignal) => api.get<ApplicationDetail>(app(id), { signal }),
  accept: (body: ApplicationCreate) => api.post<ApplicationDetail>(`${BASE}/applications`, body),
  review: (id: string) => api.post<ApplicationDetail>(`${app(id)}/review`),
  correct: (id: string, body: CorrectionCreate) => api.post<ApplicationDetail>(`${app(id)}/corrections`, body),
  resume: (id: string, body: CorrectionResume) => api.post<ApplicationDetail>(`${app(id)}/resume`, body),
  decide: (id: string, body: DecisionCreate) => api.post<ApplicationDetail>(`${app(id)}/decision`, body),
  close: (id: string) => api.post<ApplicationDetail>(`${app(id)}/close`, {}),
  consultations: (query: ConsultationQuery, signal?: AbortSignal) =>
    api.get<Page<Consultation>>(`${BASE}/consultations`, { query: q(query), signal }),
  consult: (body: ConsultationCreate) => api.post<Consultation>(`${BASE}/consultations`, body),
  figures: (from: string, to: string, signal?: AbortSignal) =>
    api.get<ApprovalFigures>(`${BASE}/figures`, { query: { from, to }, signal }),
};

/** The tag colour of each application status. */
export const STATUS_COLORS = {
  accepted: 'blue',
  reviewing: 'processing',
  correction: 'warning',
  decided: 'purple',
  closed: 'success',
} as const;
