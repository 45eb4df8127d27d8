import type { CaseDetail, CaseSummary, CaseTransition } from '../../../../common/contracts/cases.ts';
import type { CatalogEntry } from '../../../../common/contracts/catalog.ts';
import type { Location } from '../../../../common/contracts/geo.ts';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { CaseDetail, CaseSummary, CatalogEntry, Location };
export type TaskInbox = 'verifying' | 'checking';
/** the handler's lists: the unit's cases to handle, and those suspended (挂账) */
export type HandlerInbox = 'handling' | 'suspended';
export type StreetLayer = FeatureCollection;

const enc = (value: string) => encodeURIComponent(value);

/** The inspector's reads and task actions, through the shared client (CSRF, language, error shape). */
export const h5Api = {
  /** my 核实 (verifying) or 核查 (checking) tasks */
  tasks: (inbox: TaskInbox, signal?: AbortSignal) =>
    api.get<Page<CaseSummary>>('/api/cases', { query: { inbox, mine: true, pageSize: 50 }, signal }),
  /** how many 核实 and 核查 tasks are mine, counted by the server (the tab bar's badge) */
  taskCounts: (signal?: AbortSignal) =>
    api.get<Partial<Record<TaskInbox, number>>>('/api/cases/counts', { query: { mine: true }, signal }),
  /** the cases of my unit in one handler list (the server narrows them to the units of my grants) */
  handlerTasks: (inbox: HandlerInbox, signal?: AbortSignal) =>
    api.get<Page<CaseSummary>>('/api/cases', { query: { inbox, pageSize: 50 }, signal }),
  /** the counts of every list within my unit (the handler's badge reads `handling`) */
  unitCounts: (signal?: AbortSignal) => api.get<Partial<Record<HandlerInbox, number>>>('/api/cases/counts', { signal }),
  caseDetail: (id: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${enc(id)}`, { signal }),
  transition: (id: string, body: CaseTransition) => api.post<CaseDetail>(`/api/cases/${enc(id)}/transitions`, body),
  matters: (q: string, signal?: AbortSignal) =>
    api.get<Page<CatalogEntry>>('/api/catalog/entries', {
      query: { q: q || undefined, kind: 'matter', active: true, pageSize: 20 },
      signal,
    }),
  /** one page of the whole active matter list, for the offline cache */
  matterPage: (page: number, signal?: AbortSignal) =>
    api.get<Page<CatalogEntry>>('/api/catalog/entries', {
      query: { kind: 'matter', active: true, page, pageSize: 200 },
      signal,
    }),
  streets: (signal?: AbortSignal) => api.get<StreetLayer>('/api/geo/layers/street', { signal }),
  locate: (lng: number, lat: number, signal?: AbortSignal) =>
    api.get<Location>('/api/geo/locate', { query: { lng, lat }, signal }),
};
