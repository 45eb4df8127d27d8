import { sectionFigures, type ReportSection, type ReportFigureSpec } from '../reports/index.ts';
import type { NightMarketService } from './night-market.service.ts';

/**
 * 夜市管理 in the statistics report: 「恒达夜市第一批摊位经公开摇号分配，N名合格申请人参加，分配摊位N个」 per round drawn
 * in the period, and the violations recorded. No draw and no violation in the period → no section.
 */
/** The figures of the sentences (labels: the catalog's `figures.nightMarket.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'rounds', unit: 'count', path: '/night-market' },
  { name: 'entrants', unit: 'count', path: '/night-market' },
  { name: 'allocated', unit: 'count', path: '/night-market' },
  { name: 'violations', unit: 'count', path: '/night-market' },
  { name: 'points', unit: 'count', path: '/night-market' },
];

export function nightMarketSection(service: Pick<NightMarketService, 'figures'>): ReportSection {
  return {
    key: 'nightMarket',
    order: 825,
    figures: FIGURES,
    async build(ctx) {
      const f = await service.figures(ctx.tenantId, ctx.period.from, ctx.period.to);
      if (!f.rounds.length && !f.violations) return null;
      const col = (key: string, type: 'text' | 'int') => ({
        key,
        title: ctx.t(`nightMarket.report.cols.${key}`),
        type,
      });
      return {
        key: 'nightMarket',
        title: ctx.t('nightMarket.report.title'),
        figures: sectionFigures(ctx, 'nightMarket', FIGURES, {
          rounds: f.rounds.length,
          entrants: f.rounds.reduce((s, r) => s + r.entrants, 0),
          allocated: f.rounds.reduce((s, r) => s + r.allocated, 0),
          violations: f.violations,
          points: f.points,
        }),
        paragraphs: [
          ...f.rounds.map((r) =>
            ctx.t('nightMarket.report.round', {
              period: ctx.periodText,
              market: r.market,
              round: r.name,
              entrants: r.entrants,
              allocated: r.allocated,
            }),
          ),
          ...(f.violations ? [ctx.t('nightMarket.report.violations', { count: f.violations, points: f.points })] : []),
        ],
        tables: f.rounds.length
          ? [
              {
                key: 'nightMarketRounds',
                title: ctx.t('nightMarket.report.rounds'),
                columns: [col('market', 'text'), col('round', 'text'), col('entrants', 'int'), col('allocated', 'int')],
                rows: f.rounds.map((r) => ({
                  market: r.market,
                  round: r.name,
                  entrants: r.entrants,
                  allocated: r.allocated,
                })),
              },
            ]
          : [],
      };
    },
  };
}
