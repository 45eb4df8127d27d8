import { useEffect, useRef, useState, type RefObject } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useResource } from '../../api/use-resource.ts';
import { NOWHERE } from '../../components/map-start.ts';
import { mapApi } from './map.api.ts';

const bboxText = (b: L.LatLngBounds) =>
  [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');

/**
 * A Leaflet map without a basemap (docs/conventions.md, "Maps") in `el`, fitted to the city's outline once that is
 * known, with a layer group for the caller's shapes and the box in view as `west,south,east,north`, again after each
 * pan or zoom, so a page asks only for what it shows. `drawOutline` also draws the city's boundary.
 */
export function useOutlineMap(el: RefObject<HTMLDivElement | null>, { drawOutline = false } = {}) {
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const [bbox, setBbox] = useState<string | null>(null);
  const outline = useResource((signal) => mapApi.layer('tenant', null, signal), []);

  useEffect(() => {
    if (!el.current) return undefined;
    const m = L.map(el.current, { preferCanvas: true, center: [NOWHERE.lat, NOWHERE.lng], zoom: 6 });
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    m.on('moveend', () => setBbox(bboxText(m.getBounds())));
    return () => {
      m.remove();
      map.current = null;
      layer.current = null;
    };
  }, [el]);

  useEffect(() => {
    const m = map.current;
    if (!m || !outline.data) return;
    const bounds = L.geoJSON(outline.data).getBounds();
    if (!bounds.isValid()) return;
    // A container just shown (a tab opening) may not have its size yet: measure again, and while it has none, ask
    // for the city's box instead of the view's.
    m.invalidateSize();
    const size = m.getSize();
    const laidOut = size.x > 0 && size.y > 0;
    if (laidOut) m.fitBounds(bounds, { padding: [8, 8] });
    else m.setView(bounds.getCenter(), 12);
    setBbox(bboxText(laidOut ? m.getBounds() : bounds));
    if (drawOutline) L.geoJSON(outline.data, { style: { color: '#595959', weight: 1, fill: false } }).addTo(m);
  }, [outline.data, drawOutline]);

  return { layer, bbox };
}
