/**
 * The work-order sheet a hotline system exports (docs/hotline.md, "Intake from 12345": 工单号、诉求人、联系方式、诉求内容、地址、办理时限、
 * 紧急程度), as xlsx or CSV: header lookup by name (with the wordings hotline exports use), row validation with
 * per-row errors, and the template. Import is all-or-nothing: the caller saves only when `errors` is empty.
 */
import { excel } from '../../platform/excel.ts';
import type { HotlineOrderInput, HotlineUrgency } from '../../../../common/contracts/hotline.ts';
import { resolveFixedOffset } from '../../../../common/domain/work-calendar-time.ts';
import { parseCsv } from '../../platform/csv.ts';
import { reportImportRows } from '../../platform/import-progress.ts';
import {
  DEFAULT_SHEET_LIMITS,
  importTooManyRows,
  SheetUnreadable,
  type SheetLimits,
} from '../../platform/sheet-rows.ts';
import { sheetRowsOffThread } from '../../platform/sheet-thread.ts';
import { withMessage } from '../../platform/errors.ts';
import { hotlineErrors } from './hotline.errors.ts';

export const SHEET_NAME = '热线工单';
export const COLUMNS = ['工单编号', '诉求人', '联系电话', '诉求内容', '地址', '办理时限', '紧急程度'] as const;
export type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['工单编号', '诉求内容'];
/** Other headers seen in 12345 / 民情通 / 信访 exports. */
const ALIASES: Record<string, Column> = {
  工单号: '工单编号',
  编号: '工单编号',
  信访件编号: '工单编号',
  受理编号: '工单编号',
  来电人: '诉求人',
  诉求人姓名: '诉求人',
  信访人: '诉求人',
  姓名: '诉求人',
  联系方式: '联系电话',
  来电号码: '联系电话',
  电话: '联系电话',
  内容: '诉求内容',
  问题描述: '诉求内容',
  来电内容: '诉求内容',
  信访内容: '诉求内容',
  事发地址: '地址',
  事发地点: '地址',
  问题地址: '地址',
  截止时间: '办理时限',
  办结时限: '办理时限',
  时限: '办理时限',
  紧急度: '紧急程度',
  缓急程度: '紧急程度',
};
export const MAX_ROWS = 2000;
const URGENCY_WORDS: Record<string, HotlineUrgency> = {
  '': 'normal',
  一般: 'normal',
  普通: 'normal',
  normal: 'normal',
  紧急: 'urgent',
  加急: 'urgent',
  urgent: 'urgent',
  特急: 'emergency',
  特别紧急: 'emergency',
  突发: 'emergency',
  emergency: 'emergency',
};

export type CellValue = string | Date;
export interface RawRow {
  row: number;
  cells: Record<Column, CellValue>;
}
export interface ParsedRow extends HotlineOrderInput {
  row: number;
}
export interface RowError {
  row: number;
  field: Column | 'file';
  message: string;
}

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const columnOf = (header: string): Column | undefined => {
  const h = clean(header);
  return (COLUMNS as readonly string[]).includes(h) ? (h as Column) : ALIASES[h];
};

/** Where each known column is, by the header row's cells (position → text; positions are the caller's own). */
function headerPositions(headers: Iterable<[number, string]>): Map<Column, number> {
  const positions = new Map<Column, number>();
  for (const [i, h] of headers) {
    const col = columnOf(h);
    if (col && !positions.has(col)) positions.set(col, i);
  }
  const missing = REQUIRED.filter((c) => !positions.has(c));
  if (missing.length > 0)
    throw hotlineErrors.sheetInvalid(
      missing.map((field) => withMessage({ row: 1, field }, 'details.sheet.missingHeader', { field })),
    );
  return positions;
}

/**
 * A deadline cell: an Excel date, ISO 8601 with a zone, or local business time 'YYYY-MM-DD[ HH:mm[:ss]]' (also
 * with '/' or '.'); a date alone means the end of that day. null = not understood.
 */
