import { tryT, type Locale } from '../../../../common/i18n/core.ts';
import {
  CATALOG_KINDS,
  COMPONENT_MAJOR_CLASSES,
  LIMIT_UNITS,
  MATTER_MAJOR_CLASSES,
  type CatalogKind,
} from '../../../../common/domain/catalog.ts';
import type { LimitUnit } from '../../../../common/domain/work-calendar.ts';

/** Catalog label of a closed-vocabulary value; the raw value if a newer server sends one we do not know yet. */
const label = (locale: Locale, key: string, fallback: string) => tryT(locale, key) ?? fallback;

export const catalogKindLabel = (locale: Locale, kind: string) => label(locale, `catalog.kind.${kind}`, kind);
export const catalogKindOptions = (locale: Locale) =>
  CATALOG_KINDS.map((value) => ({ value, label: catalogKindLabel(locale, value) }));

/** Major class names are a closed vocabulary (docs/standards.md, "Catalog: classes and codes"), so they are translated, unlike entry names. */
export const majorLabel = (locale: Locale, kind: string, majorCode: string, fallback = majorCode) =>
  label(locale, `catalog.majors.${kind === 'component' ? 'component' : 'matter'}.${majorCode}`, fallback);

/**
 * The major classes a kind may use. For a new local matter only 06–10: matters 01–05 are component anomalies and
 * are created with their component (CATALOG_ANOMALY_NEEDS_COMPONENT).
 */
export function majorOptions(locale: Locale, kind: CatalogKind | undefined, purpose: 'filter' | 'create' = 'filter') {
  const codes =
    kind === 'component'
      ? Object.keys(COMPONENT_MAJOR_CLASSES)
      : Object.keys(MATTER_MAJOR_CLASSES).filter((code) => purpose === 'filter' || code > '05');
  return codes.sort().map((code) => ({ value: code, label: `${code} ${majorLabel(locale, kind ?? 'matter', code)}` }));
}

export const limitUnitLabel = (locale: Locale, unit: string) => label(locale, `catalog.limitUnit.${unit}`, unit);
export const limitUnitOptions = (locale: Locale) =>
  LIMIT_UNITS.map((value) => ({ value, label: limitUnitLabel(locale, value) }));
export const asLimitUnit = (value: string): LimitUnit | undefined => LIMIT_UNITS.find((u) => u === value);

/** "2 紧急工作时", "4 工作时", "1 工作日", "15 自然日" — as the bureau's sheet writes a limit. */
export function limitText(locale: Locale, limit: { value: number; unit: string }): string {
  const unit =
    limit.value === 1
      ? label(locale, `catalog.limitUnitOne.${limit.unit}`, limit.unit)
      : limitUnitLabel(locale, limit.unit);
  return `${limit.value} ${unit}`;
}
