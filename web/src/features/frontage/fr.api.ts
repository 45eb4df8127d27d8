import type { AgreementTemplateState } from '../../../../common/contracts/frontage.ts';
import type { AgreementTemplate } from '../../../../common/domain/frontage-template.ts';
import type {
  Agreement,
  AgreementCreate,
  AgreementQuery,
  Committee,
  CommitteeCreate,
  CommitteeQuery,
  Figures,
  Inspection,
  InspectionCreate,
  InspectionQuery,
  ListRuleBody,
  Publication,
  SelfReport,
  SelfReportCreate,
  SelfReportQuery,
  Shift,
  ShiftCreate,
  ShiftQuery,
  Volunteer,
  VolunteerQuery,
} from '../../../../common/contracts/frontage.ts';
import type { VolunteerStatus } from '../../../../common/domain/frontage.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';

export type { Agreement, Committee, Figures, Inspection, Publication, SelfReport, Shift, Volunteer };

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;
const BASE = '/api/frontage';

export const frApi = {
  agreements: (query: AgreementQuery, signal?: AbortSignal) =>
    api.get<Page<Agreement>>(`${BASE}/agreements`, { query: q(query), signal }),
  createAgreement: (body: AgreementCreate) => api.post<Agreement>(`${BASE}/agreements`, body),
  terminate: (id: string, reason: string) => api.post<Agreement>(`${BASE}/agreements/${enc(id)}/terminate`, { reason }),
  inspections: (query: InspectionQuery, signal?: AbortSignal) =>
    api.get<Page<Inspection>>(`${BASE}/inspections`, { query: q(query), signal }),
  inspect: (body: InspectionCreate) => api.post<Inspection>(`${BASE}/inspections`, body),
  rule: (signal?: AbortSignal) => api.get<ListRuleBody>(`${BASE}/lists/rule`, { signal }),
  setRule: (body: ListRuleBody) => api.put<ListRuleBody>(`${BASE}/lists/rule`, body),
  month: (month: string, signal?: AbortSignal) =>
    api.get<Publication>(`${BASE}/lists/month`, { query: { month }, signal }),
  publications: (signal?: AbortSignal) => api.get<{ items: Publication[] }>(`${BASE}/lists`, { signal }),
  publish: (month: string) => api.post<Publication>(`${BASE}/lists`, { month }),
  volunteers: (query: VolunteerQuery, signal?: AbortSignal) =>
    api.get<Page<Volunteer>>(`${BASE}/volunteers`, { query: q(query), signal }),
  setVolunteerStatus: (id: string, status: VolunteerStatus) =>
    api.post<Volunteer>(`${BASE}/volunteers/${enc(id)}/status`, { status }),
  shifts: (query: ShiftQuery, signal?: AbortSignal) =>
    api.get<Page<Shift>>(`${BASE}/shifts`, { query: q(query), signal }),
  createShift: (body: ShiftCreate) => api.post<Shift>(`${BASE}/shifts`, body),
  recordShift: (id: string, status: 'served' | 'absent') =>
    api.post<Shift>(`${BASE}/shifts/${enc(id)}/record`, { status }),
  committees: (query: CommitteeQuery, signal?: AbortSignal) =>
    api.get<Page<Committee>>(`${BASE}/committees`, { query: q(query), signal }),
  createCommittee: (body: CommitteeCreate) => api.post<Committee>(`${BASE}/committees`, body),
  selfReports: (query: SelfReportQuery, signal?: AbortSignal) =>
    api.get<Page<SelfReport>>(`${BASE}/self-reports`, { query: q(query), signal }),
  addSelfReport: (id: string, body: SelfReportCreate) =>
    api.post<SelfReport>(`${BASE}/committees/${enc(id)}/self-reports`, body),
  template: (signal?: AbortSignal) => api.get<AgreementTemplateState>(`${BASE}/template`, { signal }),
  saveTemplate: (body: AgreementTemplate) => api.put<AgreementTemplateState>(`${BASE}/template`, body),
  resetTemplate: () => api.delete<AgreementTemplateState>(`${BASE}/template`),
  figures: (from: string, to: string, signal?: AbortSignal) =>
    api.get<Figures>(`${BASE}/figures`, { query: { from, to }, signal }),
};
