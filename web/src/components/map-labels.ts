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

/** The middle vertex of a line: where its name sits. */
function middleOf(coordinates: readonly (readonly number[])[]): L.LatLngExpression | null {
  const p = coordinates[Math.floor(coordinates.length / 2)];
  return p && p.length >= 2 ? [p[1] as number, p[0] as number] : null;
}

/** Roads (LineString features with a `name`) drawn as a cased line with their name at the middle. */
export function roadLayer(roads: FeatureCollection): L.LayerGroup {
  const group = L.layerGroup();
  for (const f of roads.features) {
    if (f.geometry.type !== 'LineString') continue;
    const latLngs = f.geometry.coordinates.map(([lng, lat]) => [lat, lng] as L.LatLngTuple);
    group.addLayer(L.polyline(latLngs, ROAD_CASING));
    group.addLayer(L.polyline(latLngs, ROAD_LINE));
    const name = (f.properties as { name?: string } | null)?.name;
    const at = middleOf(f.geometry.coordinates);
    if (name && at)
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