export function parseDeadline(value: CellValue, timeZone: string): Date | null {
  const zone = resolveFixedOffset(timeZone);
  const offsetMs = 'offsetMs' in zone ? zone.offsetMs : 8 * 3_600_000;
  // exceljs gives Excel's zoneless date-times as UTC instants carrying the wall-clock time; a bare date (midnight)
  // is a day, due at its end like a typed date.
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return null;
    return new Date((t % 86_400_000 === 0 ? t + 86_399_000 : t) - offsetMs);
  }
  const text = value.normalize('NFKC').trim();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) =>
    x === undefined ? undefined : Number(x),
  );
  const dateOnly = h === undefined;
  const utc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, dateOnly ? 23 : h, dateOnly ? 59 : mi, dateOnly ? 59 : (s ?? 0));
  const check = new Date(utc);
  if (check.getUTCMonth() !== (mo ?? 1) - 1 || check.getUTCDate() !== d || (h ?? 0) > 23) return null;
  return new Date(utc - offsetMs);
}

const asText = (v: CellValue) => (v instanceof Date ? v.toISOString() : v.trim());

/** Checks every row; a row with any error is left out of `valid`. */
export function validateRows(rows: readonly RawRow[], timeZone: string): { valid: ParsedRow[]; errors: RowError[] } {
  const valid: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = [];
    const err = (field: Column, key: string, params: Record<string, unknown> = {}) =>
      rowErrors.push(withMessage({ row, field }, `details.${key}`, { field, ...params }));
    const text = (field: Column, max: number) => {
      const v = asText(cells[field]);
      if (v.length > max) err(field, 'sheet.tooLong', { max });
      return v;
    };
    const externalNo = text('工单编号', 64);
    if (externalNo === '') err('工单编号', 'sheet.required');
    else if (/\s/.test(externalNo)) err('工单编号', 'sheet.noSpaces');
    else if (seen.has(externalNo)) err('工单编号', 'hotline.duplicateNo', { row: seen.get(externalNo) });
    else seen.set(externalNo, row);
    const requesterName = text('诉求人', 50);
    const requesterPhone = text('联系电话', 30);
    if (requesterPhone !== '' && !/^[0-9+\-() ]+$/.test(requesterPhone))
      err('联系电话', 'hotline.badPhone', { value: requesterPhone });
    const content = text('诉求内容', 4000);
    if (content === '') err('诉求内容', 'sheet.required');
    const address = text('地址', 200);
    const urgencyText = clean(asText(cells['紧急程度'])).toLowerCase();
    const urgency = URGENCY_WORDS[urgencyText];
    if (!urgency)
      err('紧急程度', 'hotline.badUrgency', { value: asText(cells['紧急程度']), choices: '一般、紧急、特急' });
    const rawDeadline = cells['办理时限'];
    let deadline: string | null = null;
    if (asText(rawDeadline) !== '') {
      const parsed = parseDeadline(rawDeadline, timeZone);
      if (!parsed) err('办理时限', 'hotline.badDeadline', { value: asText(rawDeadline) });
      else deadline = parsed.toISOString();
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    valid.push({
      row,
      externalNo,
      content,
      urgency: urgency ?? 'normal',
      deadline,
      requesterName: requesterName || null,
      requesterPhone: requesterPhone || null,
      address: address || null,
    });
  }
  return { valid, errors };
}

/** One data row: its sheet row number and the cells of the known columns ('' where absent or blank). */
function rawRow(
  row: number,
  positions: ReadonlyMap<Column, number>,
  cell: (position: number) => CellValue | undefined,
): RawRow | null {
  const cells = Object.fromEntries(
    COLUMNS.map((c) => {
      const at = positions.get(c);
      return [c, at === undefined ? '' : (cell(at) ?? '')];
    }),
  ) as Record<Column, CellValue>;
  return COLUMNS.some((c) => asText(cells[c]) !== '') ? { row, cells } : null;
}

