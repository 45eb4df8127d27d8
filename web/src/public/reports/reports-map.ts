import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { PublicInfo } from '../../../../common/contracts/public.ts';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import type { PublicReportCard } from '../../../../common/contracts/participation.ts';

export interface ReportsMap {
  show(items: PublicReportCard[], describe: (c: PublicReportCard) => string): void;
  destroy(): void;
}

/**
 * The public map of reports: the city's streets and one dot per report at its public (coarse) position, open ones
 * orange and closed ones green. Popups are built as text nodes: descriptions are citizens' own words.
 */
export function createReportsMap(el: HTMLElement, info: PublicInfo, layer: FeatureCollection | null): ReportsMap {
  const basemap = info.basemap;
  const map = L.map(el, { zoomControl: true, attributionControl: basemap !== null, minZoom: 8, maxZoom: 18 });
  if (basemap) {
    const subdomains = basemap.subdomains.length ? basemap.subdomains : 'abc';
    L.tileLayer(basemap.url, { attribution: basemap.attribution, subdomains, maxZoom: basemap.maxZoom }).addTo(map);
  }
  const e = info.extent;
  const c = info.center;
  if (e)
    map.fitBounds([
      [e.south, e.west],
      [e.north, e.east],
    ]);
  else if (c) map.setView([c.lat, c.lng], 13);
  if (layer)
    L.geoJSON(layer, {
      style: { color: '#8c8c8c', weight: 1, fillOpacity: 0.03 },
      interactive: false,
    }).addTo(map);
  const dots = L.layerGroup().addTo(map);
  return {
    show(items, describe) {
      dots.clearLayers();
      for (const c of items) {
        const popup = document.createElement('div');
        popup.textContent = describe(c);
        L.circleMarker([c.lat, c.lng], {
          radius: 7,
          color: '#fff',
          weight: 2,
          fillColor: c.open ? '#fa8c16' : '#52c41a',
          fillOpacity: 0.9,
        })
          .bindPopup(popup)
          .addTo(dots);
      }
    },
    destroy: () => map.remove(),
  };
}
