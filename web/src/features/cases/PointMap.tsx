import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { NOWHERE } from '../../components/map-start.ts';
import { areaLabels, hideRoadLabelsWhenFar, roadLayer } from '../../components/map-labels.ts';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import { gazetteerApi } from '../gazetteer/gazetteer.api.ts';
import { casesApi, type StreetLayer } from './cases.api.ts';

export interface LngLat {
  lng: number;
  lat: number;
}

interface Props {
  value: LngLat | null;
  /** given: a click on the map picks the point */
  onPick?: (point: LngLat) => void;
  height?: number;
  testId?: string;
}

const START: L.LatLngExpression = [NOWHERE.lat, NOWHERE.lng];
const STYLES: Record<Level, L.PathOptions> = {
  street: { color: '#595959', weight: 1.5, fillColor: '#bae0ff', fillOpacity: 0.18 },
  community: { color: '#8c8c8c', weight: 1, dashArray: '4 4', fill: false },
};
const POINT_STYLE: L.CircleMarkerOptions = {
  radius: 8,
  color: '#ffffff',
  weight: 2,
  fillColor: '#f5222d',
  fillOpacity: 1,
};

type Level = 'street' | 'community';
// Boundaries change rarely: one request per level and page load, shared by every small map.
const cache: Partial<Record<Level, Promise<StreetLayer>>> = {};
const loadLayer = (level: Level) => {
  cache[level] ??= casesApi.areas(level).catch((error: unknown) => {
    delete cache[level];
    throw error;
  });
  return cache[level];
};

let roads: Promise<FeatureCollection> | undefined;
const loadRoads = () => {
  roads ??= gazetteerApi.roads().catch((error: unknown) => {
    roads = undefined;
    throw error;
  });
  return roads;
};

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * A small offline map showing one point (no tiles: the city's street and community boundaries, community names and
 * the named roads of the gazetteer on a plain background,
 * docs/conventions.md, "Maps"); with `onPick` a click places it. Coordinates are WGS84.
 */
export function PointMap({ value, onPick, height = 240, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  const first = useRef(value);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    if (!container.current) return undefined;
    const start = first.current;
    const m = L.map(container.current, {
      center: start ? [start.lat, start.lng] : START,
      zoom: start ? 15 : 6,
      attributionControl: false,
      preferCanvas: true,
    });
    map.current = m;
    hideRoadLabelsWhenFar(m);
    // The point in its own pane above the boundaries, which arrive later and would otherwise paint over it.
    m.createPane('point').style.zIndex = '650';
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.({ lng: round(e.latlng.lng), lat: round(e.latlng.lat) }));
    let alive = true;
    for (const level of ['street', 'community'] as const) {
      loadLayer(level)
        .then((fc) => {
          if (!alive) return;
          const layer = L.geoJSON(fc, { style: () => STYLES[level], interactive: false }).addTo(m);
          if (level === 'street' && !marker.current && fc.features.length > 0)
            m.fitBounds(layer.getBounds(), { padding: [8, 8] });
          if (level === 'street') layer.bringToBack();
          // Community names as vector labels: an operator finds 儒学社区 without a tile basemap.
          if (level === 'community') areaLabels(layer).addTo(m);
        })
        .catch(() => undefined);
    }
    loadRoads()
      .then((fc) => alive && roadLayer(fc).addTo(m))
      .catch(() => undefined);
    return () => {
      alive = false;
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at = L.latLng(value.lat, value.lng);
    if (marker.current) marker.current.setLatLng(at);
    else
      marker.current = L.circleMarker(at, { ...POINT_STYLE, pane: 'point', renderer: L.svg({ pane: 'point' }) }).addTo(
        m,
      );
    // A new point is shown close enough to read the road and community names around it.
    if (!m.getBounds().contains(at) || m.getZoom() < 15) m.setView(at, Math.max(m.getZoom(), 15));
  }, [value]);

  return (
    <div
      ref={container}
      data-testid={testId}
      data-lng={value?.lng}
      data-lat={value?.lat}
      style={{
        height,
        width: '100%',
        background: '#e8ecf1',
        borderRadius: 8,
        cursor: onPick ? 'crosshair' : undefined,
        zIndex: 0,
      }}
    />
  );
}
