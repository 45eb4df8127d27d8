/**
 * 环比 / 同比 of the report's headline figures (docs/analysis.md, "Comparison periods"): one table and one sentence
 * in the overview section, over the ranges of common/domain/period-compare.ts.
 */
import type { ReportTable } from '../../../../common/contracts/reports.ts';
import { indicatorsOf, type KpiCounts } from '../../../../common/domain/kpi.ts';
import { changeOf } from '../../../../common/domain/period-compare.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import type { ReportContext } from './report-section.ts';

const FIGURES = ['reported', 'filed', 'closed', 'closeRate', 'onTimeCloseRate', 'publicReported'] as const;
type FigureKey = (typeof FIGURES)[number];
const isRate = (k: FigureKey) => k === 'closeRate' || k === 'onTimeCloseRate';

function valueOf(ctx: ReportContext, c: KpiCounts, k: FigureKey): number | null {
  return isRate(k) ? indicatorsOf(c, ctx.options)[k as 'closeRate'].value : c[k as 'reported'];
}

/** '↑12.5%' for a count, '↓3.0pp' for a rate; the no-base wording when there is nothing to compare with. */
function changeText(ctx: ReportContext, k: FigureKey, current: number | null, base: number | null): string {
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
