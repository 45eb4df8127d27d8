import type { ReportFigure } from '../../../../common/contracts/reports.ts';
import { figureText, type FigureUnit } from '../../../../common/domain/report-figures.ts';
import type { KpiPeriod } from '../../../../common/domain/kpi.ts';

/** The translation function of a report context (declared here, so this file and report-section.ts import one way). */
type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * A figure a section declares up front, whether or not the period has data: the 工作总结 checks a placeholder's key
 * against these declarations, and a section that answers null for a period stands for zeros (docs/yearbook.md,
 * "Figures").
 */
export interface ReportFigureSpec {
  /** the part after the section key: `accepted` in `approvals.accepted` */
  name: string;
  unit: FigureUnit;
  /** the label in the context's language; default: the catalog's `figures.<section>.<name>` */
  label?: (t: Translate) => string;
  /** the console page of the records behind the figure; the period's dates are added as filters */
  path?: string;
}

/** A declared figure with its section, as the catalogue of every figure key lists it. */
export interface DeclaredFigure extends ReportFigureSpec {
  section: string;
  key: string;
}

export function figureLabel(t: Translate, f: DeclaredFigure): string {
  return f.label ? f.label(t) : t(`figures.${f.section}.${f.name}`);
}

/** The drill-down address: the page with the period's first and last day (the KPI pages read them as a custom range). */
export function figureLink(path: string | undefined, period: Pick<KpiPeriod, 'from' | 'to'>): string | null {
  if (!path) return null;
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}period=custom&from=${period.from}&to=${period.to}`;
}

export function figureView(
  t: Translate,
  period: Pick<KpiPeriod, 'from' | 'to'>,
  f: DeclaredFigure,
  value: number | null,
): ReportFigure {
  return {
    key: f.key,
    label: figureLabel(t, f),
    value,
    unit: f.unit,
    text: figureText(value, f.unit),
    link: figureLink(f.path, period),
  };
}

/** What a declared figure stands at when its section has nothing to say for the period: zero, or no data for a rate. */
export const emptyValue = (f: ReportFigureSpec): number | null => (f.unit === 'percent' ? null : 0);

/**
 * The figures of one section's view from the values its sentences used (any object of numbers: the section's figures record itself, so a sentence and its figure
 * cannot disagree). A declared name missing from `values` reads as its empty value.
 */
export function sectionFigures(
  ctx: { t: Translate; period: Pick<KpiPeriod, 'from' | 'to'> },
  section: string,
  specs: readonly ReportFigureSpec[],
  values: object,
): ReportFigure[] {
  const read = (s: ReportFigureSpec): number | null => {
    const v = (values as Record<string, unknown>)[s.name];
    return typeof v === 'number' || v === null ? v : emptyValue(s);
  };
  return specs.map((s) => figureView(ctx.t, ctx.period, { ...s, section, key: `${section}.${s.name}` }, read(s)));
}

/**
 * A family of figures whose members the records define (a hotline source, a case channel, a matter class or a
 * group of classes): `<section>.<family>.<member>.<name>`, or `<section>.<member>.<name>` when the family has no
 * name. A 工作总结 may name any member the pattern admits; the section computes the ones asked for besides those it
 * lists itself (docs/yearbook.md, "Figures").
 */
export interface ReportFigureFamily {
  /** '' when the section holds one family: `channels.petition.reported` */
  name: string;
  member: RegExp;
  figures: readonly ReportFigureSpec[];
}

/** The key of a family member's figure. */
export const familyKey = (section: string, family: ReportFigureFamily, member: string, name: string) =>
  [section, family.name, member, name].filter(Boolean).join('.');

/** The member and figure name a key names in a family of a section, or null. */
export function familyMemberOf(
  section: string,
  family: ReportFigureFamily,
  key: string,
): { member: string; spec: ReportFigureSpec } | null {
  const prefix = `${[section, family.name].filter(Boolean).join('.')}.`;
  if (!key.startsWith(prefix)) return null;
  const rest = key.slice(prefix.length);
  const dot = rest.lastIndexOf('.');
  const member = rest.slice(0, dot);
  const spec = family.figures.find((f) => f.name === rest.slice(dot + 1));
  return dot > 0 && spec && family.member.test(member) ? { member, spec } : null;
}

/** A member's declared figure: labelled `figures.<section>.<family>.<name>` (`figures.member.<name>` without a family name) with the member's label. */
export function familyDeclared(
  section: string,
  family: ReportFigureFamily,
  member: string,
  spec: ReportFigureSpec,
  memberLabel: string = member,
): DeclaredFigure {
  const key = familyKey(section, family, member, spec.name);
  return {
    ...spec,
    name: key.slice(section.length + 1),
    section,
    key,
    label:
      spec.label ??
      ((t) =>
        t(family.name ? `figures.${section}.${family.name}.${spec.name}` : `figures.member.${spec.name}`, {
          member: memberLabel,
        })),
  };
}

/** The figures of the members of a family, each from its values (a name missing from them reads as empty). */
export function familyFigures(
  ctx: { t: Translate; period: Pick<KpiPeriod, 'from' | 'to'> },
  section: string,
  family: ReportFigureFamily,
  members: readonly { member: string; label: string; values: object }[],
): ReportFigure[] {
  return members.flatMap(({ member, label, values }) =>
    family.figures.map((s) => {
      const v = (values as Record<string, unknown>)[s.name];
      const value = typeof v === 'number' || v === null ? v : emptyValue(s);
      return figureView(ctx.t, ctx.period, familyDeclared(section, family, member, s, label), value);
    }),
  );
}
