/**
 * Pure rules of the map: which zoom shows what, colours per component class, cluster sizes, and the bbox
 * arithmetic that decides when a layer must be fetched again. No Leaflet here, so it is unit-tested.
 */
import type { Bbox } from '../../../../common/domain/geo.ts';

/** Unit grids (~100 m) appear from this zoom: below it a viewport holds thousands of cells too small to read. */
export const GRID_MIN_ZOOM = 15;
/** Community names from this zoom; street names below it. */
export const COMMUNITY_LABEL_ZOOM = 14;
export const MIN_ZOOM = 10;
export const MAX_ZOOM = 19;
/** Map layers the user can switch; `components` are the clustered 管理部件. */
export const MAP_LAYERS = ['tenant', 'street', 'community', 'grid', 'components'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];
export type LayerVisibility = Record<MapLayer, boolean>;
export const DEFAULT_VISIBILITY: LayerVisibility = {
  tenant: true,
  street: true,
  community: true,
  grid: true,
  components: true,
};

/** Component major classes 01–05 (docs/standards.md, "Catalog: classes and codes") and their marker colours. */
export const CLASS_COLORS: Readonly<Record<string, string>> = {
  '01': '#1677ff',
  '02': '#fa8c16',
  '03': '#52c41a',
  '04': '#08979c',
  '05': '#722ed1',
};
/** A cluster mixing classes. */
export const MIXED_COLOR = '#595959';

export function classColor(classCode: string | undefined): string {
  return (classCode && CLASS_COLORS[classCode.slice(0, 2)]) || MIXED_COLOR;
}

/** Cluster disc radius in px: grows with the order of magnitude, so 10,000 is not a hundred times 100. */
export function clusterRadius(count: number): number {
  return Math.round(11 + 4 * Math.log10(Math.max(1, count)));
}

/** 1234 → "1234", 12345 → "12k": the label must fit the disc. */
export function clusterLabel(count: number): string {
  if (count < 10_000) return String(count);
  return `${Math.round(count / 1000)}k`;
}

/** The API's bbox parameter: minLng,minLat,maxLng,maxLat with 6 decimals (≈ 0.1 m), clamped to the globe. */
export function bboxParam(box: Bbox): string {
  const [a, b, c, d] = box;
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
  return [clamp(a, 180), clamp(b, 90), clamp(c, 180), clamp(d, 90)].map((v) => v.toFixed(6)).join(',');
}

export function containsBbox(outer: Bbox | null, inner: Bbox): boolean {
  return outer !== null && inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** The box grown by `ratio` of its size on every side (fetch a margin so small pans need no request). */
export function padBbox(box: Bbox, ratio: number): Bbox {
  const dx = (box[2] - box[0]) * ratio;
  const dy = (box[3] - box[1]) * ratio;
  return [box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy];
}

/**
 * The cell a server cluster belongs to: cells are anchored at 0°,0° (component.repository clusterCells), so the
 * mean position of the members identifies it. Used to list the members of a cluster that cannot be split by zooming.
 */
export function clusterCell(lng: number, lat: number, cellLng: number, cellLat: number): Bbox {
  const gx = Math.floor(lng / cellLng);
  const gy = Math.floor(lat / cellLat);
  return [gx * cellLng, gy * cellLat, (gx + 1) * cellLng, (gy + 1) * cellLat];
}
