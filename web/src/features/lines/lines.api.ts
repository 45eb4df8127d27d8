import type { Asset } from '../../../../common/contracts/assets.ts';
import type {
  DutyDay,
  DutyDayBody,
  LineItemFigures,
  LineShared,
  LineSharedBody,
  LineSummary,
  LinesSettingBody,
} from '../../../../common/contracts/lines.ts';
import type { Line } from '../../../../common/domain/lines.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { FeatureCollection } from 'geojson';
import { api, type Query } from '../../api/client.ts';

export type { DutyDay, LineShared, LineSummary, LinesSettingBody };
export type LineItem = Asset & { figures: LineItemFigures };

const BASE = '/api/lines';

/** docs/lines.md */
export const linesApi = {
  settings: (signal?: AbortSignal) => api.get<LinesSettingBody>(`${BASE}/settings`, { signal }),
  saveSettings: (body: LinesSettingBody) => api.put<LinesSettingBody>(`${BASE}/settings`, body),
  shared: (signal?: AbortSignal) => api.get<{ items: LineShared[] }>(`${BASE}/shared`, { signal }),
  saveShared: (line: Line, body: LineSharedBody) => api.put<LineShared>(`${BASE}/${line}/shared`, body),
  summary: (line: Line, signal?: AbortSignal) => api.get<LineSummary>(`${BASE}/${line}/summary`, { signal }),
  async items(line: Line, query: Query, signal?: AbortSignal): Promise<Page<LineItem>> {
    const res = await api.get<Page<Asset> & { figures: LineItemFigures[] }>(`${BASE}/${line}/items`, {
      query,
      signal,
    });
    const byId = new Map(res.figures.map((f) => [f.id, f]));
    return { ...res, items: res.items.map((a) => ({ ...a, figures: byId.get(a.id)! })) };
  },
  layer: (line: Line, signal?: AbortSignal) => api.get<FeatureCollection>(`${BASE}/${line}/layer`, { signal }),
  duty: (from: string, to: string, signal?: AbortSignal) =>
    api.get<{ items: DutyDay[] }>(`${BASE}/drainage/duty`, { query: { from, to }, signal }),
  saveDuty: (date: string, body: DutyDayBody) => api.put<DutyDay>(`${BASE}/drainage/duty/${date}`, body),
  clearDuty: (date: string) => api.delete<null>(`${BASE}/drainage/duty/${date}`),
};
