import type {
  AdInspectionCreate,
  AdRemoval,
  AdRemovalCreate,
  AdRemovalQuery,
  AdReminderList,
  FloodSweep,
  OutdoorAd,
  OutdoorAdCreate,
  OutdoorAdDetail,
  OutdoorAdQuery,
} from '../../../../common/contracts/outdoor-ads.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';

export type { AdRemoval, AdReminderList, FloodSweep, OutdoorAd, OutdoorAdDetail };

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;
const BASE = '/api/outdoor-ads';

export const oaApi = {
  ads: (query: OutdoorAdQuery, signal?: AbortSignal) =>
    api.get<Page<OutdoorAd>>(`${BASE}/ads`, { query: q(query), signal }),
  ad: (id: string, signal?: AbortSignal) => api.get<OutdoorAdDetail>(`${BASE}/ads/${enc(id)}`, { signal }),
  create: (body: OutdoorAdCreate) => api.post<OutdoorAdDetail>(`${BASE}/ads`, body),
  inspect: (id: string, body: AdInspectionCreate) =>
    api.post<OutdoorAdDetail>(`${BASE}/ads/${enc(id)}/inspections`, body),
  reminders: (withinDays: number, signal?: AbortSignal) =>
    api.get<AdReminderList>(`${BASE}/reminders`, { query: { withinDays }, signal }),
  floodSweep: (year: number, signal?: AbortSignal) =>
    api.get<FloodSweep>(`${BASE}/flood-sweep`, { query: { year }, signal }),
  removals: (query: AdRemovalQuery, signal?: AbortSignal) =>
    api.get<Page<AdRemoval>>(`${BASE}/removals`, { query: q(query), signal }),
  remove: (body: AdRemovalCreate) => api.post<AdRemoval>(`${BASE}/removals`, body),
};

export const RESULT_COLORS = { pass: 'success', hazard: 'warning', fail: 'error' } as const;
