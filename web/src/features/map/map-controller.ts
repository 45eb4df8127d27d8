/**
 * The Leaflet side of 一张图, kept out of React: areas (tenant, streets, communities, grids) on one canvas
 * renderer, so thousands of grid polygons stay smooth; component clusters from the server (≤ a few hundred per
 * view whatever the registry size) on an SVG renderer in their own pane above, so each marker is a DOM element
 * that can be clicked and tested. Grids and clusters are fetched for the visible box plus a margin, again only
 * when the view leaves what was fetched (or, for clusters, when the zoom changes).
 */
import * as L from 'leaflet';
import type { Bbox } from '../../../../common/domain/geo.ts';
import type { BasemapConfig } from './basemap.ts';
import { mapApi, type AreaCollection, type AreaProps, type ClustersResult } from './map.api.ts';
import {
  classColor,
  clusterCell,
  COMMUNITY_LABEL_ZOOM,
  containsBbox,
  DEFAULT_VISIBILITY,
  GRID_MIN_ZOOM,
  MAX_ZOOM,
  MIN_ZOOM,
  padBbox,
  type LayerVisibility,
  type MapLayer,
} from './map-style.ts';
import { AREA_STYLE, clusterIcon, GRID_SELECTED, GRID_STYLE, label } from './map-symbols.ts';
import { hideRoadLabelsWhenFar, roadLayer } from '../../components/map-labels.ts';
import { gazetteerApi } from '../gazetteer/gazetteer.api.ts';

export interface GridInfo {
  code: string;
  communityName: string | null;
  areaM2: number | null;
}
export interface MapStats {
  zoom: number;
  /** grid polygons drawn now (0 below GRID_MIN_ZOOM) */
  grids: number;
  /** components in the fetched clusters */
  components: number;
}
export interface MapEvents {
  onGrid: (grid: GridInfo | null) => void;
  onComponent: (code: string) => void;
  /** a cluster that zooming in cannot split: list its members */
  onClusterCell: (cell: Bbox) => void;
  onStats: (stats: MapStats) => void;
  onError: (layer: MapLayer, error: unknown) => void;
}
export interface MapLabels {
  zoomIn: string;
  zoomOut: string;
}

