/** The gazetteer as files (re-importable: the columns and properties of docs/gazetteer.md) and the road layer. */
import type { LineStringGeometry, PointGeometry } from '../../../../common/domain/geo.ts';
import { CSV_COLUMNS } from './gazetteer-io.ts';
import type { PlaceRecord } from './gazetteer.repository.ts';

type Row = PlaceRecord & { synthetic: number };

/** RFC 4180 quoting, and a leading =+-@ neutralised so a spreadsheet never runs a cell as a formula. */
function cell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function placesCsv(rows: readonly Row[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const g = JSON.parse(r.geometry) as PointGeometry | LineStringGeometry;
    const point = g.type === 'Point';
    const path = point ? '' : g.coordinates.map((p) => `${p[0]} ${p[1]}`).join(';');
    lines.push(
      [
        r.kind,
        r.name,
        r.road_name,
        r.num_from,
        r.num_to,
        r.kind === 'house_range' ? r.parity : '',
        point ? g.coordinates[0] : '',
        point ? g.coordinates[1] : '',
        path,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function placesGeoJson(rows: readonly Row[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      geometry: JSON.parse(r.geometry) as unknown,
      properties: {
        kind: r.kind,
        name: r.name,
        ...(r.kind === 'house_range' ? { road: r.road_name, from: r.num_from, to: r.num_to, parity: r.parity } : {}),
        ...(r.synthetic ? { synthetic: true } : {}),
      },
    })),
  });
}

/** Road lines named for the map's labels (stored geometry spliced in as it is). */
export function roadLayer(rows: readonly { name: string; geometry: string }[]): string {
  const features = rows.map(
    (r) => `{"type":"Feature","geometry":${r.geometry},"properties":${JSON.stringify({ name: r.name, kind: 'road' })}}`,
  );
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}
