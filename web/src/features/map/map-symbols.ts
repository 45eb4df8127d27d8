/** Leaflet symbols of the map: area and grid styles, name labels, cluster discs (colours and sizes: map-style.ts). */
import * as L from 'leaflet';
import { clusterLabel, clusterRadius } from './map-style.ts';

export const AREA_STYLE: Record<'tenant' | 'street' | 'community', L.PathOptions> = {
  tenant: { color: '#434343', weight: 2.5, fill: true, fillColor: '#ffffff', fillOpacity: 0.55, interactive: false },
  street: { color: '#8c8c8c', weight: 1.5, fill: true, fillColor: '#bae0ff', fillOpacity: 0.18, interactive: false },
  community: { color: '#8c8c8c', weight: 1, dashArray: '4 4', fill: false, interactive: false },
};
export const GRID_STYLE: L.PathOptions = {
  color: '#4096ff',
  weight: 0.7,
  opacity: 0.8,
  fill: true,
  fillColor: '#4096ff',
  fillOpacity: 0.03,
};
export const GRID_SELECTED: L.PathOptions = {
  color: '#fa541c',
  weight: 2.5,
  opacity: 1,
  fillColor: '#fa541c',
  fillOpacity: 0.18,
};

/** A permanent name label (text node, never HTML: names are data). */
export function label(text: string, className: string, at: L.LatLng): L.Tooltip {
  const content = document.createElement('span');
  content.textContent = text;
  return L.tooltip({ permanent: true, direction: 'center', className: `cl-map-label ${className}`, interactive: false })
    .setLatLng(at)
    .setContent(content);
}

/** A disc sized by the order of magnitude of the count, coloured by class (grey when mixed). */
export function clusterIcon(count: number, color: string, className = 'cl-cluster'): L.DivIcon {
  const d = clusterRadius(count) * 2;
  const html = `<div style="width:${d}px;height:${d}px;line-height:${d}px;background:${color};box-shadow:0 0 0 4px ${color}40">${clusterLabel(count)}</div>`;
  return L.divIcon({ className, html, iconSize: [d, d] });
}
