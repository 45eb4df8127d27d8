/**
 * Component files in and out: GeoJSON (Point features), CSV (UTF-8, BOM tolerated) and Excel (.xlsx, first sheet),
 * each row turned into the same SourceRow so one validation serves all three; and the same columns written back
 * out, so an export re-imports unchanged. Rows are named as people see them: `row 5` is spreadsheet row 5
 * (the header is row 1), `features[3]` is the fourth feature.
 */
import { excel } from '../../platform/excel.ts';
import type { CellValue } from 'exceljs';
import { csvField, inertCell, restoredText } from '../../platform/cell-text.ts';
import { parseCsv } from '../../platform/csv.ts';
import { DEFAULT_SHEET_LIMITS, SheetUnreadable, type SheetLimits } from '../../platform/sheet-rows.ts';
import { sheetRowsOffThread } from '../../platform/sheet-thread.ts';
import { canonicalProps, fieldOf, headingOf, numberOf, STATE_WORDS, type Field } from './component-fields.ts';
import type { ComponentViewRow } from './component.repository.ts';

export const MAX_IMPORT_ROWS = 50_000;

/** One problem of an import file; `path` is what a person reads (`row 5.state`, `features[3].properties.state`). */
export interface ImportIssue {
  path: string;
  message: string;
  row?: number;
  feature?: number;
  field?: string;
}

export type RowRef = { row: number } | { feature: number };
export interface SourceRow {
  ref: RowRef;
  /** Properties / cells by field name. */
  props: Record<string, unknown>;
  /** GeoJSON geometry as given, or a Point built from the lng/lat columns (null when they are not numbers). */
  geometry: unknown;
}

export type FileKind = 'geojson' | 'csv' | 'xlsx';

