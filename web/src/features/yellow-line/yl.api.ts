import type { MapShape } from '../../components/DrawMap.tsx';
import type {
  InspectionCreate,
  YellowLineFigures,
  Zone,
  ZoneCreate,
  ZoneDetail,
  ZoneGeometry,
  ZoneQuery,
  ZoneUpdate,
} from '../../../../common/contracts/yellow-line.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { PermitState, YellowLineSettings } from '../../../../common/domain/yellow-line.ts';
import { api } from '../../api/client.ts';

export type { YellowLineFigures, Zone, ZoneDetail, ZoneGeometry };

export interface MapZone {
  id: string;
  zoneNo: string;
  holderKind: 'shop' | 'stall';
  holderName: string;
  geometry: ZoneGeometry;
  permitState: PermitState;
}

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/yellow-line';

export const ylApi = {
  zones: (query: ZoneQuery, signal?: AbortSignal) => api.get<Page<Zone>>(`${BASE}/zones`, { query: query, signal }),
  zone: (id: string, signal?: AbortSignal) => api.get<ZoneDetail>(`${BASE}/zones/${enc(id)}`, { signal }),
  map: (signal?: AbortSignal) => api.get<{ items: MapZone[] }>(`${BASE}/map`, { signal }),
  create: (body: ZoneCreate) => api.post<ZoneDetail>(`${BASE}/zones`, body),
  update: (id: string, body: ZoneUpdate) => api.patch<ZoneDetail>(`${BASE}/zones/${enc(id)}`, body),
  inspect: (id: string, body: InspectionCreate) => api.post<ZoneDetail>(`${BASE}/zones/${enc(id)}/inspections`, body),
  figures: (from: string, to: string, signal?: AbortSignal) =>
    api.get<YellowLineFigures>(`${BASE}/figures`, { query: { from, to }, signal }),
  settings: (signal?: AbortSignal) => api.get<YellowLineSettings>(`${BASE}/settings`, { signal }),
  saveSettings: (body: YellowLineSettings) => api.put<YellowLineSettings>(`${BASE}/settings`, body),
};

/** Tag colours of a permit's state. */
export const STATE_COLORS: Record<PermitState, string> = {
  active: 'green',
  pending: 'blue',
  expired: 'default',
  suspended: 'orange',
  revoked: 'red',
};

/** The zones as shapes of the drawing map: yellow while in force, labelled with number and name. */
export const zoneShapes = (zones: MapZone[]): MapShape[] =>
  zones.map((z) => ({
    id: z.id,
    geometry: z.geometry,
    label: `${z.zoneNo} ${z.holderName}`,
    active: z.permitState === 'active',
  }));
