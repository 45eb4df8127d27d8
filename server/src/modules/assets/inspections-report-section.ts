import { sectionFigures, type ReportFigureSpec, type ReportSection } from '../reports/index.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import { startOfDay } from './assets-report-section.ts';
import * as irepo from './inspections.repository.ts';

/**
 * 设施巡检 in the statistics report (docs/inspections.md, "KPIs"): the inspections due in the period and those done,
 * the failed items, and the 养护工单 finished in the period with those finished by their deadline. The rates are
 * the same as GET /api/assets/inspection-kpis; a period with no inspection due and no order finished has no section.
 */
const path = '/data/assets?tab=inspections';
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'due', unit: 'count', path },
  { name: 'done', unit: 'count', path },
  { name: 'completionRate', unit: 'percent', path },
  { name: 'failedItems', unit: 'count', path },
  { name: 'workOrdersFinished', unit: 'count', path },
  { name: 'workOrdersOnTime', unit: 'count', path },
  { name: 'onTimeRate', unit: 'percent', path },
];

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
export const rateOf = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

export function inspectionsReportSection(timeZone: string): ReportSection {
  return {
    key: 'inspections',
    order: 837,
    figures: FIGURES,
    async build(ctx) {
      const { from, to } = ctx.period;
      const [i, o] = await Promise.all([
        irepo.inspectionCounts(ctx.db, ctx.tenantId, from, to, zonedDate(ctx.now, timeZone)),
        irepo.finishedOrderCounts(ctx.db, ctx.tenantId, startOfDay(from, timeZone), startOfDay(nextDay(to), timeZone)),
      ]);
      const due = Number(i.due ?? 0);
      const done = Number(i.done ?? 0);
      const finished = Number(o.finished ?? 0);
      const onTime = Number(o.on_time ?? 0);
      if (!due && !finished) return null;
      const values = {
        due,
        done,
        completionRate: rateOf(done, due),
        failedItems: Number(i.failed ?? 0),
        workOrdersFinished: finished,
        workOrdersOnTime: onTime,
        onTimeRate: rateOf(onTime, finished),
      };
      const paragraphs: string[] = [];
      if (due)
        paragraphs.push(
          ctx.t('inspections.report.inspections', {
            period: ctx.periodText,
            due,
            done,
            rate: ctx.pct(values.completionRate),
            failed: values.failedItems,
          }),
        );
      if (finished)
        paragraphs.push(ctx.t('inspections.report.workOrders', { finished, onTime, rate: ctx.pct(values.onTimeRate) }));
      return {
        key: 'inspections',
        title: ctx.t('inspections.report.title'),
        paragraphs,
        figures: sectionFigures(ctx, 'inspections', FIGURES, values),
        tables: [],
      };
    },
  };
}