const looksLikeZip = (buf: Buffer) =>
  buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
const fileProblem = (key: string) =>
  hotlineErrors.sheetInvalid([withMessage({ row: 0, field: 'file' }, `details.sheet.${key}`)]);
const notXlsx = () => fileProblem('notXlsx');

function readCsvRows(buf: Buffer, maxRows: number): RawRow[] {
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') || text.includes('\u0000')) throw fileProblem('notXlsxOrCsv');
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('CSV')) throw fileProblem('csvUnclosedQuote');
    throw err;
  }
  const [header = [], ...body] = table;
  const positions = headerPositions(header.map((h, i): [number, string] => [i, h.trim()]));
  if (body.length > maxRows) throw importTooManyRows(maxRows);
  return body.flatMap((line, i) => rawRow(i + 2, positions, (at) => line[at]) ?? []);
}

/**
 * The 热线工单 sheet (or the first) of an xlsx, streamed: row 1 is the header, later rows are read cell by cell
 * for the known columns only. Size and row limits are the platform's (413 / 422 before or while reading).
 */
async function readXlsxRows(buf: Buffer, limits: SheetLimits): Promise<RawRow[]> {
  let positions: Map<Column, number> | undefined;
  const rows: RawRow[] = [];
  try {
    for await (const row of sheetRowsOffThread(buf, { sheet: SHEET_NAME, maxRows: MAX_ROWS, limits })) {
      if (!positions) {
        const header: [number, string][] = [];
        if (row.number === 1) row.eachCell((cell, col) => header.push([col, cell.text.trim()]));
        positions = headerPositions(header);
        if (row.number === 1) continue;
      }
      const raw = rawRow(row.number, positions, (col) => {
        const cell = row.getCell(col);
        return cell.value instanceof Date ? cell.value : cell.text.trim();
      });
      if (raw) rows.push(raw);
    }
  } catch (err) {
    if (err instanceof SheetUnreadable) throw notXlsx();
    throw err;
  }
  if (!positions) headerPositions([]);
  return rows;
}

/** Reads an xlsx workbook (the 热线工单 sheet or the first) or UTF-8 CSV, told apart by content. */
export async function readOrderFile(buf: Buffer, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<RawRow[]> {
  if (!looksLikeZip(buf)) {
    const rows = readCsvRows(buf, Math.min(MAX_ROWS, limits.maxRows));
    reportImportRows(rows.length, rows.length);
    return rows;
  }
  return readXlsxRows(buf, limits);
}

/** The import template: the header, one example row and a 填写说明 sheet. */
export async function buildTemplate(): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: Record<Column, number> = {
    工单编号: 22,
    诉求人: 12,
    联系电话: 16,
    诉求内容: 60,
    地址: 30,
    办理时限: 20,
    紧急程度: 10,
  };
  sheet.columns = COLUMNS.map((c) => ({ header: c, key: c, width: widths[c] }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([
    'GD20240312000123',
    '张先生',
    '13800000000',
    '金湖大道与新冶大道路口夜间占道烧烤，油烟噪音扰民',
    '金湖大道与新冶大道路口',
    '2024-03-19 18:00',
    '一般',
  ]);
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 70 }];
  help.addRows([
    ['列', '说明'],
    ['工单编号', '必填；热线系统的工单号，同一来源内不重复（已登记的工单导入时跳过）'],
    ['诉求内容', '必填'],
    ['联系电话', '可空；仅数字和 + - ( )'],
    [
      '办理时限',
      '可空；日期或日期时间（北京时间），如 2024-03-19 18:00；空则按紧急程度：一般 7 天、紧急 24 小时、特急 2 小时',
    ],
    ['紧急程度', '一般 / 紧急 / 特急；可空（一般）'],
    ['文件', 'xlsx 或 UTF-8 编码的 CSV（首行为表头），最多 2000 行；任一行有误则整表不导入'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