const toBbox = (b: L.LatLngBounds): Bbox => [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

export function createCityMap(el: HTMLElement, events: MapEvents, labels: MapLabels) {
  // Any start view will do: it is replaced by the tenant's extent as soon as the boundary layer arrives.
  const map = L.map(el, {
    preferCanvas: true,
    zoomControl: false,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    center: [34, 108],
    zoom: MIN_ZOOM,
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noreferrer">Leaflet</a>');
  const pane = map.createPane('components');
  pane.style.zIndex = '450';
  const canvas = L.canvas({ padding: 0.5 });
  const svg = L.svg({ pane: 'components', padding: 0.5 });
  let zoomControl = L.control
    .zoom({ position: 'topleft', zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut })
    .addTo(map);

  const groups: Record<MapLayer, L.LayerGroup> = {
    tenant: L.layerGroup(),
    street: L.layerGroup(),
    community: L.layerGroup(),
    grid: L.layerGroup(),
    components: L.layerGroup(),
  };
  const labelGroups = { street: L.layerGroup(), community: L.layerGroup() };
  // The gazetteer's named roads (docs/gazetteer.md, "On the map"), names only when zoomed in enough to read them.
  hideRoadLabelsWhenFar(map);
  const visible: LayerVisibility = { ...DEFAULT_VISIBILITY };
  const stats: MapStats = { zoom: map.getZoom(), grids: 0, components: 0 };
  let cityBounds: L.LatLngBounds | null = null;
  let gridBox: Bbox | null = null;
  let clusterBox: Bbox | null = null;
  let clusterZoom = -1;
  let selected: { code: string; path: L.Path } | null = null;
  let basemap: L.TileLayer[] = [];
  const inflight: Partial<Record<'grid' | 'components', AbortController>> = {};
  const destroyed = new AbortController();
  gazetteerApi.roads(destroyed.signal).then(
    (fc) => !destroyed.signal.aborted && roadLayer(fc).addTo(map),
    () => undefined,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Not while the view moves: during a zoom animation getZoom() already answers the target zoom, and a
  // caller that reacts to it (a second zoom click) would be ignored by Leaflet until the animation ends.
  let moving = false;
  const emitStats = () => {
    if (!moving) events.onStats({ ...stats, zoom: map.getZoom() });
  };
  const fresh = (key: 'grid' | 'components') => {
    inflight[key]?.abort();
    const controller = new AbortController();
    inflight[key] = controller;
    return controller.signal;
  };

  const showLabels = () => {
    const zoom = map.getZoom();
    const want = {
      street: visible.street && zoom < GRID_MIN_ZOOM,
      community: visible.community && zoom >= COMMUNITY_LABEL_ZOOM,
    };
    for (const key of ['street', 'community'] as const) {
      if (want[key] && !map.hasLayer(labelGroups[key])) labelGroups[key].addTo(map);
      if (!want[key] && map.hasLayer(labelGroups[key])) labelGroups[key].remove();
    }
  };

  const drawArea = (level: 'tenant' | 'street' | 'community', fc: AreaCollection) => {
    const layer = L.geoJSON(fc, { style: () => ({ ...AREA_STYLE[level], renderer: canvas }) });
    groups[level].clearLayers().addLayer(layer);
    if (level === 'tenant' && fc.features.length > 0) cityBounds = layer.getBounds();
    if (level === 'street' || level === 'community') {
      labelGroups[level].clearLayers();
      layer.eachLayer((f) => {
        if (!(f instanceof L.Polygon)) return;
        const props = (f.feature?.properties ?? {}) as AreaProps;
        if (props.name)
          labelGroups[level].addLayer(label(props.name, `cl-map-label-${level}`, f.getBounds().getCenter()));
      });
    }
  };

  const selectGrid = (code: string, path: L.Path, props: AreaProps) => {
    selected?.path.setStyle(GRID_STYLE);
    selected = { code, path };
    path.setStyle(GRID_SELECTED);
    events.onGrid({ code, communityName: props.communityName ?? null, areaM2: props.areaM2 ?? null });
  };

  const drawGrids = (fc: AreaCollection) => {
    const layer = L.geoJSON(fc, {
      style: () => ({ ...GRID_STYLE, renderer: canvas }),
      onEachFeature: (feature, path) => {
        const props = (feature.properties ?? {}) as AreaProps;
        if (!props.code) return;
        const code = props.code;
        if (selected?.code === code && path instanceof L.Path) {
          selected = { code, path };
          path.setStyle(GRID_SELECTED);
        }
        path.on('click', (e: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(e);
          if (path instanceof L.Path) selectGrid(code, path, props);
        });
      },
    });
    groups.grid.clearLayers().addLayer(layer);
    stats.grids = fc.features.length;
  };

  const drawClusters = (result: ClustersResult, zoom: number) => {
    const group = groups.components.clearLayers();
    for (const item of result.items) {
      const color = classColor(item.classCode);
      if (item.count === 1 && item.code) {
        const code = item.code;
        L.circleMarker([item.lat, item.lng], {
          renderer: svg,
          pane: 'components',
          radius: 6,
          color: '#ffffff',
          weight: 1.5,
          fillColor: color,
          fillOpacity: 0.95,
          className: 'cl-component-single',
        })
          .on('click', (e) => {
            L.DomEvent.stopPropagation(e);
            events.onComponent(code);
          })
          .addTo(group);
        continue;
      }
      L.marker([item.lat, item.lng], {
        icon: clusterIcon(item.count, color),
        pane: 'components',
        keyboard: false,
        riseOnHover: true,
      })
        .on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          if (zoom >= MAX_ZOOM - 1)
            events.onClusterCell(clusterCell(item.lng, item.lat, result.cellLng, result.cellLat));
          else map.setView([item.lat, item.lng], Math.min(MAX_ZOOM, zoom + 2));
        })
        .addTo(group);
    }
    stats.components = result.total;
  };

  const refreshGrids = async () => {
    const view = toBbox(map.getBounds());
    if (!visible.grid || map.getZoom() < GRID_MIN_ZOOM) {
      inflight.grid?.abort();
      groups.grid.clearLayers();
      gridBox = null;
      stats.grids = 0;
      return;
    }
    if (containsBbox(gridBox, view)) return;
    const box = padBbox(view, 0.3);
    try {
      const fc = await mapApi.layer('grid', box, fresh('grid'));
      drawGrids(fc);
      gridBox = box;
    } catch (error) {
      if (!isAbort(error)) events.onError('grid', error);
    }
  };

  const refreshClusters = async () => {
    const zoom = map.getZoom();
    const view = toBbox(map.getBounds());
    if (!visible.components) {
      inflight.components?.abort();
      groups.components.clearLayers();
      clusterBox = null;
      stats.components = 0;
      return;
    }
    if (zoom === clusterZoom && containsBbox(clusterBox, view)) return;
    const box = padBbox(view, 0.3);
    try {
      const result = await mapApi.clusters(zoom, box, fresh('components'));
      drawClusters(result, zoom);
      clusterBox = box;
      clusterZoom = zoom;
    } catch (error) {
      if (!isAbort(error)) events.onError('components', error);
    }
  };

  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (destroyed.signal.aborted) return;
      showLabels();
      emitStats();
      void Promise.all([refreshGrids(), refreshClusters()]).then(() => !destroyed.signal.aborted && emitStats());
    }, 120);
  };

  const fitCity = () => {
    if (cityBounds) map.fitBounds(cityBounds, { padding: [12, 12] });
  };

  const loadAreas = async () => {
    const levels = ['tenant', 'street', 'community'] as const;
    await Promise.all(
      levels.map(async (level) => {
        try {
          drawArea(level, await mapApi.layer(level, null, destroyed.signal));
        } catch (error) {
          if (!isAbort(error)) events.onError(level, error);
        }
      }),
    );
    if (destroyed.signal.aborted) return;
    if (!cityBounds) {
      const streets = L.featureGroup(groups.street.getLayers());
      if (streets.getLayers().length > 0) cityBounds = streets.getBounds();
    }
    fitCity();
    refresh();
  };

  for (const key of ['tenant', 'street', 'community', 'grid', 'components'] as const) groups[key].addTo(map);
  map.on('movestart zoomstart', () => {
    moving = true;
    clearTimeout(timer);
  });
  map.on('moveend', () => {
    moving = false;
    refresh();
  });
  map.on('click', () => {
    selected?.path.setStyle(GRID_STYLE);
    selected = null;
    events.onGrid(null);
  });
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(el);
  void loadAreas();

  return {
    /** The Leaflet map itself, for the layer components of MapView (map-context.ts). */
    leaflet: map,
    setVisible(layer: MapLayer, on: boolean) {
      visible[layer] = on;
      if (on && !map.hasLayer(groups[layer])) groups[layer].addTo(map);
      if (!on && map.hasLayer(groups[layer])) groups[layer].remove();
      if (layer === 'grid') gridBox = null;
      if (layer === 'components') clusterBox = null;
      refresh();
    },
    fitCity,
    setLabels(next: MapLabels) {
      zoomControl.remove();
      zoomControl = L.control
        .zoom({ position: 'topleft', zoomInTitle: next.zoomIn, zoomOutTitle: next.zoomOut })
        .addTo(map);
    },
    /** Extension point (basemap.ts): a configured XYZ basemap beneath the vector layers; null removes it. */
    setBasemap(config: BasemapConfig | null, show: boolean) {
      for (const layer of basemap) layer.remove();
      basemap = [];
      if (!config || !show) return;
      const options = {
        subdomains: config.subdomains ?? 'abc',
        maxZoom: config.maxZoom ?? MAX_ZOOM,
        attribution: config.attribution,
      };
      basemap.push(L.tileLayer(config.url, options).addTo(map));
      if (config.labelsUrl) basemap.push(L.tileLayer(config.labelsUrl, { ...options, attribution: '' }).addTo(map));
    },
    destroy() {
      destroyed.abort();
      clearTimeout(timer);
      inflight.grid?.abort();
      inflight.components?.abort();
      resize.disconnect();
      map.remove();
    },
  };
}
export type CityMap = ReturnType<typeof createCityMap>;
