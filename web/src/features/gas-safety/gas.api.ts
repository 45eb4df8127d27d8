import type {
  GasCheck,
  GasCheckCreate,
  GasCheckQuery,
  GasFigures,
  GasHazard,
  GasHazardCreate,
  GasHazardQuery,
  GasInstall,
  GasInstallCreate,
  GasInstallQuery,
  GasProgress,
  GasReinspect,
  GasRectify,
  GasTargetPut,
} from '../../../../common/contracts/gas-safety.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { GasCheck, GasFigures, GasHazard, GasInstall, GasProgress };

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/gas';

/** The 燃气安全 API (docs/gas-safety.md). */
export const gasApi = {
  checks: (query: GasCheckQuery, signal?: AbortSignal) => api.get<Page<GasCheck>>(`${BASE}/checks`, { query, signal }),
  createCheck: (body: GasCheckCreate) => api.post<GasCheck>(`${BASE}/checks`, body),
  hazards: (query: GasHazardQuery, signal?: AbortSignal) =>
    api.get<Page<GasHazard>>(`${BASE}/hazards`, { query, signal }),
  createHazard: (body: GasHazardCreate) => api.post<GasHazard>(`${BASE}/hazards`, body),
  rectify: (id: string, body: GasRectify) => api.post<GasHazard>(`${BASE}/hazards/${enc(id)}/rectify`, body),
  reinspect: (id: string, body: GasReinspect) => api.post<GasHazard>(`${BASE}/hazards/${enc(id)}/reinspect`, body),
  installs: (query: GasInstallQuery, signal?: AbortSignal) =>
    api.get<Page<GasInstall>>(`${BASE}/installs`, { query, signal }),
  addInstall: (body: GasInstallCreate) => api.post<GasInstall>(`${BASE}/installs`, body),
  progress: (year: number, signal?: AbortSignal) =>
    api.get<GasProgress>(`${BASE}/progress`, { query: { year }, signal }),
  putTarget: (body: GasTargetPut) => api.put<GasProgress>(`${BASE}/targets`, body),
  figures: (from: string, to: string, signal?: AbortSignal) =>
    api.get<GasFigures>(`${BASE}/figures`, { query: { from, to }, signal }),
};
