/**
 * Reading gazetteer files (docs/gazetteer.md, "Import formats"): CSV with a header row, or a GeoJSON
 * FeatureCollection of Points and LineStrings. Every row is checked and every problem named by its row
 * (`rows[i].<column>`, counted from the first data row as 1) or feature (`features[i]…`), so one upload shows them all.
 * Pure: resolving a house range without its own line against the roads happens in the service.
 */
import type { LineStringGeometry, PointGeometry, Position } from '../../../../common/domain/geo.ts';
import type { HouseParity } from '../../db/schema-gazetteer.ts';
import { parseCsv } from '../../platform/csv.ts';

export interface PlaceRow {
  kind: 'road' | 'poi' | 'house_range';
  name: string;
  road: string | null;
  from: number | null;
  to: number | null;
  parity: HouseParity;
  /** null only for a house range to be laid along its road */
  geometry: PointGeometry | LineStringGeometry | null;
  /** where the row came from, for the messages of later checks */
  path: string;
}

export interface RowIssue {
  field: string;
  rule: string;
  message: string;
}

export type Parsed = { ok: true; rows: PlaceRow[] } | { ok: false; issues: RowIssue[] };

export const CSV_COLUMNS = ['kind', 'name', 'road', 'from', 'to', 'parity', 'lng', 'lat', 'path'] as const;
const KINDS = new Set(['road', 'poi', 'house_range']);
const PARITIES = new Set(['all', 'odd', 'even']);
const MAX_ROWS = 50_000;

const inRange = ([lng, lat]: Position) =>
  Number.isFinite(lng) && Number.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;

interface Fields {
  kind: unknown;
  name: unknown;
  road: unknown;
  from: unknown;
  to: unknown;
  parity: unknown;
}

/** The checks both formats share; `geometry` is already read (or null), its problems already in `issues`. */
function checkRow(
  at: string,
  f: Fields,
  geometry: PlaceRow['geometry'],
  issues: RowIssue[],
  geometryField: string,
): PlaceRow | null {
  const before = issues.length;
  // A geometry already refused is not refused again for not fitting the kind.
  const geometryRefused = issues.some((i) => i.field === geometryField);
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const kind = text(f.kind);
  const name = text(f.name);
  const road = text(f.road) || null;
  const parity = text(f.parity) || 'all';
  const num = (v: unknown, field: string): number | null => {
    const s = text(v);
    if (!s) return null;
    if (!/^\d{1,5}$/.test(s)) {
      issues.push({ field: `${at}.${field}`, rule: 'integer', message: `${field} must be a house number 0–99999` });
      return null;
    }
    return Number(s);
  };
  if (!KINDS.has(kind))
    issues.push({ field: `${at}.kind`, rule: 'enum', message: 'kind must be road, poi or house_range' });
  if (!name || name.length > 60)
    issues.push({ field: `${at}.name`, rule: 'length', message: 'name is required, at most 60 characters' });
  if (!PARITIES.has(parity))
    issues.push({ field: `${at}.parity`, rule: 'enum', message: 'parity must be all, odd or even' });
  const from = num(f.from, 'from');
  const to = num(f.to, 'to');
  if (kind === 'house_range') {
    if (!road) issues.push({ field: `${at}.road`, rule: 'required', message: 'a house range names its road' });
    if (from === null || to === null || from > to)
      issues.push({ field: `${at}.from`, rule: 'range', message: 'a house range needs from ≤ to' });
  }
  if (kind === 'road' && !geometryRefused && geometry?.type !== 'LineString')
    issues.push({ field: geometryField, rule: 'geometry', message: 'a road needs a line of at least 2 points' });
  if (kind === 'poi' && !geometryRefused && geometry?.type !== 'Point')
    issues.push({ field: geometryField, rule: 'geometry', message: 'a POI needs a point (lng, lat)' });
  if (issues.length > before) return null;
  return {
    kind: kind as PlaceRow['kind'],
    name,
    road: kind === 'house_range' ? road : null,
    from: kind === 'house_range' ? from : null,
    to: kind === 'house_range' ? to : null,
    parity: parity as HouseParity,
    geometry,
    path: at,
  };
}

/** "lng lat; lng lat" or "lng,lat;lng,lat" → positions, or null when unreadable. */
function readPath(text: string): Position[] | null {
  const points = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(/[\s,]+/).map(Number) as Position);
  return points.every((p) => p.length === 2 && inRange(p)) ? points : null;
}

