/**
 * Assets as files (docs/assets.md, "Import and export formats"): CSV with a header row and one column per attribute
 * (`attr.<name>`), or a GeoJSON FeatureCollection with the attributes under `properties.attributes`. Exports are
 * re-importable. Reading only checks the shape of each row and names every problem by its row (`rows[i].<column>`,
 * counted from the first data row as 1) or feature (`features[i]…`); the service checks types, geometry and
 * attributes against the tenant.
 */
import {
  ASSET_STATUSES,
  attributeFromText,
  type AssetStatus,
  type AttributeSchema,
} from '../../../../common/domain/assets.ts';
import { csvField, restoredText } from '../../platform/cell-text.ts';
import { parseCsv } from '../../platform/csv.ts';
import type { AssetRow } from './assets.repository.ts';
import type { FieldIssue } from './assets.errors.ts';

export const MAX_IMPORT_ROWS = 20_000;
export const ASSET_CSV_COLUMNS = ['code', 'name', 'type', 'status', 'address', 'lng', 'lat', 'geometry'] as const;

export interface AssetFileRow {
  /** where the row came from: rows[3] or features[2] */
  at: string;
  code: string;
  name: string;
  typeCode: string;
  status: AssetStatus;
  address: string | null;
  geometry: { type: string; coordinates: unknown } | null;
  /** the field to name when the geometry is refused */
  geometryField: string;
  /** CSV: raw texts read per the type's schema later; GeoJSON: values as given */
  attributes: Record<string, unknown>;
  rawAttributes: boolean;
}

export type ParsedAssets = { ok: true; rows: AssetFileRow[] } | { ok: false; issues: FieldIssue[] };

const STATUS = new Set<string>(ASSET_STATUSES);

function common(at: string, code: string, name: string, type: string, status: string, issues: FieldIssue[]) {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(code))
    issues.push({ field: `${at}.code`, rule: 'pattern', message: 'code: letters, digits, _ . - (≤ 40)' });
  if (!name || name.length > 80) issues.push({ field: `${at}.name`, rule: 'length', message: 'name: 1–80 characters' });
  if (!type) issues.push({ field: `${at}.type`, rule: 'required', message: 'type: the asset type code' });
  if (status && !STATUS.has(status))
    issues.push({ field: `${at}.status`, rule: 'enum', message: `status: ${ASSET_STATUSES.join(', ')}` });
}

export function parseAssetCsv(text: string): ParsedAssets {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (err) {
    return { ok: false, issues: [{ field: 'file', rule: 'csv', message: (err as Error).message }] };
  }
  const [header, ...body] = table;
  const names = (header ?? []).map((h) => h.trim());
  const missing = ['code', 'name', 'type'].filter((c) => !names.includes(c));
  if (missing.length)
    return {
      ok: false,
      issues: [{ field: 'header', rule: 'columns', message: `missing columns: ${missing.join(', ')}` }],
    };
  if (body.length > MAX_IMPORT_ROWS)
    return { ok: false, issues: [{ field: 'file', rule: 'rows', message: `at most ${MAX_IMPORT_ROWS} rows` }] };
  const col = (row: string[], name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? '' : restoredText((row[i] ?? '').trim());
  };
  const attrColumns = names.filter((n) => n.startsWith('attr.')).map((n) => n.slice(5));
  const issues: FieldIssue[] = [];
  const rows: AssetFileRow[] = [];
  body.forEach((row, i) => {
    const at = `rows[${i + 1}]`;
    const before = issues.length;
    const code = col(row, 'code');
    const name = col(row, 'name');
    const typeCode = col(row, 'type');
    const status = col(row, 'status');
    common(at, code, name, typeCode, status, issues);
    let geometry: AssetFileRow['geometry'] = null;
    let geometryField = `${at}.lng`;
    const g = col(row, 'geometry');
    if (g) {
      geometryField = `${at}.geometry`;
      try {
        geometry = JSON.parse(g) as AssetFileRow['geometry'];
      } catch {
        issues.push({ field: geometryField, rule: 'geometry', message: 'geometry: a GeoJSON geometry object' });
      }
    } else {
      const lng = Number(col(row, 'lng'));
      const lat = Number(col(row, 'lat'));
      if (!col(row, 'lng') || !col(row, 'lat') || !Number.isFinite(lng) || !Number.isFinite(lat))
        issues.push({ field: geometryField, rule: 'required', message: 'give lng and lat, or a geometry' });
      else geometry = { type: 'Point', coordinates: [lng, lat] };
    }
    const attributes: Record<string, unknown> = {};
    for (const a of attrColumns) {
      const v = col(row, `attr.${a}`);
      if (v !== '') attributes[a] = v;
    }
    if (issues.length > before) return;
    rows.push({
      at,
      code,
      name,
      typeCode,
      status: (status || 'active') as AssetStatus,
      address: col(row, 'address') || null,
      geometry,
      geometryField,
      attributes,
      rawAttributes: true,
    });
  });
  return issues.length ? { ok: false, issues } : { ok: true, rows };
}

