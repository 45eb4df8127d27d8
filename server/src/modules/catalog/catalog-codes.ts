/**
 * Catalog codes: GB/T 47678.5 5-digit codes, the old GB/T 30428.2 4-digit codes, the mapping between them
 * and numbering of local extensions (docs/standards.md, "Old to new codes"). Pure functions, no I/O.
 */
import {
  LOCAL_MINOR_TOP,
  MATTER_MAJOR_CLASSES,
  NATIONAL_MINOR_CEILING,
  majorClassName,
  type CatalogKind,
} from '../../../../common/domain/catalog.ts';
import { translate } from '../../platform/messages.ts';

export type CodeProblem = 'format' | 'unknown_major' | 'not_local' | 'taken';
/** A failed check names its catalog text (`key`, under details.catalogCode) and carries it in zh-CN as `message`. */
export type CodeCheck =
  { ok: true } | { ok: false; problem: CodeProblem; key: string; params: Record<string, string>; message: string };

const NEW_CODE = /^(\d{2})(\d{3})$/;
const OLD_CODE = /^(\d{2})(\d{2})$/;
const OK: CodeCheck = { ok: true };
const text = (key: string, params: Record<string, string>) =>
  translate('zh-CN', `details.catalogCode.${key}`, params) ?? key;
const fail = (problem: CodeProblem, key: string, params: Record<string, string>): CodeCheck => ({
  ok: false,
  problem,
  key: `details.catalogCode.${key}`,
  params,
  message: text(key, params),
});

/**
 * Exceptions for components: old 05 水域附属设施 / 水域护栏 / 防汛墙 moved to 01069–01071; old 0504 液化气站
 * has no new entry.
 */
const COMPONENT_OLD_TO_NEW: Readonly<Record<string, string | null>> = {
  '0504': null,
  '0506': '01069',
  '0507': '01070',
  '0508': '01071',
};

/**
 * Exceptions for events: the old 05 突发事件 and 06 其他事件 classes do not shift. 道路积雪积冰 and 架空线缆脱落 went
 * to 10, 临街屠宰 to 09013; 供水/燃气管道破裂, 路面塌陷, 道路积水 have no new entry (thought to move to part 6).
 * Any other old 05xx/06xx event code is unmapped.
 */
const MATTER_OLD_TO_NEW: Readonly<Record<string, string | null>> = {
  '0501': null,
  '0502': null,
  '0505': null,
  '0506': null,
  '0507': '10001',
  '0508': '10002',
  '0602': '09013',
};

const invert = (table: Readonly<Record<string, string | null>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(table).flatMap(([oldCode, newCode]) => (newCode === null ? [] : [[newCode, oldCode]])),
  );
const COMPONENT_NEW_TO_OLD = invert(COMPONENT_OLD_TO_NEW);
const MATTER_NEW_TO_OLD = invert(MATTER_OLD_TO_NEW);

/**
 * New codes claimed by an exception: the plain rule must not also map an old code onto them (e.g. old 0169 or
 * event 0413), because we cannot tell what the old catalog had there; those old codes stay unmapped.
 */
const CLAIMED_COMPONENT = new Set(Object.keys(COMPONENT_NEW_TO_OLD));
const CLAIMED_MATTER = new Set(Object.keys(MATTER_NEW_TO_OLD));

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Old 4-digit code → new 5-digit code, or null when there is no known counterpart.
 * Rule (docs/standards.md, "Old to new codes"): components `AA BB` → `AA 0 BB`; events of old classes 01–04 `AA BB` → `(AA+5) 0 BB`.
 * `oldKind` is the old catalog's side: component (部件) or matter (事件). An old component code also names the
 * component-anomaly matter with the same new code.
 * Old local extensions (minor counted down from 99) map by the same rule onto the new local range (0AA099 …).
 */
export function oldToNewCode(oldKind: CatalogKind, oldCode: string): string | null {
  const m = OLD_CODE.exec(oldCode);
  if (!m || m[2] === '00') return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (oldKind === 'component') {
    if (Object.hasOwn(COMPONENT_OLD_TO_NEW, oldCode)) return COMPONENT_OLD_TO_NEW[oldCode] ?? null;
    if (major < 1 || major > 5) return null;
    const code = `${pad(major, 2)}${pad(minor, 3)}`;
    return CLAIMED_COMPONENT.has(code) ? null : code;
  }
  if (Object.hasOwn(MATTER_OLD_TO_NEW, oldCode)) return MATTER_OLD_TO_NEW[oldCode] ?? null;
  if (major < 1 || major > 4) return null;
  const code = `${pad(major + 5, 2)}${pad(minor, 3)}`;
  return CLAIMED_MATTER.has(code) ? null : code;
}

/**
 * New 5-digit code → old 4-digit code, or null. Matters 01–05 (component anomalies) return the old *component*
 * code, since GB/T 30428.2 filed such cases under the component's class. Minor codes above 99 never had an old
 * code; neither did the new class 10 apart from its two exceptions.
 */