export function fileKind(filename: string | undefined, bytes: Buffer): FileKind | null {
  const ext = /\.([a-z]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  // No usable name: an xlsx is a zip ("PK"), JSON starts with "{".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  return bytes
    .toString('utf8', 0, 64)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'geojson'
    : 'csv';
}

export const issueAt = (ref: RowRef, field: string, message: string, geojsonPath?: string): ImportIssue =>
  'row' in ref
    ? { path: `row ${ref.row}.${field}`, row: ref.row, field, message }
    : { path: geojsonPath ?? `features[${ref.feature}].properties.${field}`, feature: ref.feature, field, message };

const fileIssue = (message: string, path = 'file'): ImportIssue => ({ path, message });

export function readGeoJson(input: unknown): { rows: SourceRow[]; issues: ImportIssue[] } {
  const fc = input as { type?: unknown; features?: unknown } | null;
  if (typeof fc !== 'object' || fc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { rows: [], issues: [fileIssue('expected a GeoJSON FeatureCollection with a features array', '')] };
  }
  if (fc.features.length > MAX_IMPORT_ROWS)
    return { rows: [], issues: [fileIssue(`at most ${MAX_IMPORT_ROWS} features per file`, 'features')] };
  const rows: SourceRow[] = [];
  const issues: ImportIssue[] = [];
  fc.features.forEach((f: unknown, i) => {
    const feat = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (
      typeof feat !== 'object' ||
      feat === null ||
      feat.type !== 'Feature' ||
      typeof feat.properties !== 'object' ||
      feat.properties === null
    ) {
      issues.push({ path: `features[${i}]`, feature: i, message: 'expected a Feature with a properties object' });
    } else {
      rows.push({
        ref: { feature: i },
        props: canonicalProps(feat.properties as Record<string, unknown>),
        geometry: feat.geometry,
      });
    }
  });
  return { rows, issues };
}

/** Cells by field from a header row; headings we do not import are ignored, required ones must be there. */
function tableRows(
  header: readonly string[],
  body: readonly { row: number; cells: readonly unknown[] }[],
): { rows: SourceRow[]; issues: ImportIssue[] } {
  const columns = new Map<number, Field>();
  header.forEach((h, i) => {
    const f = fieldOf(String(h ?? ''));
    if (f && ![...columns.values()].includes(f)) columns.set(i, f);
  });
  const have = new Set(columns.values());
  const missing = (['lng', 'lat', 'deptName'] as const).filter((f) => !have.has(f));
  if (!have.has('code') && !have.has('classCode')) missing.push('code' as never);
  if (missing.length > 0) {
    return {
      rows: [],
      issues: missing.map((f) => ({
        path: `row 1.${f}`,
        row: 1,
        field: f,
        message: `missing column ${headingOf(f)} (${f})`,
      })),
    };
  }
  if (body.length > MAX_IMPORT_ROWS)
    return { rows: [], issues: [fileIssue(`at most ${MAX_IMPORT_ROWS} rows per file`)] };
  const rows = body.map(({ row, cells }): SourceRow => {
    const props: Record<string, unknown> = {};
    for (const [i, f] of columns) {
      const v = cells[i];
      props[f] = typeof v === 'string' ? restoredText(v) : v;
    }
    const lng = numberOf(props.lng);
    const lat = numberOf(props.lat);
    return {
      ref: { row },
      props,
      geometry: lng !== null && lat !== null ? { type: 'Point', coordinates: [lng, lat] } : null,
    };
  });
  return { rows, issues: [] };
}

export function readCsv(bytes: Buffer): { rows: SourceRow[]; issues: ImportIssue[] } {
  let table: string[][];
  try {
    table = parseCsv(bytes.toString('utf8'));
  } catch (err) {
    return { rows: [], issues: [fileIssue(`not a readable CSV file: ${(err as Error).message}`)] };
  }
  const [header, ...body] = table;
  if (!header) return { rows: [], issues: [fileIssue('the file is empty')] };
  return tableRows(
    header,
    body.filter((cells) => cells.some((c) => c.trim() !== '')).map((cells, i) => ({ row: i + 2, cells })),
  );
}

/** A cell as the value a person typed: rich text joined, formulas by their result, hyperlinks by their text. */
function cellValue(v: CellValue): unknown {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellValue(v.result);
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellValue(v.text);
  return null;
}

/**
 * The first sheet, streamed within the platform's size and row limits (413 / 422). Row 1 is the header; data rows
 * are read only as far as the last column whose heading we import, so a stray cell far to the right costs nothing.
 */
export async function readXlsx(
  bytes: Buffer,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<{ rows: SourceRow[]; issues: ImportIssue[] }> {
  let header: string[] | undefined;
  const body: { row: number; cells: unknown[] }[] = [];
  const issues: ImportIssue[] = [];
  try {
    for await (const row of sheetRowsOffThread(bytes, { maxRows: MAX_IMPORT_ROWS, limits })) {
      if (!header) {
        const headings = new Map<number, string>();
        if (row.number === 1)
          row.eachCell((cell, col) => headings.set(col, String(cellValue(cell.value) ?? '').trim()));
        const width = [...headings].reduce((w, [col, h]) => (fieldOf(h) ? Math.max(w, col) : w), 0);
        header = Array.from({ length: width }, (_, c) => headings.get(c + 1) ?? '');
        if (row.number === 1) continue;
      }
      const cells = header.map((_, c) => cellValue(row.getCell(c + 1).value));
      if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
      body.push({ row: row.number, cells });
    }
  } catch (err) {
    if (err instanceof SheetUnreadable) return { rows: [], issues: [fileIssue('not a readable .xlsx file')] };
    throw err;
  }
  if (!header) return { rows: [], issues: [fileIssue('the workbook has no rows')] };
  const read = tableRows(header, body);
  // A 17-digit id typed as a number has already lost its last digits (doubles hold 15–16): refuse it, do not guess.
  for (const row of read.rows) {
    for (const f of ['code', 'gridCode'] as const) {
      const v = row.props[f];
      if (typeof v === 'number' && !Number.isSafeInteger(v)) {
        issues.push(
          issueAt(row.ref, f, `${f} was stored as a number and has lost digits: format the column as text in Excel`),
        );
        row.props[f] = undefined;
      }
    }
  }
  return { rows: read.rows, issues: [...read.issues, ...issues] };
}

// ---------- export ----------

const EXPORT_COLUMNS: readonly [string, (r: ComponentViewRow) => string | number | null][] = [
  [headingOf('code'), (r) => r.code],
  [headingOf('classCode'), (r) => r.class_code],
  ['部件类别名称', (r) => r.class_name],
  [headingOf('name'), (r) => r.name],
  [headingOf('state'), (r) => STATE_WORDS[r.state]],
  [headingOf('deptName'), (r) => r.dept_name],
  [headingOf('ownerName'), (r) => r.owner_name],
  [headingOf('maintainerName'), (r) => r.maintainer_name],
  [headingOf('gridCode'), (r) => r.grid_code],
  ['所在街道代码', (r) => r.street_code],
  ['所在街道名称', (r) => r.street_name],
  ['所在社区代码', (r) => r.community_code],
  ['所在社区名称', (r) => r.community_name],
  [headingOf('lng'), (r) => r.lng],
  [headingOf('lat'), (r) => r.lat],
  [headingOf('initialDate'), (r) => r.initial_date],
  [headingOf('changeDate'), (r) => r.change_date],
  [headingOf('source'), (r) => r.source],
  [headingOf('notes'), (r) => r.notes],
  ['示意数据', (r) => (r.synthetic ? '是' : '否')],
];

/** UTF-8 with BOM and CRLF, which Excel on Windows opens correctly; text that would run as a formula made inert. */
export function componentsCsv(rows: readonly ComponentViewRow[]): string {
  const lines = [EXPORT_COLUMNS.map(([h]) => csvField(h)).join(',')];
  for (const r of rows) lines.push(EXPORT_COLUMNS.map(([, get]) => csvField(get(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function componentsXlsx(rows: readonly ComponentViewRow[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet('管理部件', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map(([header]) => ({ header, width: Math.max(10, header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  // ids stay text cells: as numbers Excel would round 17 digits
  for (const r of rows) sheet.addRow(EXPORT_COLUMNS.map(([, get]) => inertCell(get(r))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function componentsGeoJson(rows: readonly ComponentViewRow[]): string {
  const features = rows.map((r) =>
    JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
      properties: {
        code: r.code,
        classCode: r.class_code,
        className: r.class_name,
        name: r.name,
        state: r.state,
        deptName: r.dept_name,
        ownerName: r.owner_name,
        maintainerName: r.maintainer_name,
        gridCode: r.grid_code,
        streetCode: r.street_code,
        communityCode: r.community_code,
        initialDate: r.initial_date,
        changeDate: r.change_date,
        source: r.source,
        notes: r.notes,
        synthetic: r.synthetic === 1,
      },
    }),
  );
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}