export function parseGazetteerCsv(text: string): Parsed {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (err) {
    return { ok: false, issues: [{ field: 'file', rule: 'csv', message: (err as Error).message }] };
  }
  const [header, ...body] = table;
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = ['kind', 'name'].filter((c) => !names.includes(c));
  if (missing.length)
    return {
      ok: false,
      issues: [{ field: 'header', rule: 'columns', message: `missing columns: ${missing.join(', ')}` }],
    };
  if (body.length > MAX_ROWS)
    return { ok: false, issues: [{ field: 'file', rule: 'rows', message: `at most ${MAX_ROWS} rows` }] };
  const col = (row: string[], name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? '' : (row[i] ?? '').trim();
  };
  const issues: RowIssue[] = [];
  const rows: PlaceRow[] = [];
  body.forEach((row, i) => {
    const at = `rows[${i + 1}]`;
    let geometry: PlaceRow['geometry'] = null;
    let geometryField = `${at}.lng`;
    const path = col(row, 'path');
    if (path) {
      geometryField = `${at}.path`;
      const points = readPath(path);
      if (!points)
        issues.push({ field: geometryField, rule: 'geometry', message: 'path must be "lng lat; lng lat; …" in WGS84' });
      else if (points.length === 1) geometry = { type: 'Point', coordinates: points[0] as Position };
      else geometry = { type: 'LineString', coordinates: points };
    } else if (col(row, 'lng') || col(row, 'lat')) {
      const p: Position = [Number(col(row, 'lng')), Number(col(row, 'lat'))];
      if (!col(row, 'lng') || !col(row, 'lat') || !inRange(p))
        issues.push({ field: geometryField, rule: 'range', message: 'lng must be −180…180 and lat −90…90 (WGS84)' });
      else geometry = { type: 'Point', coordinates: p };
    }
    const fields = { kind: col(row, 'kind'), name: col(row, 'name'), road: col(row, 'road') };
    const checked = checkRow(
      at,
      { ...fields, from: col(row, 'from'), to: col(row, 'to'), parity: col(row, 'parity') },
      geometry,
      issues,
      geometryField,
    );
    if (checked) rows.push(checked);
  });
  return issues.length ? { ok: false, issues } : { ok: true, rows };
}

function readGeometry(g: unknown): PlaceRow['geometry'] | undefined {
  const geo = g as { type?: unknown; coordinates?: unknown } | null;
  if (geo?.type === 'Point' && Array.isArray(geo.coordinates)) {
    const p = geo.coordinates as Position;
    return p.length >= 2 && inRange([Number(p[0]), Number(p[1])])
      ? { type: 'Point', coordinates: [Number(p[0]), Number(p[1])] }
      : undefined;
  }
  if (geo?.type === 'LineString' && Array.isArray(geo.coordinates) && geo.coordinates.length >= 2) {
    const points = (geo.coordinates as unknown[]).map((p) =>
      Array.isArray(p) ? ([Number(p[0]), Number(p[1])] as Position) : ([NaN, NaN] as Position),
    );
    return points.every(inRange) ? { type: 'LineString', coordinates: points } : undefined;
  }
  return undefined;
}

export function parseGazetteerGeoJson(input: unknown): Parsed {
  const features = (input as { type?: unknown; features?: unknown } | null)?.features;
  if ((input as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features))
    return { ok: false, issues: [{ field: 'type', rule: 'geojson', message: 'expected a GeoJSON FeatureCollection' }] };
  if (features.length > MAX_ROWS)
    return { ok: false, issues: [{ field: 'features', rule: 'rows', message: `at most ${MAX_ROWS} features` }] };
  const issues: RowIssue[] = [];
  const rows: PlaceRow[] = [];
  features.forEach((f: unknown, i) => {
    const at = `features[${i}]`;
    const feature = f as { geometry?: unknown; properties?: Record<string, unknown> | null } | null;
    const props = feature?.properties ?? {};
    let geometry: PlaceRow['geometry'] = null;
    if (feature?.geometry != null) {
      const read = readGeometry(feature.geometry);
      if (read) geometry = read;
      else
        issues.push({
          field: `${at}.geometry`,
          rule: 'geometry',
          message: 'geometry must be a Point or a LineString in WGS84',
        });
    }
    const checked = checkRow(
      `${at}.properties`,
      { kind: props.kind, name: props.name, road: props.road, from: props.from, to: props.to, parity: props.parity },
      geometry,
      issues,
      `${at}.geometry`,
    );
    if (checked) rows.push({ ...checked, path: at });
  });
  return issues.length ? { ok: false, issues } : { ok: true, rows };
}
