import type { AreaLeaves, AreaTree, PlaceHits } from '../../../../common/contracts/gazetteer.ts';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import { api } from '../../api/client.ts';

export type { AreaLeaves, AreaTree, PlaceHits };

/** The staff side of the gazetteer (docs/gazetteer.md). */
export const gazetteerApi = {
  search: (q: string, signal?: AbortSignal) =>
    api.get<PlaceHits>('/api/gazetteer/search', { query: { q, limit: 10 }, signal }),
  areas: (signal?: AbortSignal) => api.get<AreaTree>('/api/gazetteer/areas', { signal }),
  grids: (community: string, signal?: AbortSignal) =>
    api.get<AreaLeaves>(`/api/gazetteer/areas/${community}/grids`, { signal }),
  roads: (signal?: AbortSignal) => api.get<FeatureCollection>('/api/gazetteer/roads', { signal }),
};
