/**
 * Base-data registers of the bureau's lines (docs/assets.md): one framework for 环卫, 园林, 市政, 排水, 渣土 and
 * 燃气. Asset types are tenant data carrying an attribute schema (a small subset of JSON Schema, below), so a new
 * kind of facility is a row, not a module.
 */

/** 环卫, 园林, 市政, 排水, 渣土, 燃气 */
export const ASSET_LINES = ['sanitation', 'parks', 'municipal', 'drainage', 'muck', 'gas'] as const;
export type AssetLine = (typeof ASSET_LINES)[number];

export const GEOMETRY_KINDS = ['point', 'line', 'polygon'] as const;
export type GeometryKind = (typeof GEOMETRY_KINDS)[number];

export const ASSET_STATUSES = ['active', 'maintenance', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** Units of a work order's quantity: m², m, pieces (个/座/处), tonnes. */
export const QUANTITY_UNITS = ['m2', 'm', 'unit', 't'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/**
 * Units of a daily log: tonnes (station tonnage), hours (pump running), m (dredged), m² (washed); counted
 * quantities: person-times (人次 on patrol), trips (台次 of a vehicle), pots (盆 planted); and 元 (money paid, e.g. a
 * township's 奖补资金). Migration 0077 widened the stored check to these.
 */
export const LOG_UNITS = ['t', 'h', 'm', 'm2', 'person', 'trip', 'pot', 'yuan'] as const;
export type LogUnit = (typeof LOG_UNITS)[number];

/** Quantities are stored as integer thousandths (no floating sums in reports). */
export const toMilli = (v: number): number => Math.round(v * 1000);
export const fromMilli = (v: number): number => v / 1000;
/** The largest quantity of one order or one day's log. */
export const MAX_QUANTITY = 1_000_000;

// ---------------------------------------------------------------------------------------------------------------
// The attribute schema subset

export const ATTRIBUTE_TYPES = ['string', 'number', 'integer', 'boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
/** JSON Schema's `format` on a string: `date` is a calendar date kept as `YYYY-MM-DD` (no time, no zone). */
export const ATTRIBUTE_FORMATS = ['date'] as const;
export type AttributeFormat = (typeof ATTRIBUTE_FORMATS)[number];

/** One attribute: a JSON Schema property with a Chinese title, an English title and a unit for display. */
export interface AttributeProperty {
  type: AttributeType;
  title: string;
  titleEn?: string;
  /** strings only: the allowed values */
  enum?: string[];
  /** numbers and integers */
  minimum?: number;
  maximum?: number;
  /** strings */
  maxLength?: number;
  /** strings without an enum: `date` asks for a real calendar date as `YYYY-MM-DD` */
  format?: AttributeFormat;
  /** shown after the value, e.g. t/d, m, kW */
  unit?: string;
  /** strings with an enum: the report counts the type's assets per value (docs/assets.md, "Figures") */
  figure?: boolean;
}

/** A kind of 养护工单 a type declares (窨井清理, 井盖更换): the report counts and costs finished orders per kind. */
export interface WorkKind {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A work kind's code: lower-case letters, digits and dashes (it is part of a figure key once camel-cased). */
export const WORK_KIND_CODE = /^[a-z][a-z0-9-]{0,39}$/;

export interface AttributeSchema {
  type: 'object';
  properties: Record<string, AttributeProperty>;
  required?: string[];
}

export const EMPTY_ATTRIBUTE_SCHEMA: AttributeSchema = { type: 'object', properties: {} };

/** Attribute names: letters, digits and underscores, starting with a letter (safe as a form field and CSV column). */
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * Problems of a schema beyond its shape (the contract checks the shape): required names that are not properties,
 * enums on non-strings, min above max. Field paths are relative to the schema (`properties.x.minimum`).
 */
export function schemaProblems(
  s: AttributeSchema,
): { field: string; message: string; key: string; params: Record<string, string> }[] {
  const out: { field: string; message: string; key: string; params: Record<string, string> }[] = [];
  // key: the catalog text (details.assetSchema.<key>) the server renders in the reader's language
  const add = (field: string, key: string, name: string, message: string) =>
    out.push({ field, key, params: { name }, message });
  for (const [name, p] of Object.entries(s.properties)) {
    if (!ATTRIBUTE_NAME.test(name))
      add(`properties.${name}`, 'name', name, 'attribute names are letters, digits and _ (≤ 40)');
    if (p.enum && p.type !== 'string')
      add(`properties.${name}.enum`, 'enumType', name, 'only string attributes take a list of values');
    if ((p.minimum !== undefined || p.maximum !== undefined) && p.type !== 'number' && p.type !== 'integer')
      add(`properties.${name}.minimum`, 'rangeType', name, 'only numbers take a minimum or maximum');
    if (p.minimum !== undefined && p.maximum !== undefined && p.minimum > p.maximum)
      add(`properties.${name}.maximum`, 'range', name, 'maximum is below minimum');
    if (p.figure && !p.enum)
      add(`properties.${name}.figure`, 'figure', name, 'only attributes with a list of values are figures');
    if (p.maxLength !== undefined && p.type !== 'string')
      add(`properties.${name}.maxLength`, 'maxLengthType', name, 'only strings take a maximum length');
    if (p.format !== undefined && p.type !== 'string')
      add(`properties.${name}.format`, 'formatType', name, 'only string attributes can be dates');
    else if (p.format !== undefined && p.enum)
      add(`properties.${name}.format`, 'formatEnum', name, 'a date takes no list of values');
  }
  (s.required ?? []).forEach((r, i) => {
    if (!Object.hasOwn(s.properties, r)) add(`required.${i}`, 'required', r, `${r} is not an attribute`);
  });
  return out;
}

/** A date as spreadsheets in China write it (2024/3/5, 2024.3.5, 2024-3-5): year first, any of three separators. */
const LOOSE_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/**
 * Reads one CSV cell into an attribute value of its type; undefined for an empty cell, NaN-free. A date cell is
 * written back as `YYYY-MM-DD`; whether it is a real day is the schema check's to say.
 */
export function attributeFromText(p: AttributeProperty, text: string): unknown {
  const s = text.trim();
  if (s === '') return undefined;
  if (p.format === 'date') {
    const m = LOOSE_DATE.exec(s);
    return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : s;
  }
  if (p.type === 'boolean') {
    if (['true', '1', '是', 'yes'].includes(s.toLowerCase())) return true;
    if (['false', '0', '否', 'no'].includes(s.toLowerCase())) return false;
    return s;
  }
  if (p.type === 'number' || p.type === 'integer') {
    const n = Number(s);
    return Number.isFinite(n) ? n : s;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Work orders (养护工单)

export const WORK_ORDER_STATES = ['open', 'in_progress', 'done', 'accepted'] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

export const WORK_ORDER_ACTIONS = ['start', 'finish', 'accept', 'rework'] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

/** open → in progress → done → accepted; an acceptance refused sends the order back to work (rework). */
const TRANSITIONS: Record<WorkOrderAction, { from: WorkOrderState; to: WorkOrderState }> = {
  start: { from: 'open', to: 'in_progress' },
  finish: { from: 'in_progress', to: 'done' },
  accept: { from: 'done', to: 'accepted' },
  rework: { from: 'done', to: 'in_progress' },
};

export function nextWorkOrderState(state: WorkOrderState, action: WorkOrderAction): WorkOrderState | null {
  const t = TRANSITIONS[action];
  return t.from === state ? t.to : null;
}

/**
 * 超期: an order still open or in progress after its deadline, or one finished after it. Instants are ISO UTC text,
 * so they compare as strings.
 */
export function isOverdue(o: { state: WorkOrderState; dueAt: string; doneAt: string | null }, now: string): boolean {
  if (o.doneAt) return o.doneAt > o.dueAt;
  return now > o.dueAt;
}

/** A type a register entry is made of when the tenant has not defined it yet (e.g. by a 行政审批 grant). */
export interface AssetTypeDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  line: AssetLine;
  geometryKind: GeometryKind;
  attributeSchema: AttributeSchema;
}

/**
 * 渣土 line: the 建筑垃圾处置核准 a grant of the approval window puts in the register (docs/assets.md, "Entries
 * from 行政审批"): one entry per permit at the construction site, with the permit's facts and the application's
 * number that it came from.
 */
export const MUCK_PERMIT_TYPE: AssetTypeDefinition = {
  code: 'MUCK-PERMIT',
  nameZh: '建筑垃圾处置核准',
  nameEn: 'Construction waste disposal permit',
  line: 'muck',
  geometryKind: 'point',
  attributeSchema: {
    type: 'object',
    properties: {
      permitNo: { type: 'string', title: '核准文号', titleEn: 'Permit no.', maxLength: 40 },
      holder: { type: 'string', title: '处置单位', titleEn: 'Holder', maxLength: 60 },
      disposalSite: { type: 'string', title: '消纳场所', titleEn: 'Disposal site', maxLength: 100 },
      volumeM3: {
        type: 'number',
        title: '核准处置量',
        titleEn: 'Permitted volume',
        minimum: 0,
        maximum: 10_000_000,
        unit: 'm³',
      },
      validFrom: { type: 'string', title: '有效期起', titleEn: 'Valid from', maxLength: 10 },
      validTo: { type: 'string', title: '有效期止', titleEn: 'Valid to', maxLength: 10 },
      applicationNo: { type: 'string', title: '审批件号', titleEn: 'Application no.', maxLength: 40 },
    },
    required: ['permitNo', 'holder', 'disposalSite', 'volumeM3', 'validFrom', 'validTo'],
  },
};
