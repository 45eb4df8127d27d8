/**
 * The 立结案标准 Excel sheet bureaus already keep (docs/standards.md, "Time limits": 类型, 大类, 小类, 立案条件, 处置时限, 结案条件,
 * 处置单位): time-limit wording, row validation with per-row errors, and xlsx read/write with exceljs.
 * Import is all-or-nothing: the caller saves `valid` only when `errors` is empty.
 */
import { excel } from '../../platform/excel.ts';
import type { CatalogEntry, HandlingLimit, LimitUnit } from '../../../../common/domain/catalog.ts';
import { inertText, restoredText } from '../../platform/cell-text.ts';
import { AppError, withMessage } from '../../platform/errors.ts';
import { DEFAULT_SHEET_LIMITS, SheetUnreadable, type SheetLimits } from '../../platform/sheet-rows.ts';
import { sheetRowsOffThread } from '../../platform/sheet-thread.ts';
import { oldToNewCode } from './catalog-codes.ts';

export const SHEET_NAME = '立结案标准';
export const COLUMNS = ['类型', '大类', '小类', '立案条件', '处置时限', '结案条件', '处置单位'] as const;
export type Column = (typeof COLUMNS)[number];
/** 类型 and 大类 may be left out: 小类 alone identifies the entry. */
const REQUIRED_COLUMNS: readonly Column[] = ['小类', '立案条件', '处置时限', '结案条件', '处置单位'];
const MAX_ROWS = 5000;
const MAX_TEXT = 500;
const MAX_LIMIT_VALUE = 999;
/** 处置单位 of a condition with no fixed unit: the case goes to the street office where it happened (属地管理). */
export const BY_LOCATION = '属地';
const BY_LOCATION_WORDS: ReadonlySet<string> = new Set([
  '属地',
  '属地街道',
  '属地街道办事处',
  '所在街道',
  '所在街道办事处',
]);

/** One sheet row as text, `row` being the Excel row number (header = 1). */
export interface RawRow {
  row: number;
  cells: Record<Column, string>;
}

export interface ParsedRow {
  row: number;
  matterCode: string;
  matterName: string;
  condition: string;
  handlingLimit: HandlingLimit;
  closingCondition: string;
  unitName: string | null; // null: 属地
}

export interface RowError {
  row: number;
  field: Column;
  message: string;
}

/**
 * Time-limit wordings found in bureau sheets (运城 table; docs/standards.md, "Time limits"), number first, optional 个 and 内:
 * - 紧急工作时 / 紧急时 / 紧急小时 → emergency_hours (natural time, runs day and night);
 * - 紧急工作日 / 紧急日 / 紧急天 → emergency_hours × 24 (运城「2紧急工作日」: urgent, natural time → 48 紧急工作时);
 * - 工作时 / 工作小时 / 小时 / 时 → work_hours (sheets write「X小时」for 工作时);
 * - 工作日 / 工作天 / 天 → work_days (sheets write「X天」for 工作日);
 * - 自然日 / 自然天 / 日历日 / 日 → calendar_days (a bare「日」reads as calendar days, as in statutes:「七日内」).
 * Whole numbers 1–999, ASCII or full-width digits. Anything else returns null.
 */
const LIMIT_WORDS: ReadonlyArray<[RegExp, LimitUnit, number]> = [
  [/^紧急(?:工作)?(?:小时|时)$/, 'emergency_hours', 1],
  [/^紧急(?:工作)?(?:日|天)$/, 'emergency_hours', 24],
  [/^(?:工作小时|工作时|小时|时)$/, 'work_hours', 1],
  [/^(?:工作日|工作天|天)$/, 'work_days', 1],
  [/^(?:自然日|自然天|日历日|日)$/, 'calendar_days', 1],
];

export function parseLimitText(text: string): HandlingLimit | null {
  const m = /^(\d+)个?(\D+?)内?$/.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const n = Number(m[1]);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT_VALUE) return null;
  for (const [pattern, unit, factor] of LIMIT_WORDS) {
    if (pattern.test(m[2])) return { value: n * factor, unit };
  }
  return null;
}

