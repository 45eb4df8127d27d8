import type {
  Campaign,
  CampaignCreate,
  CampaignUpdate,
  CampaignFigures,
  CampaignQuery,
  Honour,
  HonourCreate,
  Problem,
  ProblemCreate,
  ProblemList,
  ProblemListCreate,
  ProblemListQuery,
  ProblemQuery,
  ProblemStep,
  Publicity,
  PublicityCreate,
  QuantityReport,
  QuantityReportCreate,
  RecordQuery,
  Task,
  TaskCreate,
  TaskProgress,
  TaskQuery,
  Topic,
  TopicCreate,
  TopicUpdate,
} from '../../../../common/contracts/campaigns.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { Campaign, CampaignFigures, Honour, Problem, ProblemList, Publicity, QuantityReport, Task, Topic };

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/campaigns';

/** The 专项行动 API (docs/campaigns.md). */
export const cpApi = {
  list: (query: CampaignQuery, signal?: AbortSignal) => api.get<Page<Campaign>>(BASE, { query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Campaign>(`${BASE}/${enc(id)}`, { signal }),
  create: (body: CampaignCreate) => api.post<Campaign>(BASE, body),
  update: (id: string, body: CampaignUpdate) => api.patch<Campaign>(`${BASE}/${enc(id)}`, body),
  close: (id: string) => api.post<Campaign>(`${BASE}/${enc(id)}/close`),
  figures: (from: string, to: string, signal?: AbortSignal) =>
    api.get<CampaignFigures>(`${BASE}/figures`, { query: { from, to }, signal }),
  tasks: (id: string, query: TaskQuery, signal?: AbortSignal) =>
    api.get<Page<Task>>(`${BASE}/${enc(id)}/tasks`, { query, signal }),
  createTask: (id: string, body: TaskCreate) => api.post<Task>(`${BASE}/${enc(id)}/tasks`, body),
  progress: (taskId: string, body: TaskProgress) => api.post<Task>(`${BASE}/tasks/${enc(taskId)}/progress`, body),
  reports: (id: string, query: TaskQuery, signal?: AbortSignal) =>
    api.get<Page<QuantityReport>>(`${BASE}/${enc(id)}/reports`, { query, signal }),
  report: (taskId: string, body: QuantityReportCreate) =>
    api.post<QuantityReport>(`${BASE}/tasks/${enc(taskId)}/reports`, body),
  lists: (query: ProblemListQuery, signal?: AbortSignal) =>
    api.get<Page<ProblemList>>('/api/problem-lists', { query, signal }),
  createList: (body: ProblemListCreate) => api.post<ProblemList>('/api/problem-lists', body),
  items: (listId: string, query: ProblemQuery, signal?: AbortSignal) =>
    api.get<Page<Problem>>(`/api/problem-lists/${enc(listId)}/items`, { query, signal }),
  addItem: (listId: string, body: ProblemCreate) => api.post<Problem>(`/api/problem-lists/${enc(listId)}/items`, body),
  step: (id: string, body: ProblemStep) => api.post<Problem>(`/api/problems/${enc(id)}/step`, body),
  topics: (query: RecordQuery, signal?: AbortSignal) => api.get<Page<Topic>>('/api/research-topics', { query, signal }),
  createTopic: (body: TopicCreate) => api.post<Topic>('/api/research-topics', body),
  updateTopic: (id: string, body: TopicUpdate) => api.patch<Topic>(`/api/research-topics/${enc(id)}`, body),
  honours: (query: RecordQuery, signal?: AbortSignal) => api.get<Page<Honour>>('/api/honours', { query, signal }),
  createHonour: (body: HonourCreate) => api.post<Honour>('/api/honours', body),
  publicity: (query: RecordQuery, signal?: AbortSignal) =>
    api.get<Page<Publicity>>('/api/publicity', { query, signal }),
  createPublicity: (body: PublicityCreate) => api.post<Publicity>('/api/publicity', body),
  /** active units of the city for the pickers (org.read) */
  units: async (q: string, signal: AbortSignal) =>
    (
      await api.get<Page<{ id: string; name: string }>>('/api/org/units', {
        query: { q: q || undefined, pageSize: 50, active: true },
        signal,
      })
    ).items.map((u) => ({ value: u.id, label: u.name })),
};