export function newToOldCode(kind: CatalogKind, code: string): string | null {
  const m = NEW_CODE.exec(code);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (minor < 1 || minor > 99) return null;
  const componentSide = kind === 'component' || (major >= 1 && major <= 5);
  if (componentSide) {
    if (major < 1 || major > 5) return null;
    return COMPONENT_NEW_TO_OLD[code] ?? `${pad(major, 2)}${pad(minor, 2)}`;
  }
  if (MATTER_NEW_TO_OLD[code] !== undefined) return MATTER_NEW_TO_OLD[code];
  if (major < 6 || major > 9) return null;
  return `${pad(major - 5, 2)}${pad(minor, 2)}`;
}

export function splitCatalogCode(code: string): { majorCode: string; minor: number } | null {
  const m = NEW_CODE.exec(code);
  return m && m[1] !== undefined && m[2] !== undefined ? { majorCode: m[1], minor: Number(m[2]) } : null;
}

/** A 5-digit code whose major class exists for the kind (components 01–05, matters 01–10) and minor ≠ 000. */
export function checkCatalogCode(kind: CatalogKind, code: string): CodeCheck {
  const parts = splitCatalogCode(code);
  if (!parts || parts.minor === 0) {
    return fail('format', 'format', { code });
  }
  if (majorClassName(kind, parts.majorCode) === undefined) {
    const key = kind === 'component' ? 'unknownComponentMajor' : 'unknownMatterMajor';
    return fail('unknown_major', key, { majorCode: parts.majorCode, code });
  }
  return OK;
}

/** A 4-digit GB/T 30428.2 code: 2-digit major 01–06, 2-digit minor 01–99. */
export function checkOldCode(code: string): CodeCheck {
  const m = OLD_CODE.exec(code);
  if (!m || m[2] === '00' || Number(m[1]) < 1 || Number(m[1]) > 6) {
    return fail('format', 'oldFormat', { code });
  }
  return OK;
}

/** Local extensions live above the national ceiling of their major class, up to 099. */
export function isLocalCode(code: string): boolean {
  const parts = splitCatalogCode(code);
  if (!parts || !Object.hasOwn(NATIONAL_MINOR_CEILING, parts.majorCode)) return false;
  const ceiling = NATIONAL_MINOR_CEILING[parts.majorCode as keyof typeof NATIONAL_MINOR_CEILING];
  return parts.minor > ceiling && parts.minor <= LOCAL_MINOR_TOP;
}

/** Checks a code an administrator proposes for a local extension. `existingCodes`: every code in use. */
export function checkLocalCode(kind: CatalogKind, code: string, existingCodes: readonly string[]): CodeCheck {
  const base = checkCatalogCode(kind, code);
  if (!base.ok) return base;
  if (!isLocalCode(code)) {
    return fail('not_local', 'notLocal', { ...localCodeRange(code.slice(0, 2)), code });
  }
  if (existingCodes.includes(code)) return fail('taken', 'taken', { code });
  return OK;
}

/** nextLocalCode found no free local code: every code of the class's local range is (or was) in use. */
export class LocalRangeFull extends Error {
  readonly range: { low: string; high: string };
  constructor(readonly majorCode: string) {
    const range = localCodeRange(majorCode);
    super(translate('zh-CN', 'details.catalog.localRangeFull', { majorCode, ...range }) ?? 'local range full');
    this.range = range;
  }
}

/** The local extension codes of a major class: just above its national ceiling, up to 099. */
export function localCodeRange(majorCode: string): { low: string; high: string } {
  const ceiling = NATIONAL_MINOR_CEILING[majorCode as keyof typeof NATIONAL_MINOR_CEILING];
  return { low: `${majorCode}${pad(ceiling + 1, 3)}`, high: `${majorCode}${pad(LOCAL_MINOR_TOP, 3)}` };
}

/**
 * Next free local code in a major class, counting down from 099 (99, 98, 97 …: docs/standards.md, "Old to new codes").
 * Pass every code ever used in the class, retired ones included, so that a code never changes meaning.
 * Throws when the major class is unknown or the local range is full.
 */
export function nextLocalCode(majorCode: string, existingCodesInMajorClass: readonly string[]): string {
  if (!Object.hasOwn(MATTER_MAJOR_CLASSES, majorCode)) {
    throw new Error(text('unknownMatterMajor', { majorCode, code: majorCode }));
  }
  const ceiling = NATIONAL_MINOR_CEILING[majorCode as keyof typeof NATIONAL_MINOR_CEILING];
  const used = new Set(existingCodesInMajorClass);
  for (let minor = LOCAL_MINOR_TOP; minor > ceiling; minor -= 1) {
    const code = `${majorCode}${pad(minor, 3)}`;
    if (!used.has(code)) return code;
  }
  throw new LocalRangeFull(majorCode);
}
