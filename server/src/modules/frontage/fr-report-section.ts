import { sectionFigures, type ReportSection, type ReportFigureSpec } from '../reports/index.ts';
import type { FrontageService } from './frontage.service.ts';

/**
 * 门前三包 in the statistics report, in the bureau's words: 「签订门前三包责任书N份，开展检查N次，发布红榜N家、黑榜N家；
 * 城管体验岗志愿者N人，服务N小时」, the 商街自治 committees and their self-inspection reports, and a table by street and
 * township. Nothing in the period → no section.
 */
/** The figures of the sentences (labels: the catalog's `figures.frontage.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'agreementsSigned', unit: 'count', path: '/frontage' },
  { name: 'inspections', unit: 'count', path: '/frontage' },
  { name: 'redListed', unit: 'count', path: '/frontage' },
  { name: 'blackListed', unit: 'count', path: '/frontage' },
  { name: 'committees', unit: 'count', path: '/frontage' },
  { name: 'selfReports', unit: 'count', path: '/frontage' },
  { name: 'volunteers', unit: 'person', path: '/frontage' },
  { name: 'hoursServed', unit: 'hour', path: '/frontage' },
];

export function frontageSection(service: Pick<FrontageService, 'figures'>): ReportSection {
  return {
    key: 'frontage',
    order: 840,
    figures: FIGURES,
    async build(ctx) {
      const f = await service.figures(ctx.tenantId, ctx.period.from, ctx.period.to);
      const any = f.agreementsSigned + f.inspections + f.redListed + f.blackListed + f.volunteers + f.selfReports > 0;
      if (!any) return null;
      const col = (key: string, type: 'text' | 'int') => ({ key, title: ctx.t(`frontage.report.cols.${key}`), type });
      return {
        key: 'frontage',
        title: ctx.t('frontage.report.title'),
        figures: sectionFigures(ctx, 'frontage', FIGURES, f),
        paragraphs: [
          ctx.t('frontage.report.main', {
            period: ctx.periodText,
            signed: f.agreementsSigned,
            inspections: f.inspections,
            red: f.redListed,
            black: f.blackListed,
            volunteers: f.volunteers,
            hours: f.hoursServed,
          }),
          ...(f.committees
            ? [ctx.t('frontage.report.committees', { committees: f.committees, reports: f.selfReports })]
            : []),
        ],
        tables: f.byRegion.length
          ? [
              {
                key: 'frontageRegions',
                title: ctx.t('frontage.report.byRegion'),
                columns: [
                  col('region', 'text'),
                  col('agreements', 'int'),
                  col('inspections', 'int'),
                  col('committees', 'int'),
                ],
                rows: f.byRegion.map((r) => ({
                  region: r.regionName,
                  agreements: r.agreements,
                  inspections: r.inspections,
                  committees: r.committees,
                })),
              },
            ]
          : [],
      };
    },
  };
}