const UNIT_WORDS: Record<LimitUnit, string> = {
  emergency_hours: '紧急工作时',
  work_hours: '工作时',
  work_days: '工作日',
  calendar_days: '自然日',
};

/** The canonical wording: parseLimitText(formatLimit(x)) equals x. */
export function formatLimit(limit: HandlingLimit): string {
  return `${limit.value}${UNIT_WORDS[limit.unit]}`;
}

const clean = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
/** Strips bracketed notes so that 道路遗撒 finds 道路遗撒（洒） and 垃圾站满溢 finds 垃圾站（箱）满溢. */
const stripNotes = (s: string): string => s.replace(/\([^)]*\)/g, '');

type SheetKind = 'component' | 'matter' | null;
function sheetKind(text: string): SheetKind | 'bad' {
  const t = clean(text).replace(/类$/, '');
  if (t === '') return null;
  if (t === '部件') return 'component';
  if (t === '事件' || t === '事项') return 'matter';
  return 'bad';
}

interface Lookup {
  byCode: Map<string, CatalogEntry[]>;
  byName: Map<string, CatalogEntry[]>;
  matters: Map<string, CatalogEntry>;
}

function buildLookup(catalog: readonly CatalogEntry[]): Lookup {
  const lookup: Lookup = { byCode: new Map(), byName: new Map(), matters: new Map() };
  const add = (map: Map<string, CatalogEntry[]>, key: string, e: CatalogEntry) =>
    map.set(key, [...(map.get(key) ?? []), e]);
  for (const e of catalog) {
    add(lookup.byCode, e.code, e);
    add(lookup.byName, clean(e.name), e);
    if (stripNotes(clean(e.name)) !== clean(e.name)) add(lookup.byName, stripNotes(clean(e.name)), e);
    if (e.kind === 'matter') lookup.matters.set(e.code, e);
  }
  return lookup;
}

/**
 * 小类 may be a name, a 5-digit code, an old 4-digit code (mapped per docs/standards.md, "Old to new codes"), or a code followed by
 * the name. A 部件 row files under the component's anomaly matter (same code, docs/standards.md, "Catalog: classes and codes").
 */
/** The catalog entry, or the problem: a details.standards key and the value it quotes. */
type MinorProblem = { problem: string; value: string };

function resolveMinor(text: string, kind: SheetKind, lookup: Lookup): CatalogEntry | MinorProblem {
  const t = clean(text);
  const code = /^(\d{4,5})(?!\d)/.exec(t)?.[1];
  let found: CatalogEntry[] = [];
  if (code?.length === 5) found = lookup.byCode.get(code) ?? [];
  if (code?.length === 4) {
    const sides = kind === null ? (['component', 'matter'] as const) : [kind];
    const mapped = sides.map((side) => oldToNewCode(side, code)).filter((c): c is string => c !== null);
    if (mapped.length === 0) return { problem: 'oldCodeUnmapped', value: code };
    found = mapped.flatMap((c) => lookup.byCode.get(c) ?? []);
  }
  if (!code) found = lookup.byName.get(t) ?? lookup.byName.get(stripNotes(t)) ?? [];
  const ofKind = kind === null ? found : found.filter((e) => e.kind === kind);
  const matterCodes = [...new Set(ofKind.map((e) => e.code))];
  if (matterCodes.length === 1 && matterCodes[0] !== undefined) {
    const matter = lookup.matters.get(matterCodes[0]);
    return matter ?? { problem: 'noAnomaly', value: text };
  }
  if (matterCodes.length > 1) return { problem: 'ambiguousMinor', value: text };
  if (found.length > 0 && kind !== null) {
    return { problem: kind === 'component' ? 'minorIsMatter' : 'minorIsComponent', value: text };
  }
  return { problem: 'unknownMinor', value: text };
}

