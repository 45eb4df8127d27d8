/**
 * The phone pages' map (inspector app and citizen page): Leaflet with one pin on the city's own outline and street
 * layer (no tiles by default: nothing is fetched from outside, and it works offline from a cached layer), or
 * beneath it the basemap the bureau configured (天地图, with its 审图号 attribution; docs/conventions.md, "Maps"). In pick
 * mode the pin can be dragged, and a tap moves it. Loaded on demand (open-pin-map.ts): Leaflet is not part of
 * either page's first load.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from '../../../common/domain/geo.ts';
import type { PublicInfo } from '../../../common/contracts/public.ts';
import { hideRoadLabelsWhenFar, roadLayer } from '../components/map-labels.ts';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface PinMapOptions {
  /** Where the map starts: the pin's spot, else the city's centre (from its extent). */
  start: LatLng;
  pick: boolean;
  onPick?: (at: LatLng) => void;
  basemap?: PublicInfo['basemap'];
  zoom?: number;
  /** The city's bounding box (public info): when given, the view starts on the whole city instead of `start`. */
  extent?: PublicInfo['extent'];
}

export interface PinMap {
  setPin(at: LatLng, options?: { accuracy?: number | null; pan?: boolean }): void;
  /** The city's outline (`kind: 'tenant'`) and its streets or grids, named on the map; fits the view to it while no pin is placed. */
  setLayer(layer: FeatureCollection): void;
  /** The named roads (gazetteer), drawn above the areas with their names. */
  setRoads(roads: FeatureCollection): void;
  /** after the container was hidden or resized */
  refresh(): void;
  destroy(): void;
}

const PIN_HTML =
  '<svg width="34" height="44" viewBox="0 0 34 44" aria-hidden="true"><path d="M17 1C8.2 1 1 8 1 16.6 1 28.3 17 43 17 43s16-14.7 16-26.4C33 8 25.8 1 17 1z" fill="#f5222d" stroke="#fff" stroke-width="2"/><circle cx="17" cy="16.5" r="6" fill="#fff"/></svg>';

export function createPinMap(el: HTMLElement, options: PinMapOptions): PinMap {
  const { start, basemap = null } = options;
  const map = L.map(el, {
    zoomControl: true,
    attributionControl: basemap !== null,
    minZoom: 8,
    maxZoom: basemap?.maxZoom ?? 19,
    center: [start.lat, start.lng],
    zoom: options.zoom ?? 15,
  });
  if (basemap) {
    const subdomains = basemap.subdomains.length ? basemap.subdomains : 'abc';
    L.tileLayer(basemap.url, { attribution: basemap.attribution, subdomains, maxZoom: basemap.maxZoom }).addTo(map);
    if (basemap.labelsUrl) L.tileLayer(basemap.labelsUrl, { subdomains, maxZoom: basemap.maxZoom }).addTo(map);
  }
  hideRoadLabelsWhenFar(map);
  const areas = L.layerGroup().addTo(map);
  const roadGroup = L.layerGroup().addTo(map);
  const icon = L.divIcon({ className: 'phone-pin', html: PIN_HTML, iconSize: [34, 44], iconAnchor: [17, 43] });
  const marker = L.marker([start.lat, start.lng], { icon, draggable: options.pick, keyboard: false, autoPan: true });
  const accuracy = L.circle([start.lat, start.lng], {
    radius: 0,
    color: '#1677ff',
    weight: 1,
    fillOpacity: 0.08,
    interactive: false,
  });
  let placed = false;
  // The city's box while no pin is placed: fitted again when the map is shown after being hidden (a hidden map has
  // no size, so a fit made then lands on the wrong zoom).
  let home: L.LatLngBounds | null = null;
  const goHome = (bounds: L.LatLngBounds) => {
    home = bounds;
    if (!placed && el.clientWidth > 0) map.fitBounds(bounds);
  };
  const { extent } = options;
  if (extent) goHome(L.latLngBounds([extent.south, extent.west], [extent.north, extent.east]));

  const place = (at: LatLng) => {
    marker.setLatLng([at.lat, at.lng]);
    if (!placed) {
      marker.addTo(map);
      placed = true;
    }
  };
  if (options.pick) {
    marker.on('dragend', () => {
      const p = marker.getLatLng();
      accuracy.remove();
      options.onPick?.({ lat: p.lat, lng: p.lng });
    });
    map.on('click', (event: L.LeafletMouseEvent) => {
      place(event.latlng);
      accuracy.remove();
      options.onPick?.({ lat: event.latlng.lat, lng: event.latlng.lng });
    });
  }

  return {
    setPin(at, { accuracy: metres = null, pan = true } = {}) {
      place(at);
      if (metres !== null && metres > 0) accuracy.setLatLng([at.lat, at.lng]).setRadius(metres).addTo(map);
      else accuracy.remove();
      if (pan) map.setView([at.lat, at.lng], Math.max(map.getZoom(), 16));
    },
    setLayer(layer) {
      areas.clearLayers();
      const shapes = L.geoJSON(layer, {
        style: (f) =>
          (f?.properties as { kind?: string } | undefined)?.kind === 'tenant'
            ? { color: '#1677ff', weight: 2, fill: false, interactive: false }
            : { color: '#8c8c8c', weight: 1.2, fillColor: '#bae0ff', fillOpacity: 0.18, interactive: false },
      });
      areas.addLayer(shapes);
      // Before any pin, the view is the city itself (its extent), wherever the map started.
      if (shapes.getBounds().isValid()) goHome(shapes.getBounds());
      shapes.eachLayer((f) => {
        const props = (f as L.Polygon).feature?.properties as { name?: string; kind?: string } | undefined;
        if (!(f instanceof L.Polygon) || !props?.name || props.kind === 'tenant') return;
        const label = document.createElement('span');
        label.textContent = props.name;
        areas.addLayer(
          L.tooltip({ permanent: true, direction: 'center', className: 'phone-map-label', interactive: false })
            .setLatLng(f.getBounds().getCenter())
            .setContent(label),
        );
      });
    },
    setRoads(roads) {
      roadGroup.clearLayers();
      roadGroup.addLayer(roadLayer(roads));
    },
    refresh() {
      map.invalidateSize();
      if (home) goHome(home);
    },
    destroy() {
      map.remove();
    },
  };
}
