/**
 * The GB/T 47678.5 表 2 common attributes as file columns: the names people and older systems use for them
 * (Chinese labels, 表 2 abbreviations such as GLBJBSM, the CJ/T 214 interface names ObjID/DeptName1/BGID), the
 * state words (完好/破损/丢失/废弃/移除) and date forms (YYYY-MM-DD, YYYYMMDD as 表 2 writes it, Excel dates).
 * Pure: no I/O.
 */
import { COMPONENT_STATES, type ComponentState } from '../../../../common/contracts/components.ts';

export const FIELDS = [
  'code',
  'classCode',
  'name',
  'state',
  'deptName',
  'ownerName',
  'maintainerName',
  'gridCode',
  'lng',
  'lat',
  'initialDate',
  'changeDate',
  'source',
  'notes',
] as const;
export type Field = (typeof FIELDS)[number];

/** The first alias is the column heading of exports (zh-CN, as the bureau's sheets have it). */
const ALIASES: Record<Field, readonly string[]> = {
  code: ['管理部件标识码', '部件标识码', '标识码', '部件编码', 'GLBJBSM', 'ObjID'],
  classCode: ['部件类别代码', '部件小类代码', '小类代码', '类别代码', '分类代码', 'class', 'class_code'],
  name: ['管理部件名称', '部件名称', '名称', 'GLBJMC', 'ObjName'],
  state: ['管理部件状态', '部件状态', '状态', 'GLBJZT', 'ObjState'],
  deptName: ['主管部门名称', '主管部门', 'ZGBMMC', 'DeptName1', 'dept'],
  ownerName: ['权属单位名称', '权属单位', 'QSDWMC', 'DeptName2', 'owner'],
  maintainerName: ['养护单位名称', '养护单位', 'YHDWMC', 'DeptName3', 'maintainer'],
  gridCode: [
    '所在单元网格标识码',
    '单元网格标识码',
    '网格标识码',
    '网格编码',
    'SZDYWGBSM',
    'BGID',
    'grid',
    'grid_code',
  ],
  lng: ['经度', 'lon', 'long', 'longitude', 'x'],
  lat: ['纬度', 'latitude', 'y'],
  initialDate: ['初始日期', 'CSRQ', 'ORDate', 'initial_date'],
  changeDate: ['变更日期', 'BGRQ', 'CHDate', 'change_date'],
  source: ['数据来源', 'SJLY', 'DataSource'],
  notes: ['备注', 'BZ', 'Note', 'remark'],
};

const key = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s_\-（）()]/g, '')
    .toLowerCase();
const BY_KEY = new Map<string, Field>(
  FIELDS.flatMap((f) => [[key(f), f] as const, ...ALIASES[f].map((a) => [key(a), f] as const)]),
);

/** A heading or property name → its field, or undefined for columns we do not import (e.g. 所在街道名称). */
export const fieldOf = (heading: string): Field | undefined => BY_KEY.get(key(heading));
export const headingOf = (field: Field): string => ALIASES[field][0] as string;

/** Renames known keys to their field name; the first of two columns for one field wins. */
export function canonicalProps(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const f = fieldOf(k);
    if (f && !(f in out)) out[f] = v;
  }
  return out;
}

export const STATE_WORDS: Record<ComponentState, string> = {
  intact: '完好',
  damaged: '破损',
  lost: '丢失',
  abandoned: '废弃',
  removed: '移除',
};
const STATE_BY_WORD = new Map<string, ComponentState>(
  COMPONENT_STATES.flatMap((s) => [[s, s] as const, [STATE_WORDS[s], s] as const]),
);

export interface FieldIssue {
  field: Field;
  message: string;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Text cell → trimmed string (numbers from spreadsheets become text), or null when blank. */
export function textOf(v: unknown): string | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' ? v.trim() : null;
}

export function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : null;
}

/** YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD or a Date (Excel) → YYYY-MM-DD, checking that the day exists. */
export function dateOf(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  const s = textOf(v);
  const m = s ? /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})$/.exec(s) : null;
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The attributes of one row other than id, class, grid and position (those are checked by geojson-io). */
export interface Attributes {
  name: string | null;
  state: ComponentState;
  deptName: string;
  ownerName: string | null;
  maintainerName: string | null;
  initialDate: string | null;
  changeDate: string | null;
  source: string | null;
  notes: string | null;
}

export function parseAttributes(p: Record<string, unknown>): { value: Attributes | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const text = (field: Field, max: number, required = false): string | null => {
    const v = p[field];
    const s = textOf(v);
    if (s === null && !isBlank(v)) issues.push({ field, message: `${field} must be text` });
    else if (s === null && required) issues.push({ field, message: `${field} is required` });
    else if (s !== null && s.length > max) issues.push({ field, message: `${field} is longer than ${max} characters` });
    return s;
  };
  const date = (field: Field): string | null => {
    if (isBlank(p[field])) return null;
    const d = dateOf(p[field]);
    if (!d)
      issues.push({
        field,
        message: `${field} must be a date (YYYY-MM-DD or YYYYMMDD), got ${JSON.stringify(p[field])}`,
      });
    return d;
  };
  const stateText = textOf(p.state);
  const state =
    stateText === null ? 'intact' : (STATE_BY_WORD.get(stateText.toLowerCase()) ?? STATE_BY_WORD.get(stateText));
  if (!state)
    issues.push({
      field: 'state',
      message: `state must be one of 完好/破损/丢失/废弃/移除 (${COMPONENT_STATES.join('/')}), got ${JSON.stringify(p.state)}`,
    });
  const value: Attributes = {
    name: text('name', 30),
    state: state ?? 'intact',
    deptName: text('deptName', 100, true) ?? '',
    ownerName: text('ownerName', 100),
    maintainerName: text('maintainerName', 100),
    initialDate: date('initialDate'),
    changeDate: date('changeDate'),
    source: text('source', 30),
    notes: text('notes', 1000),
  };
  return { value: issues.length ? null : value, issues };
}
