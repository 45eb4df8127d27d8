/**
 * Road names and area names drawn on the offline maps as Leaflet vector layers and permanent tooltips (no tiles,
 * nothing fetched from outside: docs/conventions.md, "Maps"; docs/gazetteer.md, "On the map").
 */
import * as L from 'leaflet';
import type { FeatureCollection } from '../../../common/domain/geo.ts';
import './map-labels.css';

const ROAD_CASING: L.PolylineOptions = { color: '#ffffff', weight: 6, opacity: 0.9, interactive: false };
const ROAD_LINE: L.PolylineOptions = { color: '#d4b106', weight: 3, opacity: 0.9, interactive: false };

const label = (text: string) => {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
};

/** The middle of each leg of a line: a long road keeps a name in view wherever the map is zoomed in. */
function legMiddles(coordinates: readonly (readonly number[])[]): L.LatLngTuple[] {
  return coordinates.slice(1).flatMap((b, i) => {
    const a = coordinates[i];
    if (!a || a.length < 2 || b.length < 2) return [];
    return [[((a[1] as number) + (b[1] as number)) / 2, ((a[0] as number) + (b[0] as number)) / 2] as L.LatLngTuple];
  });
}

/** Roads (LineString features with a `name`) drawn as a cased line, named along their course. */
export function roadLayer(roads: FeatureCollection): L.LayerGroup {
  const group = L.layerGroup();
  for (const f of roads.features) {
    if (f.geometry.type !== 'LineString') continue;
    const latLngs = f.geometry.coordinates.map(([lng, lat]) => [lat, lng] as L.LatLngTuple);
    group.addLayer(L.polyline(latLngs, ROAD_CASING));
    group.addLayer(L.polyline(latLngs, ROAD_LINE));
    const name = (f.properties as { name?: string } | null)?.name;
    if (!name) continue;
    for (const at of legMiddles(f.geometry.coordinates))
      group.addLayer(
        L.tooltip({ permanent: true, direction: 'center', className: 'map-label map-label-road', interactive: false })
          .setLatLng(at)
          .setContent(label(name)),
      );
  }
  return group;
}

/** A permanent name label at the centre of each named polygon of a GeoJSON layer. */
export function areaLabels(layer: L.GeoJSON): L.LayerGroup {
  const group = L.layerGroup();
  layer.eachLayer((f) => {
    const name = ((f as L.Polygon).feature?.properties as { name?: string } | undefined)?.name;
    if (!(f instanceof L.Polygon) || !name) return;
    group.addLayer(
      L.tooltip({ permanent: true, direction: 'center', className: 'map-label', interactive: false })
        .setLatLng(f.getBounds().getCenter())
        .setContent(label(name)),
    );
  });
  return group;
}

/** Road names only from this zoom on: further out they overlap into an unreadable tangle. */
export const ROAD_LABEL_MIN_ZOOM = 14;

/** Keeps the map's container marked while it is zoomed out too far for road names (CSS hides them). */
export function hideRoadLabelsWhenFar(map: L.Map): void {
  const mark = () => map.getContainer().classList.toggle('map-far', map.getZoom() < ROAD_LABEL_MIN_ZOOM);
  map.on('zoomend', mark);
  mark();
}
