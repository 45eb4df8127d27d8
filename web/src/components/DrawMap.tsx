import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from '../../../common/domain/geo.ts';
import { api } from '../api/client.ts';
import { NOWHERE } from './map-start.ts';
import { areaLabels, hideRoadLabelsWhenFar, roadLayer } from './map-labels.ts';

export type DrawMode = 'LineString' | 'Polygon';
export type DrawnGeometry = { type: 'LineString' | 'Polygon'; coordinates: unknown };

/** A shape already on the map: `active` ones in yellow, the others grey; its label is the tooltip. */
export interface MapShape {
  id: string;
  geometry: DrawnGeometry;
  label: string;
  active: boolean;
}

interface Props {
  /** the shapes around the one being drawn (the one being edited is left out by the caller) */
  shapes: MapShape[];
  /** the shape being drawn: its points so far */
  points?: [number, number][];
  mode?: DrawMode | null;
  /** given: a click on the map adds a point */
  onAdd?: (p: [number, number]) => void;
  onSelect?: (shape: MapShape) => void;
  height?: number;
  testId?: string;
}

const ZONE_STYLE: L.PathOptions = { color: '#d48806', weight: 6, fillColor: '#faad14', fillOpacity: 0.45 };
const OFF_STYLE: L.PathOptions = { color: '#bfbfbf', weight: 4, fillColor: '#bfbfbf', fillOpacity: 0.3 };
const DRAW_STYLE: L.PathOptions = { color: '#f5222d', weight: 4, fillColor: '#f5222d', fillOpacity: 0.2 };
const round = (v: number) => Math.round(v * 1e7) / 1e7;

const layerOf = (level: 'street' | 'community') => api.get<FeatureCollection>(`/api/geo/layers/${level}`);

/**
 * A drawing map (no tiles: the city's streets, community names and named roads on a plain background, as the other
 * console maps, docs/conventions.md "Maps"): the shapes around in yellow (grey when not in force) and, while
 * drawing, the new line or area in red; a click adds a point. Used for 文明黄线 zones and 门前三包 areas.
 */
export function DrawMap({ shapes, points = [], mode = null, onAdd, onSelect, height = 360, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const zoneLayer = useRef<L.LayerGroup | null>(null);
  const drawLayer = useRef<L.LayerGroup | null>(null);
  const add = useRef(onAdd);
  const select = useRef(onSelect);
  const fitted = useRef(false);
  useEffect(() => {
    add.current = onAdd;
    select.current = onSelect;
  });

  useEffect(() => {
    if (!el.current) return undefined;
    const m = L.map(el.current, { center: [NOWHERE.lat, NOWHERE.lng], zoom: 6, attributionControl: false });
    map.current = m;
    hideRoadLabelsWhenFar(m);
    zoneLayer.current = L.layerGroup().addTo(m);
    drawLayer.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => add.current?.([round(e.latlng.lng), round(e.latlng.lat)]));
    let alive = true;
    layerOf('street')
      .then((fc) => {
        if (!alive) return;
        const layer = L.geoJSON(fc, {
          style: { color: '#595959', weight: 1.5, fillColor: '#bae0ff', fillOpacity: 0.12 },
          interactive: false,
        }).addTo(m);
        layer.bringToBack();
        if (!fitted.current && fc.features.length) m.fitBounds(layer.getBounds());
      })
      .catch(() => undefined);
    layerOf('community')
      .then(
        (fc) => alive && areaLabels(L.geoJSON(fc, { style: { fill: false, weight: 0 }, interactive: false })).addTo(m),
      )
      .catch(() => undefined);
    api
      .get<FeatureCollection>('/api/gazetteer/roads')
      .then((fc) => alive && roadLayer(fc).addTo(m))
      .catch(() => undefined);
    return () => {
      alive = false;
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = zoneLayer.current;
    if (!m || !group) return;
    group.clearLayers();
    for (const z of shapes) {
      const layer = L.geoJSON(z.geometry, { style: z.active ? ZONE_STYLE : OFF_STYLE });
      layer.bindTooltip(z.label);
      layer.on('click', () => select.current?.(z));
      group.addLayer(layer);
    }
    if (!fitted.current && shapes.length && !points.length) {
      const bounds = L.featureGroup(group.getLayers()).getBounds();
      if (bounds.isValid()) {
        m.fitBounds(bounds, { padding: [16, 16] });
        fitted.current = true;
      }
    }
  }, [shapes, points.length]);

  useEffect(() => {
    const m = map.current;
    const group = drawLayer.current;
    if (!m || !group) return;
    group.clearLayers();
    const ll = points.map(([lng, lat]) => L.latLng(lat, lng));
    for (const p of ll) L.circleMarker(p, { radius: 4, color: '#f5222d', weight: 2 }).addTo(group);
    if (ll.length >= 2) (mode === 'Polygon' ? L.polygon(ll, DRAW_STYLE) : L.polyline(ll, DRAW_STYLE)).addTo(group);
    if (ll.length && !fitted.current) {
      m.fitBounds(L.latLngBounds(ll).pad(2));
      fitted.current = true;
    }
  }, [points, mode]);

  return (
    <div
      ref={el}
      data-testid={testId}
      data-points={points.length}
      style={{ height, width: '100%', background: '#e8ecf1', borderRadius: 8, cursor: onAdd ? 'crosshair' : undefined }}
    />
  );
}

/** The GeoJSON of what was drawn, or null while it is too short. */
export function geometryOf(mode: DrawMode, points: [number, number][]): DrawnGeometry | null {
  if (mode === 'LineString') return points.length >= 2 ? { type: 'LineString', coordinates: points } : null;
  if (points.length < 3) return null;
  const first = points[0] as [number, number];
  return { type: 'Polygon', coordinates: [[...points, first]] };
}

/** The points of a stored geometry, for editing (a polygon's closing point left out). */
export function pointsOf(g: DrawnGeometry): [number, number][] {
  if (g.type === 'LineString') return g.coordinates as [number, number][];
  const ring = (g.coordinates as [number, number][][])[0] ?? [];
  return ring.slice(0, -1);
}
