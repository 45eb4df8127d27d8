import type {
  Proposal,
  ProposalCreate,
  ProposalFigures,
  ProposalQuery,
  ProposalSettings,
  ProposalSummary,
  ProposalTask,
  SatisfactionRecord,
  TaskCreate,
  TaskQuery,
} from '../../../../common/contracts/proposals.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { Proposal, ProposalFigures, ProposalQuery, ProposalSummary, ProposalTask, TaskQuery };
const enc = encodeURIComponent;
const BASE = '/api/proposals';
const one = (id: string) => `${BASE}/${enc(id)}`;

export const proposalsApi = {
  list: (query: ProposalQuery, signal?: AbortSignal) => api.get<Page<ProposalSummary>>(BASE, { query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Proposal>(one(id), { signal }),
  figures: (from: string, to: string, signal?: AbortSignal) =>
    api.get<ProposalFigures>(`${BASE}/figures`, { query: { from, to }, signal }),
  tasks: (query: TaskQuery, signal?: AbortSignal) => api.get<Page<ProposalTask>>(`${BASE}/tasks`, { query, signal }),
  settings: (signal?: AbortSignal) => api.get<ProposalSettings>(`${BASE}/settings`, { signal }),
  putSettings: (body: ProposalSettings) => api.put<ProposalSettings>(`${BASE}/settings`, body),
  create: (body: ProposalCreate) => api.post<Proposal>(BASE, body),
  assign: (id: string, body: TaskCreate) => api.post<Proposal>(`${one(id)}/tasks`, body),
  complete: (id: string, taskId: string, result: string) =>
    api.post<Proposal>(`${one(id)}/tasks/${enc(taskId)}/complete`, { result }),
  draft: (id: string, text: string) => api.put<Proposal>(`${one(id)}/reply`, { text }),
  submit: (id: string) => api.post<Proposal>(`${one(id)}/reply/submit`, {}),
  approve: (id: string, note?: string) => api.post<Proposal>(`${one(id)}/reply/approve`, { note }),
  return: (id: string, note: string) => api.post<Proposal>(`${one(id)}/reply/return`, { note }),
  send: (id: string) => api.post<Proposal>(`${one(id)}/reply/send`, {}),
  rate: (id: string, body: SatisfactionRecord) => api.post<Proposal>(`${one(id)}/satisfaction`, body),
};

export const STATUS_COLORS = {
  registered: 'default',
  handling: 'processing',
  replied: 'cyan',
  closed: 'success',
} as const;
export const REPLY_COLORS = { draft: 'default', submitted: 'gold', approved: 'green', returned: 'red' } as const;
export const SATISFACTION_COLORS = { satisfied: 'green', basically: 'blue', dissatisfied: 'red' } as const;
