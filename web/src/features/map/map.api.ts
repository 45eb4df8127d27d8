import type { ClustersResult, Component } from '../../../../common/contracts/components.ts';
import type { GeoLayerLevel } from '../../../../common/contracts/geo.ts';
import type { AreaGeometry, Bbox, FeatureCollection } from '../../../../common/domain/geo.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';
import { bboxParam } from './map-style.ts';

export type { ClustersResult, Component, GeoLayerLevel };

/** Properties the layers carry (contracts/geo.ts FeatureCollectionOut): grids add communityCode/communityName/areaM2. */
export interface AreaProps {
  id?: string;
  code?: string;
  name?: string;
  kind?: string;
  communityCode?: string;
  communityName?: string;
  areaM2?: number;
  synthetic?: boolean;
}
export type AreaCollection = FeatureCollection<AreaGeometry, AreaProps>;

const enc = (value: string) => encodeURIComponent(value);

export const mapApi = {
  /** tenant / street / community / grid as WGS84 GeoJSON; grids filtered by bbox (the map asks only for its view). */
  layer: (level: GeoLayerLevel, bbox: Bbox | null, signal?: AbortSignal) =>
    api.get<AreaCollection>(`/api/geo/layers/${level}`, {
      query: { bbox: bbox ? bboxParam(bbox) : undefined },
      signal,
    }),
  clusters: (zoom: number, bbox: Bbox, signal?: AbortSignal) =>
    api.get<ClustersResult>('/api/components/clusters', { query: { zoom, bbox: bboxParam(bbox) }, signal }),
  component: (code: string, signal?: AbortSignal) => api.get<Component>(`/api/components/${enc(code)}`, { signal }),
  /** The members of one cluster cell (when zooming in cannot split it). */
  componentsIn: (bbox: Bbox, signal?: AbortSignal) =>
    api.get<Page<Component>>('/api/components', {
      query: { bbox: bboxParam(bbox), pageSize: 50, sort: 'code', order: 'asc' },
      signal,
    }),
};
