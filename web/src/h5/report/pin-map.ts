/**
 * A small Leaflet map with one pin, on the city's street layer only (no tiles: nothing is fetched from outside,
 * and it works offline from the cached layer). In pick mode the pin can be dragged, and a tap moves it.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { StreetLayer } from '../api/h5.api.ts';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface PinMap {
  setPin(at: LatLng, options?: { pan?: boolean; accuracy?: number | null }): void;
  setStreets(layer: StreetLayer): void;
  /** after the container was hidden or resized */
  refresh(): void;
  destroy(): void;
}

/** The demo city's centre (大冶市城区), where the map starts before a position is known. */
export const DEFAULT_CENTER: LatLng = { lat: 30.1, lng: 114.97 };

const PIN_HTML = '<svg width="34" height="44" viewBox="0 0 34 44" aria-hidden="true"><path d="M17 1C8.2 1 1 8 1 16.6 1 28.3 17 43 17 43s16-14.7 16-26.4C33 8 25.8 1 17 1z" fill="#f5222d" stroke="#fff" stroke-width="2"/><circle cx="17" cy="16.5" r="6" fill="#fff"/></svg>';

export function createPinMap(el: HTMLElement, options: { pick: boolean; onPick?: (at: LatLng) => void; start?: LatLng }): PinMap {
  const start = options.start ?? DEFAULT_CENTER;
  const map = L.map(el, { zoomControl: true, attributionControl: false, minZoom: 9, maxZoom: 19, center: [start.lat, start.lng], zoom: 16 });
  const streets = L.layerGroup().addTo(map);
  const icon = L.divIcon({ className: 'h5-pin', html: PIN_HTML, iconSize: [34, 44], iconAnchor: [17, 43] });
  const marker = L.marker([start.lat, start.lng], { icon, draggable: options.pick, keyboard: false, autoPan: true });
  const accuracy = L.circle([start.lat, start.lng], { radius: 0, color: '#1677ff', weight: 1, fillOpacity: 0.08, interactive: false });
  let placed = false;

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
    setPin(at, { pan = true, accuracy: metres = null } = {}) {
      place(at);
      if (metres !== null && metres > 0) accuracy.setLatLng([at.lat, at.lng]).setRadius(metres).addTo(map);
      else accuracy.remove();
      if (pan) map.setView([at.lat, at.lng], Math.max(map.getZoom(), 16));
    },
    setStreets(layer) {
      streets.clearLayers();
      const shapes = L.geoJSON(layer, {
        style: { color: '#8c8c8c', weight: 1.5, fillColor: '#bae0ff', fillOpacity: 0.2, interactive: false },
      });
      streets.addLayer(shapes);
      shapes.eachLayer((f) => {
        if (!(f instanceof L.Polygon)) return;
        const name = (f.feature?.properties as { name?: string } | undefined)?.name;
        if (!name) return;
        const label = document.createElement('span');
        label.textContent = name;
        streets.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'h5-map-label', interactive: false })
          .setLatLng(f.getBounds().getCenter()).setContent(label));
      });
    },
    refresh() {
      map.invalidateSize();
    },
    destroy() {
      map.remove();
    },
  };
}
