import { figureText } from '../../../../common/domain/report-figures.ts';
import { reached, type TargetComparison } from '../../../../common/domain/targets.ts';
import { sectionFigures, type ReportFigureSpec, type ReportSection } from '../reports/index.ts';
import { TARGETS_SECTION } from './target-progress.ts';
import type { TargetsService } from './targets.service.ts';

/** The figures of the sentence (labels: the module's catalog, `targets.figures.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'total', label: (t) => t('targets.figures.total'), unit: 'count', path: '/targets' },
  { name: 'met', label: (t) => t('targets.figures.met'), unit: 'count', path: '/targets' },
  { name: 'missed', label: (t) => t('targets.figures.missed'), unit: 'count', path: '/targets' },
  { name: 'metRate', label: (t) => t('targets.figures.metRate'), unit: 'percent', path: '/targets' },
];

/**
 * 目标任务完成情况 in the statistics report: the targets of the period's year, each 完成 or 未完成 as measured to the
 * period's end (or today, or its due date, whichever is first), so the next year's 工作总结 can say
 * 「2024年确定目标任务6项，完成4项」 through `{{targets.met|2024}}` (docs/targets.md, "Report"). A year without
 * targets has no section.
 */
export function targetsSection(service: Pick<TargetsService, 'yearTargets' | 'today'>): ReportSection {
  return {
    key: TARGETS_SECTION,
    order: 900,
    figures: FIGURES,
    async build(ctx) {
      const year = Number(ctx.period.from.slice(0, 4));
      const today = await service.today(ctx.tenantId);
      const day = ctx.period.to < today ? ctx.period.to : today;
      const list = await service.yearTargets(
        ctx.tenantId,
        year,
        day < `${year}-12-31` ? day : `${year}-12-31`,
        ctx.locale,
      );
      if (!list.length) return null;
      const rows = list.map(({ row, m }) => {
        const met = reached(row.comparison as TargetComparison, row.target_value, m.value);
        const title = ctx.locale === 'en' ? (row.title_en ?? row.title) : row.title;
        const unit =
          row.measure_unit ?? (m.figureUnit && m.figureUnit !== 'count' ? ctx.t(`targets.unit.${m.figureUnit}`) : '');
        const num = (v: number | null) =>
          v === null ? '—' : m.figureUnit === 'percent' ? figureText(v, 'count') : String(Math.round(v * 100) / 100);
        return {
          met,
          title,
          cells: {
            code: row.code,
            title,
            target: `${ctx.t(`targets.comparison.${row.comparison}`)}${num(row.target_value)}${unit}`,
            value: `${num(m.value)}${m.value === null ? '' : unit}`,
            result: ctx.t(met ? 'targets.report.met' : 'targets.report.missed'),
          },
        };
      });
      const met = rows.filter((r) => r.met).length;
      const values = {
        total: rows.length,
        met,
        missed: rows.length - met,
        metRate: Math.round((met / rows.length) * 1000) / 10,
      };
      const items = rows
        .map((r) =>
          ctx.t('targets.report.item', {
            title: r.title,
            result: ctx.t(r.met ? 'targets.report.met' : 'targets.report.missed'),
          }),
        )
        .join(ctx.t('targets.report.joiner'));
      const col = (key: string) => ({ key, title: ctx.t(`targets.report.cols.${key}`), type: 'text' as const });
      return {
        key: TARGETS_SECTION,
        title: ctx.t('targets.report.title'),
        figures: sectionFigures(ctx, TARGETS_SECTION, FIGURES, values),
        paragraphs: [ctx.t('targets.report.sentence', { year, total: values.total, met, items })],
        tables: [
          {
            key: 'targets',
            title: ctx.t('targets.report.table'),
            columns: [col('code'), col('title'), col('target'), col('value'), col('result')],
            rows: rows.map((r) => r.cells),
          },
        ],
      };
    },
  };
}