function majorMatches(text: string, entry: CatalogEntry): boolean {
  const t = clean(text);
  if (t === '') return true;
  const code = /^\d{2}/.exec(t)?.[0];
  if (code) return code === entry.majorCode;
  // A 部件 row names the component class (市政公用设施), an 事项 row the matter class (市政公用设施类).
  return t.replace(/类$/, '') === entry.majorName.replace(/类$/, '');
}

/**
 * Checks every row; errors carry the Excel row number and the column. A row with any error is not in `valid`.
 * `unitNames` are the tenant's handling units; 处置单位 must name one of them exactly.
 */
export function validateStandardsRows(
  rows: readonly RawRow[],
  catalog: readonly CatalogEntry[],
  unitNames: readonly string[],
): { valid: ParsedRow[]; errors: RowError[] } {
  const lookup = buildLookup(catalog);
  const units = new Set(unitNames.map((u) => u.trim()));
  const seen = new Map<string, number>();
  const valid: ParsedRow[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = [];
    const err = (field: Column, key: string, params: Record<string, unknown> = {}) =>
      rowErrors.push(withMessage({ row, field }, `details.${key}`, { field, ...params }));
    const text = (field: Column): string => {
      const value = cells[field].trim();
      if (value.length > MAX_TEXT) err(field, 'sheet.tooLong', { max: MAX_TEXT });
      return value;
    };
    const kind = sheetKind(cells['类型']);
    if (kind === 'bad') err('类型', 'standards.badKind', { value: cells['类型'], choices: '部件、事项（事件）' });
    const minor = text('小类');
    let matter: CatalogEntry | undefined;
    if (minor === '') err('小类', 'sheet.required');
    else {
      const found = resolveMinor(minor, kind === 'bad' ? null : kind, lookup);
      if ('problem' in found) err('小类', `standards.${found.problem}`, { value: found.value });
      else matter = found;
    }
    if (matter && !majorMatches(cells['大类'], matter)) {
      err('大类', 'standards.majorMismatch', {
        value: cells['大类'],
        minor: matter.name,
        majorCode: matter.majorCode,
        majorName: matter.majorName,
      });
    }
    const condition = text('立案条件');
    if (condition === '') err('立案条件', 'sheet.required');
    const limitText = text('处置时限');
    const limit = parseLimitText(limitText);
    if (limitText === '') err('处置时限', 'sheet.required');
    else if (!limit) {
      err('处置时限', 'standards.badLimit', {
        value: limitText,
        max: MAX_LIMIT_VALUE,
        examples: '2紧急工作时、4工作时、3工作日、7自然日',
      });
    }
    const closingCondition = text('结案条件');
    if (closingCondition === '') err('结案条件', 'sheet.required');
    const unitName = text('处置单位');
    if (unitName === '') err('处置单位', 'sheet.required');
    else if (!units.has(unitName) && !BY_LOCATION_WORDS.has(clean(unitName)))
      err('处置单位', 'standards.unknownUnit', { value: unitName, byLocation: BY_LOCATION });
    if (matter && condition !== '') {
      const key = `${matter.code}\u0000${clean(condition)}`;
      const first = seen.get(key);
      if (first !== undefined) err('立案条件', 'standards.duplicate', { row: first });
      else seen.set(key, row);
    }
    if (rowErrors.length > 0 || !matter || !limit) errors.push(...rowErrors);
    else {
      // A real unit named like a 属地 wording wins; otherwise the wording means "no fixed unit".
      valid.push({
        row,
        matterCode: matter.code,
        matterName: matter.name,
        condition,
        handlingLimit: limit,
        closingCondition,
        unitName: units.has(unitName) ? unitName : null,
      });
    }
  }
  return { valid, errors };
}

export interface StandardsRowInput {
  matterCode: string;
  condition: string;
  handlingLimit: HandlingLimit;
  closingCondition: string;
  unitName: string | null; // null: written as 属地
}

