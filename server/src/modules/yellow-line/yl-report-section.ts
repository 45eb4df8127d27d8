import { sectionFigures, type ReportSection, type ReportFigureSpec } from '../reports/index.ts';
import type { YellowLineService } from './yellow-line.service.ts';

/**
 * 文明黄线 in the statistics report: 「全市共划定文明黄线N处，涉及门店N家、摊位N个」 for the zones in force at the end of
 * the period, and the inspections, warnings, suspensions and revocations in it. No zone and no inspection → no section.
 */
/** The figures of the sentences (labels: the catalog's `figures.yellowLine.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'zones', unit: 'count', path: '/yellow-line' },
  { name: 'shops', unit: 'count', path: '/yellow-line' },
  { name: 'stalls', unit: 'count', path: '/yellow-line' },
  { name: 'inspections', unit: 'count', path: '/yellow-line' },
  { name: 'warnings', unit: 'count', path: '/yellow-line' },
  { name: 'suspensions', unit: 'count', path: '/yellow-line' },
  { name: 'revocations', unit: 'count', path: '/yellow-line' },
  { name: 'passRate', unit: 'percent', path: '/yellow-line' },
];

export function yellowLineSection(service: Pick<YellowLineService, 'figures'>): ReportSection {
  return {
    key: 'yellowLine',
    order: 845,
    figures: FIGURES,
    async build(ctx) {
      const f = await service.figures(ctx.tenantId, ctx.period.from, ctx.period.to);
      if (!f.zones && !f.inspections) return null;
      const passRate = f.passRate === null ? null : f.passRate * 100;
      const col = (key: string, type: 'text' | 'int') => ({ key, title: ctx.t(`yellowLine.report.cols.${key}`), type });
      return {
        key: 'yellowLine',
        title: ctx.t('yellowLine.report.title'),
        figures: sectionFigures(ctx, 'yellowLine', FIGURES, { ...f, passRate }),
        paragraphs: [
          ctx.t('yellowLine.report.zones', { zones: f.zones, shops: f.shops, stalls: f.stalls }),
          ...(f.inspections
            ? [
                ctx.t('yellowLine.report.inspections', {
                  period: ctx.periodText,
                  inspections: f.inspections,
                  passRate: ctx.pct(passRate),
                  warnings: f.warnings,
                  suspensions: f.suspensions,
                  revocations: f.revocations,
                }),
              ]
            : []),
        ],
        tables: [
          {
            key: 'yellowLineFigures',
            title: ctx.t('yellowLine.report.figures'),
            columns: [col('item', 'text'), col('count', 'int')],
            rows: (['zones', 'shops', 'stalls', 'inspections', 'warnings', 'suspensions', 'revocations'] as const).map(
              (k) => ({ item: ctx.t(`yellowLine.figures.${k}`), count: f[k] }),
            ),
          },
        ],
      };
    },
  };
}
