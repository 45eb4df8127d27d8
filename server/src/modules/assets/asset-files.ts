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
import type { CellValue } from 'exceljs';
import { csvField, inertCell, restoredText } from '../../platform/cell-text.ts';
import { parseCsv } from '../../platform/csv.ts';
import { excel } from '../../platform/excel.ts';
import { DEFAULT_SHEET_LIMITS, SheetUnreadable, type SheetLimits } from '../../platform/sheet-rows.ts';
import { sheetRowsOffThread } from '../../platform/sheet-thread.ts';
import type { AssetRow } from './assets.repository.ts';
import { issue, type FieldIssue } from './assets.errors.ts';

export const MAX_IMPORT_ROWS = 20_000;
export type AssetFileFormat = 'csv' | 'geojson' | 'xlsx';
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
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(code)) issues.push(issue(`${at}.code`, 'pattern', 'assetFile.code'));
  if (!name || name.length > 80) issues.push(issue(`${at}.name`, 'length', 'assetFile.name'));
  if (!type) issues.push(issue(`${at}.type`, 'required', 'assetFile.type'));
  if (status && !STATUS.has(status))
    issues.push(issue(`${at}.status`, 'enum', 'assetFile.status', { values: ASSET_STATUSES.join(', ') }));
}

/** A data row of a table file: its number counted from the first data row as 1, and its cells as text. */
interface TableRow {
  n: number;
  cells: readonly string[];
}

export function parseAssetCsv(text: string): ParsedAssets {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (err) {
    return { ok: false, issues: [issue('file', 'csv', 'assetFile.csv', { reason: (err as Error).message })] };
  }
  const [header, ...body] = table;
  return parseAssetTable(
    header ?? [],
    body.map((cells, i) => ({ n: i + 1, cells })),
  );
}

/**
 * The first worksheet of an .xlsx with the CSV's header and row rules (docs/assets.md "Import and export formats"):
 * row 1 is the header, spreadsheet row k is `rows[k-1]`, empty rows are skipped. Read off the event loop within the
 * platform's size and row limits (413 / 422).
 */
export async function parseAssetXlsx(bytes: Buffer, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<ParsedAssets> {
  let header: string[] | undefined;
  const body: TableRow[] = [];
  try {
    for await (const row of sheetRowsOffThread(bytes, { maxRows: MAX_IMPORT_ROWS, limits })) {
      if (!header) {
        const cells: string[] = [];
        row.eachCell((cell, col) => (cells[col - 1] = cellText(cell.value)));
        header = Array.from(cells, (c) => c ?? '');
        if (row.number === 1) continue;
      }
      const cells = header.map((_, c) => cellText(row.getCell(c + 1).value));
      if (cells.every((c) => c.trim() === '')) continue;
      body.push({ n: row.number - 1, cells });
    }
  } catch (err) {
    if (err instanceof SheetUnreadable) return { ok: false, issues: [issue('file', 'xlsx', 'assetFile.notXlsx')] };
    throw err;
  }
  if (!header) return { ok: false, issues: [issue('file', 'xlsx', 'assetFile.emptySheet')] };
  return parseAssetTable(header, body);
}

/** A cell as the text a person typed: rich text joined, formulas by their result, hyperlinks by their text. */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text);
  return '';
}

/** CSV and .xlsx alike: the header names the columns, each row is checked on its own and named by its number. */
function parseAssetTable(header: readonly string[], body: readonly TableRow[]): ParsedAssets {
  const names = header.map((h) => h.trim());
  const missing = ['code', 'name', 'type'].filter((c) => !names.includes(c));
  if (missing.length)
    return {
      ok: false,
      issues: [issue('header', 'columns', 'assetFile.missingColumns', { columns: missing.join(', ') })],
    };
  if (body.length > MAX_IMPORT_ROWS)
    return { ok: false, issues: [issue('file', 'rows', 'assetFile.tooManyRows', { max: MAX_IMPORT_ROWS })] };
  const col = (row: readonly string[], name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? '' : restoredText((row[i] ?? '').trim());
  };
  const attrColumns = names.filter((n) => n.startsWith('attr.')).map((n) => n.slice(5));
  const issues: FieldIssue[] = [];
  const rows: AssetFileRow[] = [];
  for (const { n, cells: row } of body) {
    const at = `rows[${n}]`;
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
        issues.push(issue(geometryField, 'geometry', 'assetFile.geometry'));
      }
    } else {
      const lng = Number(col(row, 'lng'));
      const lat = Number(col(row, 'lat'));
      if (!col(row, 'lng') || !col(row, 'lat') || !Number.isFinite(lng) || !Number.isFinite(lat))
        issues.push(issue(geometryField, 'required', 'assetFile.lngLat'));
      else geometry = { type: 'Point', coordinates: [lng, lat] };
    }
    const attributes: Record<string, unknown> = {};
    for (const a of attrColumns) {
      const v = col(row, `attr.${a}`);
      if (v !== '') attributes[a] = v;
    }
    if (issues.length > before) continue;
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
  }
  return issues.length ? { ok: false, issues } : { ok: true, rows };
}

