import { sectionFigures, type ReportSection, type ReportFigureSpec } from '../reports/index.ts';
import type { IllegalConstructionService } from './ic.service.ts';

const num = (n: number) => String(Number(n.toFixed(2)));

/** The figures of the sentences (labels: the catalog's `figures.illegalConstruction.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'bureauDemolitions', unit: 'count', path: '/illegal-construction' },
  { name: 'assistDemolitions', unit: 'count', path: '/illegal-construction' },
  { name: 'stopNotices', unit: 'count', path: '/illegal-construction' },
  { name: 'letters', unit: 'count', path: '/illegal-construction' },
  { name: 'reports', unit: 'count', path: '/illegal-construction' },
  { name: 'instructions', unit: 'count', path: '/illegal-construction' },
  // the reports that came from the public (complaints, petitions, the hotline, patrols): all but the instructions
  { name: 'publicReports', unit: 'count', path: '/illegal-construction' },
  { name: 'bureauAreaM2', unit: 'm2', path: '/illegal-construction' },
  { name: 'assistAreaM2', unit: 'm2', path: '/illegal-construction' },
];

/**
 * 查违控违 in the statistics report: the sentence the bureau's work summary carries (「组织拆违行动N次，拆除违建N平方米」),
 * the bureau's own actions and those assisting townships apart, notices and letters, and a table by township.
 * Nothing recorded in the period → no section.
 */
export function illegalConstructionSection(service: Pick<IllegalConstructionService, 'figures'>): ReportSection {
  return {
    key: 'illegalConstruction',
    order: 810,
    figures: FIGURES,
    async build(ctx) {
      const year = Number(ctx.period.from.slice(0, 4));
      const f = await service.figures(ctx.tenantId, ctx.period.from, ctx.period.to, year);
      const t = f.totals;
      if (!t.reports && !t.demolitions && !t.stopNotices && !t.letters) return null;
      const col = (key: string, type: 'text' | 'int' | 'number') => ({
        key,
        title: ctx.t(`illegalConstruction.report.cols.${key}`),
        type,
      });
      return {
        key: 'illegalConstruction',
        title: ctx.t('illegalConstruction.report.title'),
        figures: sectionFigures(ctx, 'illegalConstruction', FIGURES, {
          ...t,
          publicReports: t.reports - t.instructions,
        }),
        paragraphs: [
          ctx.t('illegalConstruction.report.demolitions', {
            period: ctx.periodText,
            bureau: t.bureauDemolitions,
            bureauArea: num(t.bureauAreaM2),
            assist: t.assistDemolitions,
            assistArea: num(t.assistAreaM2),
          }),
          ctx.t('illegalConstruction.report.control', {
            notices: t.stopNotices,
            letters: t.letters,
            reports: t.reports,
            instructions: t.instructions,
          }),
        ],
        tables: [
          {
            key: 'illegalConstructionByRegion',
            title: ctx.t('illegalConstruction.report.byRegion'),
            columns: [
              col('name', 'text'),
              col('reports', 'int'),
              col('stopNotices', 'int'),
              col('letters', 'int'),
              col('demolitions', 'int'),
              col('areaM2', 'number'),
            ],
            rows: f.byRegion
              .filter((r) => r.reports || r.demolitions || r.stopNotices || r.letters)
              .map((r) => ({
                name: r.regionName,
                reports: r.reports,
                stopNotices: r.stopNotices,
                letters: r.letters,
                demolitions: r.demolitions,
                areaM2: Number(r.areaM2.toFixed(2)),
              })),
          },
        ],
      };
    },
  };
}
