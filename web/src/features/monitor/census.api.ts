import type {
  CensusCampaign,
  CensusCampaignCreate,
  CensusCampaignDetail,
  CensusRecordBatch,
  CensusRecordReceipt,
  CensusTask,
  CensusTaskDetail,
} from '../../../../common/contracts/census.ts';
import type { CatalogEntry } from '../../../../common/contracts/catalog.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { InspectorMissedList, MissedCasePage } from '../../../../common/contracts/monitor-missed.ts';
import type { Region } from '../../../../common/contracts/org.ts';
import { api } from '../../api/client.ts';

export type { CensusCampaign, CensusCampaignDetail, CensusTask, CensusTaskDetail, InspectorMissedList, MissedCasePage };

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/monitor';

/** Per-inspector 漏报 and 专项普查 (docs/monitor.md). */
export const censusApi = {
  missed: (from: string, to: string, signal?: AbortSignal) =>
    api.get<InspectorMissedList>(`${BASE}/missed`, { query: { from, to }, signal }),
  missedCases: (inspectorId: string, from: string, to: string, page: number, signal?: AbortSignal) =>
    api.get<MissedCasePage>(`${BASE}/inspectors/${enc(inspectorId)}/missed`, {
      query: { from, to, page, pageSize: 10 },
      signal,
    }),
  campaigns: (signal?: AbortSignal) => api.get<CensusCampaign[]>(`${BASE}/census`, { signal }),
  campaign: (id: string, signal?: AbortSignal) =>
    api.get<CensusCampaignDetail>(`${BASE}/census/${enc(id)}`, { signal }),
  create: (body: CensusCampaignCreate) => api.post<CensusCampaignDetail>(`${BASE}/census`, body),
  myTasks: (signal?: AbortSignal) => api.get<CensusTask[]>(`${BASE}/census-tasks/mine`, { signal }),
  task: (id: string, signal?: AbortSignal) => api.get<CensusTaskDetail>(`${BASE}/census-tasks/${enc(id)}`, { signal }),
  /** With a key (the inspector app's offline queue), a batch sent again records nothing twice. */
  record: (id: string, body: CensusRecordBatch, idempotencyKey?: string) =>
    api.post<CensusRecordReceipt>(`${BASE}/census-tasks/${enc(id)}/records`, body, { idempotencyKey }),
  /** the streets and communities a campaign may cover */
  regions: (kind: 'street' | 'community', signal?: AbortSignal) =>
    api.get<Page<Region>>('/api/org/regions', { query: { kind, pageSize: 200 }, signal }),
  /** component classes (GB/T 47678.5) for the campaign form */
  classes: (q: string | undefined, signal?: AbortSignal) =>
    api.get<Page<CatalogEntry>>('/api/catalog/entries', {
      query: { kind: 'component', active: true, pageSize: 50, q },
      signal,
    }),
};
