import type {
  CoverageReport,
  Lead,
  LeadAction,
  LeadQuery,
  Track,
  Vehicle,
  VehicleQuery,
} from '../../../../common/contracts/vehicles.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { CoverageReport, Lead, Track, Vehicle };

const BASE = '/api/vehicles';
const enc = (value: string) => encodeURIComponent(value);

export const vehiclesApi = {
  list: (query: VehicleQuery, signal?: AbortSignal) => api.get<Page<Vehicle>>(BASE, { query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Vehicle>(`${BASE}/${enc(id)}`, { signal }),
  track: (id: string, day: string, signal?: AbortSignal) =>
    api.get<Track>(`${BASE}/${enc(id)}/track`, { query: { day }, signal }),
  coverage: (day: string, signal?: AbortSignal) =>
    api.get<CoverageReport>(`${BASE}/coverage`, { query: { day }, signal }),
  compute: (day: string) => api.post<CoverageReport>(`${BASE}/coverage/compute`, { day }),
  leads: (query: LeadQuery, signal?: AbortSignal) => api.get<Page<Lead>>(`${BASE}/leads`, { query, signal }),
  handle: (id: string, body: LeadAction) => api.post<Lead>(`${BASE}/leads/${enc(id)}/handle`, body),
};
