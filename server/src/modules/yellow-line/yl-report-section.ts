import type { ReportSection } from '../reports/index.ts';
import type { YellowLineService } from './yellow-line.service.ts';

/**
 * 文明黄线 in the statistics report: 「全市共划定文明黄线N处，涉及门店N家、摊位N个」 for the zones in force at the end of
 * the period, and the inspections, warnings, suspensions and revocations in it. No zone and no inspection → no section.
 */
export function yellowLineSection(service: Pick<YellowLineService, 'figures'>): ReportSection {
  return {
    key: 'yellowLine',
    order: 845,
    async build(ctx) {
      const f = await service.figures(ctx.tenantId, ctx.period.from, ctx.period.to);
      if (!f.zones && !f.inspections) return null;
      const col = (key: string, type: 'text' | 'int') => ({ key, title: ctx.t(`yellowLine.report.cols.${key}`), type });
      return {
        key: 'yellowLine',
        title: ctx.t('yellowLine.report.title'),
        paragraphs: [
          ctx.t('yellowLine.report.zones', { zones: f.zones, shops: f.shops, stalls: f.stalls }),
          ...(f.inspections
            ? [
                ctx.t('yellowLine.report.inspections', {
                  period: ctx.periodText,
                  inspections: f.inspections,
                  passRate: ctx.pct(f.passRate === null ? null : f.passRate * 100),
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
