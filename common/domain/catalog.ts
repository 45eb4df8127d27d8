/**
 * Closed vocabularies of the GB/T 47678.5-2026 catalog of 管理部件 (components) and 管理事项 (matters), and of
 * 处置时限 units. Both the server (import, filing) and the web client (pickers, labels) need them.
 * Source: docs/standards.md, "Catalog: classes and codes" (major classes, 5-digit codes) and "Time limits" (units).
 */
export const CATALOG_KINDS = ['component', 'matter'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** 部件大类 of GB/T 47678.5-2026 (docs/standards.md, "Catalog: classes and codes"). */
export const COMPONENT_MAJOR_CLASSES = {
  '01': '市政公用设施',
  '02': '交通设施',
  '03': '市容环卫设施',
  '04': '园林绿化设施',
  '05': '其他管理部件',
} as const satisfies Record<string, string>;

/**
 * 事项大类. 01–05 are the「××异常」matters that mirror the component classes code for code; 06–10 are the
 * matters proper. GB/T 47678.5 dropped the old 突发事件 class (docs/standards.md, "Catalog: classes and codes").
 */
export const MATTER_MAJOR_CLASSES = {
  '01': '市政公用设施类',
  '02': '交通设施类',
  '03': '市容环卫设施类',
  '04': '园林绿化设施类',
  '05': '其他管理部件类',
  '06': '市容环境类',
  '07': '宣传广告类',
  '08': '施工管理类',
  '09': '街面秩序类',
  '10': '其他事项类',
} as const satisfies Record<string, string>;

export type ComponentMajorCode = keyof typeof COMPONENT_MAJOR_CLASSES;
export type MatterMajorCode = keyof typeof MATTER_MAJOR_CLASSES;

/**
 * Highest national 3-digit minor code in each major class (components and their mirrored matters share 01–05).
 * Local extensions are numbered from 099 downwards and must stay above this ceiling (docs/standards.md, "Old to new codes").
 * A test keeps these figures equal to the data file.
 */
export const NATIONAL_MINOR_CEILING = {
  '01': 77,
  '02': 44,
  '03': 16,
  '04': 14,
  '05': 9,
  '06': 52,
  '07': 8,
  '08': 16,
  '09': 22,
  '10': 2,
} as const satisfies Record<MatterMajorCode, number>;

/** Local extensions count down from this minor code (99, 98, 97 …: docs/standards.md, "Old to new codes"). */
export const LOCAL_MINOR_TOP = 99;

export function majorClassName(kind: CatalogKind, majorCode: string): string | undefined {
  const table: Readonly<Record<string, string>> = kind === 'component' ? COMPONENT_MAJOR_CLASSES : MATTER_MAJOR_CLASSES;
  return Object.hasOwn(table, majorCode) ? table[majorCode] : undefined;
}

/** Matters 01–05 are the anomalies of the component with the same code (docs/standards.md, "Catalog: classes and codes"). */
export function isComponentAnomalyCode(code: string): boolean {
  const major = code.slice(0, 2);
  return Object.hasOwn(COMPONENT_MAJOR_CLASSES, major);
}

/**
 * 处置时限 units (docs/glossary.md `handlingLimit`; docs/standards.md, "Time limits"):
 * - emergency_hours 紧急工作时: natural time, runs through nights, weekends and holidays;
 * - work_hours 工作时 (sheets often write「小时」): only inside working periods of working days;
 * - work_days 工作日 (sheets often write「天」): working days only;
 * - calendar_days 自然日: continuous days.
 */
export { LIMIT_UNITS, type LimitUnit } from './work-calendar.ts';
import type { LimitUnit } from './work-calendar.ts';

export interface HandlingLimit {
  value: number;
  unit: LimitUnit;
}

/** One catalog entry (national or local extension). Pinyin fields are precomputed for search. */
export interface CatalogEntry {
  kind: CatalogKind;
  /** 5-digit code: 2-digit major + 3-digit minor (GB/T 47678.5). */
  code: string;
  name: string;
  majorCode: string;
  majorName: string;
  /** 4-digit GB/T 30428.2 code (docs/standards.md, "Old to new codes"), null where the old catalog had no counterpart. */
  oldCode: string | null;
  /** Lower-case first letters of the usual reading, punctuation dropped: 占道经营 → zdjy. */
  pinyinInitials: string;
  /** Lower-case full pinyin without tones or separators: 占道经营 → zhandaojingying. */
  pinyin: string;
  source: 'national' | 'local';
}
