import type {
  FundInput,
  MapPoint,
  MilestoneInput,
  MilestoneProgress,
  ProjectDetail,
  ProjectFigures,
  ProjectInput,
  ProjectPatch,
  ProjectQuery,
  ProjectSummary,
  ReportInput,
  SubprojectInput,
  WeightsInput,
} from '../../../../common/contracts/projects.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';

export type { MapPoint, ProjectDetail, ProjectFigures, ProjectSummary };

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;
const BASE = '/api/projects';
const sub = (id: string, subId: string) => `${BASE}/${enc(id)}/subprojects/${enc(subId)}`;

export const projectsApi = {
  list: (query: ProjectQuery, signal?: AbortSignal) => api.get<Page<ProjectSummary>>(BASE, { query: q(query), signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ProjectDetail>(`${BASE}/${enc(id)}`, { signal }),
  create: (body: ProjectInput) => api.post<ProjectDetail>(BASE, body),
  update: (id: string, body: ProjectPatch) => api.patch<ProjectDetail>(`${BASE}/${enc(id)}`, body),
  figures: (from: string, to: string, signal?: AbortSignal) =>
    api.get<ProjectFigures>(`${BASE}/figures`, { query: { from, to }, signal }),
  map: (signal?: AbortSignal) => api.get<{ items: MapPoint[] }>(`${BASE}/map`, { signal }),
  addFund: (id: string, body: FundInput) => api.post<ProjectDetail>(`${BASE}/${enc(id)}/funds`, body),
  removeFund: (id: string, fundId: string) => api.delete<ProjectDetail>(`${BASE}/${enc(id)}/funds/${enc(fundId)}`),
  addSubproject: (id: string, body: SubprojectInput) =>
    api.post<{ id: string }>(`${BASE}/${enc(id)}/subprojects`, body),
  setWeights: (id: string, body: WeightsInput) => api.put<{ ok: boolean }>(`${BASE}/${enc(id)}/weights`, body),
  addMilestone: (id: string, subId: string, body: MilestoneInput) =>
    api.post<{ id: string }>(`${sub(id, subId)}/milestones`, body),
  milestoneProgress: (id: string, subId: string, milestoneId: string, body: MilestoneProgress) =>
    api.put<{ ok: boolean }>(`${sub(id, subId)}/milestones/${enc(milestoneId)}/progress`, body),
  addReport: (id: string, body: ReportInput) => api.post<{ id: string }>(`${BASE}/${enc(id)}/reports`, body),
};
