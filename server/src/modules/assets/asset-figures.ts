/**
 * The registers' figures per asset type (docs/assets.md, "Figures"), derived from the tenant's own types rather than
 * written per line: every type has its count; an enum attribute the type marks `figure` has a count per value; a
 * type with a daily log has the period's sum in its unit; a type's finished 养护工单 have a count and a cost, in all
 * and per work kind the type declares. Keys sit in the line's section: `assets.drainage.type.drnDefect.count`,
 * `….type.drnDefect.kind.mixedConnection`, `….type.drnDredge.log.m`, `….type.drnManhole.orders.coverReplace.count`.
 */
import type { AttributeSchema, AssetLine, LogUnit, WorkKind } from '../../../../common/domain/assets.ts';
import type { FigureUnit } from '../../../../common/domain/report-figures.ts';
import type { AssetTypesTable } from '../../db/schema-assets.ts';
import type { Executor } from '../../platform/db.ts';
import type { ReportFigureSpec } from '../reports/index.ts';
import { workKindsOf } from './asset-context.ts';
import * as stats from './asset-statistics.repository.ts';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * A code or value as one segment of a figure key (letters and digits, starting with a lower-case letter):
 * `SAN-TRANSFER` → `sanTransfer`, `mixed-connection` → `mixedConnection`; null when nothing Latin is left (a
 * Chinese enum value, which then goes by its position).
 */
export function figureSlug(text: string): string | null {
  const parts = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (!parts.length) return null;
  const s = parts.map((p, i) => (i ? p.charAt(0).toUpperCase() + p.slice(1).toLowerCase() : p.toLowerCase())).join('');
  return /^[a-z]/.test(s) ? s : `n${s}`;
}

/** How a log unit's sum reads as a figure: money logged in 元 is held in fen like every other money figure. */
const LOG_FIGURE_UNIT: Record<LogUnit, FigureUnit> = {
  t: 'ton',
  h: 'hour',
  m: 'metre',
  m2: 'm2',
  person: 'person',
  trip: 'count',
  pot: 'count',
  yuan: 'wanYuan',
};
export const logFigureValue = (unit: LogUnit, quantity: number) =>
  unit === 'yuan' ? Math.round(quantity * 100) : quantity;

/** The figure dimensions of a type: its enum attributes marked `figure`, each value with its key segment. */
export function dimensionsOf(t: Pick<AssetTypesTable, 'attribute_schema'>) {
  const schema = JSON.parse(t.attribute_schema) as AttributeSchema;
  return Object.entries(schema.properties)
    .filter(([, p]) => p.figure && p.enum?.length)
    .map(([name, p]) => ({
      name,
      slug: figureSlug(name) ?? 'attribute',
      titleZh: p.title,
      titleEn: p.titleEn ?? p.title,
      values: (p.enum ?? []).map((value, i) => ({ value, slug: figureSlug(value) ?? `v${i + 1}` })),
    }));
}

export interface TypeFigureNames {
  type: AssetTypesTable;
  slug: string;
  kinds: (WorkKind & { slug: string })[];
  dimensions: ReturnType<typeof dimensionsOf>;
}

/** The types of one line with their key segments (a second type whose code reads the same gets a number). */
export function lineTypes(types: readonly AssetTypesTable[], line: AssetLine): TypeFigureNames[] {
  const used = new Set<string>();
  return types
    .filter((t) => t.line === line)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((type) => {
      const base = figureSlug(type.code) ?? 'type';
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}${n}`;
      used.add(slug);
      return {
        type,
        slug,
        kinds: workKindsOf(type).map((k) => ({ ...k, slug: figureSlug(k.code) ?? k.code })),
        dimensions: dimensionsOf(type),
      };
    });
}

/** The declared figures of one line's types (the yearbook's picker and the placeholder check read these). */
export function typeFigureSpecs(types: readonly TypeFigureNames[]): ReportFigureSpec[] {
  const out: ReportFigureSpec[] = [];
  for (const { type, slug, kinds, dimensions } of types) {
    // the catalog says which of the type's names its language reads
    const zh = (t: Translate) => t('assets.nameLang') === 'zh';
    const names = (t: Translate) => ({ type: zh(t) ? type.name_zh : type.name_en });
    const spec = (name: string, unit: FigureUnit, label: (t: Translate) => string) =>
      out.push({ name: `type.${slug}.${name}`, unit, path: '/data/assets', label });
    spec('count', 'count', (t) => t('figures.assets.typeCount', names(t)));
    for (const d of dimensions)
      for (const v of d.values)
        spec(`${d.slug}.${v.slug}`, 'count', (t) =>
          t('figures.assets.typeByValue', {
            ...names(t),
            attribute: zh(t) ? d.titleZh : d.titleEn,
            value: v.value,
          }),
        );
    const unit = type.log_unit;
    if (unit)
      spec(`log.${unit}`, LOG_FIGURE_UNIT[unit], (t) =>
        unit === 'yuan'
          ? t('figures.assets.typeLogYuan', names(t))
          : t('figures.assets.typeLog', { ...names(t), unit: t(`assets.logUnits.${unit}`) }),
      );
    spec('orders.count', 'count', (t) => t('figures.assets.typeOrders', names(t)));
    spec('orders.costFen', 'wanYuan', (t) => t('figures.assets.typeOrderCost', names(t)));
    for (const k of kinds) {
      const kind = (t: Translate) => ({ ...names(t), kind: zh(t) ? k.nameZh : k.nameEn });
      spec(`orders.${k.slug}.count`, 'count', (t) => t('figures.assets.typeKindCount', kind(t)));
      spec(`orders.${k.slug}.costFen`, 'wanYuan', (t) => t('figures.assets.typeKindCost', kind(t)));
    }
  }
  return out;
}

/**
 * The counts per value of the types that have figure dimensions (assets in service), tallied in the database: a
 * type can hold tens of thousands of assets (docs/assets.md, "At scale").
 */
export async function dimensionCounts(db: Executor, tenantId: string, types: readonly AssetTypesTable[]) {
  const out = new Map<string, Map<string, Map<string, number>>>();
  for (const t of types) {
    const dims = dimensionsOf(t);
    if (!dims.length) continue;
    out.set(
      t.id,
      await stats.attributeValueCounts(
        db,
        tenantId,
        t.id,
        dims.map((d) => d.name),
      ),
    );
  }
  return out;
}
