/**
 * The attribute schema of an asset type (docs/assets.md, "Attribute schema") as a list of rows a person can edit,
 * and back. Only what the server's subset accepts has a row form; a schema with anything else (an unknown keyword,
 * a limit on the wrong kind, a required name that is no attribute) is "unsupported" and stays in the JSON view, so
 * the field list never silently drops part of a schema.
 */
import { ATTRIBUTE_NAME, type AttributeProperty, type AttributeSchema } from '../../../../common/domain/assets.ts';

export const FIELD_KINDS = ['text', 'number', 'integer', 'boolean', 'choice', 'date'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** One attribute as the editor holds it; settings of other kinds are kept while editing but not written out. */
export interface FieldRow {
  /** stable identity for React and for problems, never written to the schema */
  id: string;
  key: string;
  title: string;
  titleEn: string;
  kind: FieldKind;
  required: boolean;
  unit: string;
  minimum: number | null;
  maximum: number | null;
  maxLength: number | null;
  options: string[];
  figure: boolean;
}

/** The limits of the contract (common/contracts/assets.ts, AttributeSchemaSchema). */
export const LIMITS = {
  fields: 40,
  title: 40,
  titleEn: 60,
  unit: 10,
  option: 40,
  options: 50,
  maxLength: 500,
  bound: 1e12,
} as const;

/** Which settings each kind writes; a schema with a setting its kind has no place for is unsupported. */
const SETTINGS: Record<FieldKind, readonly (keyof AttributeProperty)[]> = {
  text: ['unit', 'maxLength'],
  number: ['unit', 'minimum', 'maximum'],
  integer: ['unit', 'minimum', 'maximum'],
  boolean: [],
  choice: ['unit', 'enum', 'figure'],
  // the format is what makes a string a date; it is written, never edited
  date: ['format'],
};
const COMMON = ['type', 'title', 'titleEn'] as const;

let seq = 0;
const nextId = () => `f${++seq}`;

export function emptyRow(): FieldRow {
  return {
    id: nextId(),
    key: '',
    title: '',
    titleEn: '',
    kind: 'text',
    required: false,
    unit: '',
    minimum: null,
    maximum: null,
    maxLength: null,
    options: [],
    figure: false,
  };
}

/** The kind a property is edited and named as; null for a type outside the subset. */
export const kindOf = (p: { type?: unknown; enum?: unknown; format?: unknown }): FieldKind | null =>
  p.type === 'string'
    ? p.format === 'date'
      ? 'date'
      : p.enum !== undefined
        ? 'choice'
        : 'text'
    : p.type === 'number' || p.type === 'integer' || p.type === 'boolean'
      ? p.type
      : null;

/** Why a parsed JSON value cannot be shown as rows: a reason key (assets.schemaEditor.unsupported.*) and where. */
export interface Unsupported {
  reason: string;
  at: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The rows of a schema, or why it cannot be rows. `previous` keeps the ids of rows whose key is unchanged, so an
 * edit in the JSON view does not remount the rows being looked at.
 */
export function schemaToRows(
  value: unknown,
  previous: readonly FieldRow[] = [],
): { rows: FieldRow[] } | { unsupported: Unsupported } {
  const no = (reason: string, at: string) => ({ unsupported: { reason, at } });
  if (!isRecord(value) || value.type !== 'object' || !isRecord(value.properties)) return no('shape', '');
  const extra = Object.keys(value).find((k) => !['type', 'properties', 'required'].includes(k));
  if (extra) return no('keyword', extra);
  const required = value.required ?? [];
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) return no('shape', 'required');
  if (new Set(required).size !== required.length) return no('requiredTwice', 'required');
  const missing = required.find((r) => !Object.hasOwn(value.properties as object, r));
  if (missing !== undefined) return no('requiredUnknown', missing);
  const ids = new Map(previous.map((r) => [r.key, r.id]));
  const rows: FieldRow[] = [];
  for (const [key, raw] of Object.entries(value.properties)) {
    if (!isRecord(raw)) return no('shape', key);
    const kind = kindOf(raw);
    if (!kind) return no('type', key);
    const allowed = new Set<string>([...COMMON, ...SETTINGS[kind]]);
    const stray = Object.keys(raw).find((k) => !allowed.has(k));
    // a list of values on a number is a known mistake with its own reason; on a date it is outside the subset
    const misplacedEnum = raw.enum !== undefined && kind !== 'choice' && kind !== 'date';
    if (stray) return no(misplacedEnum ? 'enumType' : 'keyword', `${key}.${stray}`);
    const { title = '', titleEn = '', unit = '', minimum = null, maximum = null, maxLength = null } = raw;
    const options = raw.enum ?? [];
    if (typeof title !== 'string' || typeof titleEn !== 'string' || typeof unit !== 'string') return no('shape', key);
    if ((minimum !== null && !isNum(minimum)) || (maximum !== null && !isNum(maximum))) return no('shape', key);
    if (maxLength !== null && !isNum(maxLength)) return no('shape', key);
    if (!Array.isArray(options) || !options.every((o) => typeof o === 'string')) return no('shape', `${key}.enum`);
    if (raw.figure !== undefined && typeof raw.figure !== 'boolean') return no('shape', `${key}.figure`);
    rows.push({
      id: ids.get(key) ?? nextId(),
      key,
      title,
      titleEn,
      kind,
      required: required.includes(key),
      unit,
      minimum,
      maximum,
      maxLength,
      options: [...options],
      figure: raw.figure === true,
    });
  }
  return { rows };
}

/** The property one row writes: only its kind's settings, empty texts left out, titles and options trimmed. */
export function propertyOf(row: FieldRow): AttributeProperty {
  const p: AttributeProperty = {
    type: row.kind === 'choice' || row.kind === 'text' || row.kind === 'date' ? 'string' : row.kind,
    title: row.title.trim(),
  };
  const has = (s: keyof AttributeProperty) => SETTINGS[row.kind].includes(s);
  if (row.titleEn.trim()) p.titleEn = row.titleEn.trim();
  if (has('format')) p.format = 'date';
  if (has('enum')) p.enum = row.options.map((o) => o.trim());
  if (has('minimum') && row.minimum !== null) p.minimum = row.minimum;
  if (has('maximum') && row.maximum !== null) p.maximum = row.maximum;
  if (has('maxLength') && row.maxLength !== null) p.maxLength = row.maxLength;
  if (has('unit') && row.unit.trim()) p.unit = row.unit.trim();
  if (has('figure') && row.figure) p.figure = true;
  return p;
}

/** The schema of the rows, properties in row order (the asset form draws them in this order). */
export function rowsToSchema(rows: readonly FieldRow[]): AttributeSchema {
  const properties: Record<string, AttributeProperty> = {};
  for (const row of rows) properties[row.key] = propertyOf(row);
  const required = rows.filter((r) => r.required).map((r) => r.key);
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

/** The schema as the JSON view shows it. */
export const schemaText = (schema: unknown): string => JSON.stringify(schema, null, 2);

export type RowField = 'key' | 'title' | 'titleEn' | 'unit' | 'minimum' | 'maximum' | 'maxLength' | 'options';

/** One problem of one row's input: a catalog key under assets.schemaEditor.err and its parameters. */
export interface RowProblem {
  rowId: string;
  field: RowField;
  key: string;
  params?: Record<string, string | number>;
}

/** Everything the server would refuse in the rows, found before sending, one problem per input at most. */
export function rowProblems(rows: readonly FieldRow[]): RowProblem[] {
  const out: RowProblem[] = [];
  const firstOfKey = new Map<string, number>();
  rows.forEach((row, i) => {
    const add = (field: RowField, key: string, params?: Record<string, string | number>) => {
      if (!out.some((p) => p.rowId === row.id && p.field === field)) out.push({ rowId: row.id, field, key, params });
    };
    if (row.key === '') add('key', 'keyRequired');
    else if (!ATTRIBUTE_NAME.test(row.key)) add('key', 'keyPattern');
    else if (firstOfKey.has(row.key)) add('key', 'keyTwice', { row: (firstOfKey.get(row.key) ?? 0) + 1 });
    else firstOfKey.set(row.key, i);
    if (!row.title.trim()) add('title', 'titleRequired');
    else if (row.title.trim().length > LIMITS.title) add('title', 'tooLong', { max: LIMITS.title });
    if (row.titleEn.trim().length > LIMITS.titleEn) add('titleEn', 'tooLong', { max: LIMITS.titleEn });
    const settings = SETTINGS[row.kind];
    if (settings.includes('unit') && row.unit.trim().length > LIMITS.unit) add('unit', 'tooLong', { max: LIMITS.unit });
    if (settings.includes('minimum')) {
      for (const f of ['minimum', 'maximum'] as const) {
        const v = row[f];
        if (v !== null && Math.abs(v) > LIMITS.bound) add(f, 'bound');
      }
      if (row.minimum !== null && row.maximum !== null && row.minimum > row.maximum) add('maximum', 'range');
    }
    if (settings.includes('maxLength') && row.maxLength !== null) {
      if (!Number.isInteger(row.maxLength) || row.maxLength < 1 || row.maxLength > LIMITS.maxLength)
        add('maxLength', 'maxLength', { max: LIMITS.maxLength });
    }
    if (row.kind === 'choice') {
      const options = row.options.map((o) => o.trim());
      const twice = options.find((o, j) => options.indexOf(o) !== j);
      if (options.length === 0) add('options', 'optionsRequired');
      else if (options.length > LIMITS.options) add('options', 'optionsMany', { max: LIMITS.options });
      else if (options.some((o) => o === '')) add('options', 'optionEmpty');
      else if (options.some((o) => o.length > LIMITS.option)) add('options', 'optionLong', { max: LIMITS.option });
      else if (twice !== undefined) add('options', 'optionTwice', { value: twice });
    }
  });
  return out;
}

/**
 * Where a server problem of the schema belongs: the row of the property it names
 * (`body.attributeSchema.properties.capacity.maximum`, or `required.0` for the first required name), else null.
 */
export function problemProperty(field: string, sent: AttributeSchema | null): string | null {
  const m = /^[./]?body[./]attributeSchema[./](properties|required)[./]([^./]+)/.exec(field);
  if (!m?.[2]) return null;
  if (m[1] === 'properties') return m[2];
  return /^\d+$/.test(m[2]) ? (sent?.required?.[Number(m[2])] ?? null) : null;
}

/** The row input a server problem's path points at, when it names one; else the key input. */
export function problemInput(field: string): RowField {
  const rest = /properties[./][^./]+[./]([A-Za-z]+)/.exec(field)?.[1];
  switch (rest) {
    case 'title':
    case 'titleEn':
    case 'unit':
    case 'minimum':
    case 'maximum':
    case 'maxLength':
      return rest;
    case 'enum':
    case 'figure':
      return 'options';
    default:
      return 'key';
  }
}

/** Moves row `i` by `by` places (−1 up, +1 down); the same list when it cannot move. */
export function moveRow<T>(rows: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (i < 0 || i >= rows.length || j < 0 || j >= rows.length) return [...rows];
  const next = [...rows];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}