export function parseAssetGeoJson(input: unknown): ParsedAssets {
  const features = (input as { features?: unknown } | null)?.features;
  if ((input as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features))
    return { ok: false, issues: [{ field: 'type', rule: 'geojson', message: 'expected a GeoJSON FeatureCollection' }] };
  if (features.length > MAX_IMPORT_ROWS)
    return { ok: false, issues: [{ field: 'features', rule: 'rows', message: `at most ${MAX_IMPORT_ROWS} features` }] };
  const issues: FieldIssue[] = [];
  const rows: AssetFileRow[] = [];
  features.forEach((f: unknown, i) => {
    const at = `features[${i}]`;
    const feature = f as { geometry?: unknown; properties?: Record<string, unknown> | null } | null;
    const p = feature?.properties ?? {};
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
    const before = issues.length;
    common(`${at}.properties`, text(p.code), text(p.name), text(p.type), text(p.status), issues);
    const g = feature?.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (!g || typeof g.type !== 'string')
      issues.push({ field: `${at}.geometry`, rule: 'required', message: 'a feature needs a geometry' });
    const attrs = p.attributes ?? {};
    if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs))
      issues.push({ field: `${at}.properties.attributes`, rule: 'type', message: 'attributes: an object' });
    if (issues.length > before) return;
    rows.push({
      at: `${at}.properties`,
      code: text(p.code),
      name: text(p.name),
      typeCode: text(p.type),
      status: (text(p.status) || 'active') as AssetStatus,
      address: text(p.address) || null,
      geometry: g as AssetFileRow['geometry'],
      geometryField: `${at}.geometry`,
      attributes: attrs as Record<string, unknown>,
      rawAttributes: false,
    });
  });
  return issues.length ? { ok: false, issues } : { ok: true, rows };
}

/** CSV cells read into values of the attribute's type (GeoJSON values are already typed). */
export function typedAttributes(row: AssetFileRow, schema: AttributeSchema): Record<string, unknown> {
  if (!row.rawAttributes) return row.attributes;
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(row.attributes)) {
    const p = schema.properties[name];
    const v = p ? attributeFromText(p, String(raw)) : raw;
    if (v !== undefined) out[name] = v;
  }
  return out;
}

export function assetsCsv(rows: readonly AssetRow[]): string {
  const attrNames = [
    ...new Set(rows.flatMap((r) => Object.keys(JSON.parse(r.attributes) as Record<string, unknown>))),
  ].sort();
  const lines = [[...ASSET_CSV_COLUMNS, ...attrNames.map((a) => `attr.${a}`)].join(',')];
  for (const r of rows) {
    const g = JSON.parse(r.geometry) as { type: string; coordinates: unknown };
    const point = g.type === 'Point';
    const attrs = JSON.parse(r.attributes) as Record<string, unknown>;
    lines.push(
      [
        r.code,
        r.name,
        r.type_code,
        r.status,
        r.address,
        point ? r.lng : null,
        point ? r.lat : null,
        point ? null : r.geometry,
        ...attrNames.map((a) => {
          const v = attrs[a];
          return v === undefined || v === null ? null : typeof v === 'number' ? v : String(v);
        }),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function assetsGeoJson(rows: readonly AssetRow[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      geometry: JSON.parse(r.geometry) as unknown,
      properties: {
        code: r.code,
        name: r.name,
        type: r.type_code,
        line: r.line,
        status: r.status,
        address: r.address,
        attributes: JSON.parse(r.attributes) as unknown,
        ...(r.synthetic ? { synthetic: true } : {}),
      },
    })),
  });
}

// ---- the weighbridge file (地磅): station code, date, tonnes; one line per weighing

export interface WeighRow {
  at: string;
  station: string;
  date: string;
  tonnes: number;
}

const HEADERS = {
  station: ['station', 'station_code', 'code', '站点编码', '站点'],
  date: ['date', '日期'],
  tonnes: ['tonnes', 't', 'net_t', '吨', '净重'],
};

/** The readable rows and the problems of the others (the service adds its own and reports them all at once). */
export function parseWeighbridgeCsv(text: string): { rows: WeighRow[]; issues: FieldIssue[] } {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (err) {
    return { rows: [], issues: [{ field: 'file', rule: 'csv', message: (err as Error).message }] };
  }
  const [header, ...body] = table;
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const index = (k: keyof typeof HEADERS) => names.findIndex((n) => HEADERS[k].includes(n));
  const cols = { station: index('station'), date: index('date'), tonnes: index('tonnes') };
  const missing = Object.entries(cols)
    .filter(([, i]) => i < 0)
    .map(([k]) => k);
  if (missing.length)
    return {
      rows: [],
      issues: [{ field: 'header', rule: 'columns', message: `missing columns: ${missing.join(', ')}` }],
    };
  if (body.length > MAX_IMPORT_ROWS * 10)
    return { rows: [], issues: [{ field: 'file', rule: 'rows', message: `at most ${MAX_IMPORT_ROWS * 10} rows` }] };
  const issues: FieldIssue[] = [];
  const rows: WeighRow[] = [];
  body.forEach((row, i) => {
    const at = `rows[${i + 1}]`;
    const station = (row[cols.station] ?? '').trim();
    const date = (row[cols.date] ?? '').trim().replace(/\//g, '-');
    const t = (row[cols.tonnes] ?? '').trim();
    const tonnes = Number(t);
    const before = issues.length;
    if (!station) issues.push({ field: `${at}.station`, rule: 'required', message: 'station code is required' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      issues.push({ field: `${at}.date`, rule: 'date', message: 'date: YYYY-MM-DD' });
    if (!t || !Number.isFinite(tonnes) || tonnes < 0 || tonnes > 10_000)
      issues.push({ field: `${at}.tonnes`, rule: 'range', message: 'tonnes: a number from 0 to 10000' });
    if (issues.length === before) rows.push({ at, station, date, tonnes });
  });
  return { rows, issues };
}