/**
 * The sheet cells for a stored condition. Component anomalies (matters 01–05) are written as 类型 部件 with the
 * component's name and class, as bureau sheets do; throws when the matter is not in the catalog.
 */
export function toSheetCells(input: StandardsRowInput, catalog: readonly CatalogEntry[]): Record<Column, string> {
  const matter = catalog.find((e) => e.kind === 'matter' && e.code === input.matterCode);
  if (!matter) throw new Error(`事项「${input.matterCode}」不在目录中`);
  const component = catalog.find((e) => e.kind === 'component' && e.code === input.matterCode);
  const shown = component ?? matter;
  return {
    类型: component ? '部件' : '事项',
    大类: shown.majorName,
    小类: shown.name,
    立案条件: input.condition,
    处置时限: formatLimit(input.handlingLimit),
    结案条件: input.closingCondition,
    处置单位: input.unitName ?? BY_LOCATION,
  };
}

const WIDTHS: Record<Column, number> = {
  类型: 8,
  大类: 16,
  小类: 20,
  立案条件: 48,
  处置时限: 14,
  结案条件: 28,
  处置单位: 20,
};

/** Writes the 立结案标准 sheet (header row, then one row per condition) and a 填写说明 sheet. */
export async function buildStandardsWorkbook(rows: readonly Record<Column, string>[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of rows) sheet.addRow(COLUMNS.map((c) => inertText(cells[c])));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 60 }];
  help.addRows([
    ['列', '说明'],
    ['类型', '部件 或 事项（事件）；可留空'],
    ['大类', '大类名称或 2 位代码；可留空'],
    ['小类', 'GB/T 47678.5 小类名称、5 位代码或旧 4 位代码'],
    ['处置单位', `系统中已有的处置单位全称；写「${BY_LOCATION}」表示不指定单位，按案件位置派给所在街道`],
    ['处置时限', '数字+单位：紧急工作时、紧急工作日（按 24 紧急工作时计）、工作时（小时）、工作日（天）、自然日（日）'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads the 立结案标准 sheet (or the first sheet) by header names, so column order and extra columns do not
 * matter. Blank rows are skipped. The workbook is streamed within the platform's size and row limits (413 / 422);
 * throws AppError CATALOG_SHEET_INVALID when the file or its header is unusable.
 */
export async function readStandardsWorkbook(
  buf: Buffer,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<RawRow[]> {
  const missingHeaders = (fields: readonly Column[]) =>
    new AppError(
      'CATALOG_SHEET_INVALID',
      400,
      fields.map((field) => withMessage({ row: 1, field }, 'details.sheet.missingHeader', { field })),
    );
  let positions: Map<Column, number> | undefined;
  const rows: RawRow[] = [];
  try {
    for await (const row of sheetRowsOffThread(buf, { sheet: SHEET_NAME, maxRows: MAX_ROWS, limits })) {
      if (!positions) {
        positions = new Map();
        if (row.number === 1) {
          row.eachCell((cell, col) => {
            const header = COLUMNS.find((c) => c === clean(cell.text));
            if (header && !positions?.has(header)) positions?.set(header, col);
          });
        }
        const missing = REQUIRED_COLUMNS.filter((c) => !positions?.has(c));
        if (missing.length > 0) throw missingHeaders(missing);
        if (row.number === 1) continue;
      }
      const at = positions;
      const cells = Object.fromEntries(
        COLUMNS.map((c) => {
          const col = at.get(c);
          return [c, col === undefined ? '' : restoredText(row.getCell(col).text.trim())];
        }),
      ) as Record<Column, string>;
      if (COLUMNS.some((c) => cells[c] !== '')) rows.push({ row: row.number, cells });
    }
  } catch (err) {
    if (err instanceof SheetUnreadable)
      throw new AppError('CATALOG_SHEET_INVALID', 400, [
        withMessage({ row: 0, field: 'file' }, 'details.sheet.notXlsx'),
      ]);
    throw err;
  }
  if (!positions) throw missingHeaders(REQUIRED_COLUMNS);
  return rows;
}