export function parseAssetGeoJson(input: unknown): ParsedAssets {
  const features = (input as { features?: unknown } | null)?.features;
  if ((input as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features))
    return { ok: false, issues: [issue('type', 'geojson', 'assetFile.featureCollection')] };
  if (features.length > MAX_IMPORT_ROWS)
    return { ok: false, issues: [issue('features', 'rows', 'assetFile.tooManyFeatures', { max: MAX_IMPORT_ROWS })] };
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
    if (!g || typeof g.type !== 'string') issues.push(issue(`${at}.geometry`, 'required', 'assetFile.featureGeometry'));
    const attrs = p.attributes ?? {};
    if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs))
      issues.push(issue(`${at}.properties.attributes`, 'type', 'assetFile.attributesObject'));
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

/** The header and the cells of each asset, shared by the CSV and the .xlsx export so both import again unchanged. */
function exportTable(rows: readonly AssetRow[]): { header: string[]; body: (string | number | null)[][] } {
  const attrNames = [
    ...new Set(rows.flatMap((r) => Object.keys(JSON.parse(r.attributes) as Record<string, unknown>))),
  ].sort();
  const header = [...ASSET_CSV_COLUMNS, ...attrNames.map((a) => `attr.${a}`)];
  const body = rows.map((r) => {
    const g = JSON.parse(r.geometry) as { type: string; coordinates: unknown };
    const point = g.type === 'Point';
    const attrs = JSON.parse(r.attributes) as Record<string, unknown>;
    return [
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
    ];
  });
  return { header, body };
}

export function assetsCsv(rows: readonly AssetRow[]): string {
  const { header, body } = exportTable(rows);
  const lines = [header.join(','), ...body.map((cells) => cells.map(csvField).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The CSV's columns on one sheet; codes stay text cells, text that would run as a formula is made inert. */
export async function assetsXlsx(rows: readonly AssetRow[]): Promise<Buffer> {
  const { header, body } = exportTable(rows);
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet('assets', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(10, h.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of body) sheet.addRow(cells.map((c) => inertCell(c)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
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
    return { rows: [], issues: [issue('file', 'csv', 'assetFile.csv', { reason: (err as Error).message })] };
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
      issues: [issue('header', 'columns', 'assetFile.missingColumns', { columns: missing.join(', ') })],
    };
  if (body.length > MAX_IMPORT_ROWS * 10)
    return { rows: [], issues: [issue('file', 'rows', 'assetFile.tooManyRows', { max: MAX_IMPORT_ROWS * 10 })] };
  const issues: FieldIssue[] = [];
  const rows: WeighRow[] = [];
  body.forEach((row, i) => {
    const at = `rows[${i + 1}]`;
    const station = (row[cols.station] ?? '').trim();
    const date = (row[cols.date] ?? '').trim().replace(/\//g, '-');
    const t = (row[cols.tonnes] ?? '').trim();
    const tonnes = Number(t);
    const before = issues.length;
    if (!station) issues.push(issue(`${at}.station`, 'required', 'weighbridge.station'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      issues.push(issue(`${at}.date`, 'date', 'weighbridge.date'));
    if (!t || !Number.isFinite(tonnes) || tonnes < 0 || tonnes > 10_000)
      issues.push(issue(`${at}.tonnes`, 'range', 'weighbridge.tonnes'));
    if (issues.length === before) rows.push({ at, station, date, tonnes });
  });
  return { rows, issues };
}
