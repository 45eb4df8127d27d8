/**
 * 环比 / 同比 of the report's figures (docs/analysis.md, "Comparison periods"), over the ranges of
 * common/domain/period-compare.ts: one table and one sentence in the overview section, the compared values and
 * changes of every figure of the indicator tables, and the changes of the leading figures of each per-member table.
 */
import type { ReportColumn, ReportTable } from '../../../../common/contracts/reports.ts';
import { indicatorsOf, type IndicatorKey, type KpiCounts } from '../../../../common/domain/kpi.ts';
import { changeOf } from '../../../../common/domain/period-compare.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import type { ReportContext } from './report-section.ts';

const FIGURES = ['reported', 'filed', 'closed', 'closeRate', 'onTimeCloseRate', 'publicReported'] as const;
type FigureKey = (typeof FIGURES)[number];
/** a rate (or an average of hours) changes by its difference, a count in per cent of its base */
const isRate = (k: string) => k.endsWith('Rate') || k === 'avgHandlingHours';

function valueOf(ctx: ReportContext, c: KpiCounts, k: FigureKey): number | null {
  return isRate(k) ? indicatorsOf(c, ctx.options)[k as 'closeRate'].value : c[k as 'reported'];
}

/** '↑12.5%' for a count, '↓3.0pp' for a rate; the no-base wording when there is nothing to compare with. */
function changeText(ctx: ReportContext, k: string, current: number | null, base: number | null): string {
  const c = changeOf(current, base);
  const amount = isRate(k) ? c.delta : c.pct;
  if (amount === null) return ctx.t('analysis.report.noBase');
  const arrow = amount > 0 ? '↑' : amount < 0 ? '↓' : '';
  return ctx.t(isRate(k) ? 'analysis.report.points' : 'analysis.report.percent', {
    arrow,
    value: decimalText(Math.abs(amount)),
  });
}

export async function comparisonTable(ctx: ReportContext): Promise<{ table: ReportTable; sentence: string }> {
  const [cur, cmp] = await Promise.all([ctx.totals(), ctx.compared()]);
  const rows = FIGURES.map((k) => {
    const v = valueOf(ctx, cur, k);
    const p = valueOf(ctx, cmp.previous, k);
    const l = valueOf(ctx, cmp.lastYear, k);
    return {
      figure: ctx.t(`analysis.headline.${k}`),
      current: v,
      previous: p,
      previousChange: changeText(ctx, k, v, p),
      lastYear: l,
      lastYearChange: changeText(ctx, k, v, l),
    };
  });
  const col = (key: string, type: 'text' | 'number') => ({ key, title: ctx.t(`analysis.report.cols.${key}`), type });
  const reported = rows[0];
  return {
    table: {
      key: 'comparison',
      title: ctx.t('analysis.report.table', {
        previous: `${cmp.ranges.previous.from}~${cmp.ranges.previous.to}`,
        lastYear: `${cmp.ranges.lastYear.from}~${cmp.ranges.lastYear.to}`,
      }),
      columns: [
        col('figure', 'text'),
        col('current', 'number'),
        col('previous', 'number'),
        col('previousChange', 'text'),
        col('lastYear', 'number'),
        col('lastYearChange', 'text'),
      ],
      rows,
    },
    sentence: ctx.t('analysis.report.sentence', {
      reported: cur.reported,
      previousChange: reported?.previousChange ?? '',
      lastYearChange: reported?.lastYearChange ?? '',
    }),
  };
}

/** A figure of a report table: a counter of the roll-up, or an indicator computed from the counters. */
function figureOf(ctx: ReportContext, c: KpiCounts, k: string): number | null {
  if (k.endsWith('Rate') || k === 'avgHandlingHours') return indicatorsOf(c, ctx.options)[k as IndicatorKey].value;
  return c[k as keyof KpiCounts] ?? 0;
}

/**
 * An indicator table (one row per figure) with, for each figure, its value in the 环比 and 同比 ranges and the two
 * changes. `figures` pairs a row's label with the counter or indicator it shows.
 */
export async function comparedIndicatorTable(
  ctx: ReportContext,
  key: string,
  title: string,
  figures: readonly { label: string; figure: string }[],
): Promise<ReportTable> {
  const [cur, cmp] = await Promise.all([ctx.totals(), ctx.compared()]);
  const col = (k: string, type: ReportColumn['type']): ReportColumn => ({
    key: k,
    title: ctx.t(`analysis.report.cols.${k}`),
    type,
  });
  return {
    key,
    title,
    columns: [
      { key: 'indicator', title: ctx.t('report.cols.indicator'), type: 'text' },
      { key: 'value', title: ctx.t('report.cols.value'), type: 'number' },
      col('previous', 'number'),
      col('previousChange', 'text'),
      col('lastYear', 'number'),
      col('lastYearChange', 'text'),
    ],
    rows: figures.map(({ label, figure }) => {
      const v = figureOf(ctx, cur, figure);
      const p = figureOf(ctx, cmp.previous, figure);
      const l = figureOf(ctx, cmp.lastYear, figure);
      return {
        indicator: label,
        value: v,
        previous: p,
        previousChange: changeText(ctx, figure, v, p),
        lastYear: l,
        lastYearChange: changeText(ctx, figure, v, l),
      };
    }),
  };
}

/**
 * Adds to a table of members (one row per street, unit, channel or class, keyed by `ids`) the 环比 and 同比 of every
 * figure: each figure column is marked `changes` and each row gets '<figure>:previousChange' and
 * '<figure>:lastYearChange'. A member without a case in a comparison range has no base there: the no-base wording.
 */
export async function withMemberChanges(
  ctx: ReportContext,
  table: ReportTable,
  dim: 'street' | 'unit' | 'channel' | 'major',
  members: readonly { id: string; c: KpiCounts }[],
): Promise<ReportTable> {
  const cmp = await ctx.comparedBy(dim);
  const figures = table.columns.filter((c) => c.type !== 'text').map((c) => c.key);
  const base = (m: Map<string, KpiCounts>, id: string, f: string) => {
    const c = m.get(id);
    return c ? figureOf(ctx, c, f) : null;
  };
  return {
    ...table,
    columns: table.columns.map((c) => (c.type === 'text' ? c : { ...c, changes: true })),
    rows: table.rows.map((row, i) => {
      const member = members[i];
      if (!member) return row;
      const out: Record<string, string | number | null> = { ...row };
      for (const f of figures) {
        const v = figureOf(ctx, member.c, f);
        out[`${f}:previousChange`] = changeText(ctx, f, v, base(cmp.previous, member.id, f));
        out[`${f}:lastYearChange`] = changeText(ctx, f, v, base(cmp.lastYear, member.id, f));
      }
      return out;
    }),
  };
}

/**
 * The columns a sheet or a reader without room under each figure shows: every figure marked `changes` followed by
 * its 环比 and 同比 columns ('上报数环比', 'Reported vs previous').
 */
export function expandedColumns(
  table: ReportTable,
  label: (which: 'previousChange' | 'lastYearChange') => string,
  sep: string,
): ReportColumn[] {
  return table.columns.flatMap((c) =>
    c.changes
      ? [
          { key: c.key, title: c.title, type: c.type },
          ...(['previousChange', 'lastYearChange'] as const).map((which): ReportColumn => ({
            key: `${c.key}:${which}`,
            title: `${c.title}${sep}${label(which)}`,
            type: 'text',
          })),
        ]
      : [c],
  );
}
