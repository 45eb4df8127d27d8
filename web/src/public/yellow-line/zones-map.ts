import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { PublicInfo } from '../../../../common/contracts/public.ts';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import type { PublicZone } from './yellow-line.api.ts';

export interface ZonesMap {
  show(items: PublicZone[], describe: (z: PublicZone) => string, onPick: (z: PublicZone) => void): void;
  destroy(): void;
}

/**
 * The public map of 文明黄线: the city's streets (and the basemap when the city configured one; none by default, so
 * nothing is fetched from outside) with every permitted line or area in yellow. Popups are text nodes.
 */
export function createZonesMap(el: HTMLElement, info: PublicInfo, layer: FeatureCollection | null): ZonesMap {
  const basemap = info.basemap;
  const map = L.map(el, { zoomControl: true, attributionControl: basemap !== null, minZoom: 8, maxZoom: 19 });
  if (basemap) {
    const subdomains = basemap.subdomains.length ? basemap.subdomains : 'abc';
    L.tileLayer(basemap.url, { attribution: basemap.attribution, subdomains, maxZoom: basemap.maxZoom }).addTo(map);
  }
  const e = info.extent;
  if (e)
    map.fitBounds([
      [e.south, e.west],
      [e.north, e.east],
    ]);
  else if (info.center) map.setView([info.center.lat, info.center.lng], 13);
  if (layer)
    L.geoJSON(layer, { style: { color: '#8c8c8c', weight: 1, fillOpacity: 0.03 }, interactive: false }).addTo(map);
  const zones = L.featureGroup().addTo(map);
  return {
    show(items, describe, onPick) {
      zones.clearLayers();
      for (const z of items) {
        const popup = document.createElement('div');
        popup.textContent = describe(z);
        L.geoJSON(z.geometry, {
          style: { color: '#d4b106', weight: 6, fillColor: '#fadb14', fillOpacity: 0.4 },
        })
          .bindPopup(popup)
          .on('click', () => onPick(z))
          .addTo(zones);
      }
      const bounds = zones.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
    },
    destroy: () => map.remove(),
  };
}
