import { sectionFigures, type ReportSection, type ReportFigureSpec } from '../reports/index.ts';
import type { ProposalService } from './proposals.service.ts';

/**
 * 建议提案办理 in the statistics report, in the bureau's words: 「承办人大代表建议2件（主办1件）、政协委员提案7件（主办4件），
 * 办结率100%，满意率100%」 for the items assigned in the period. No item in the period → no section.
 */
/** The figures of the sentences (labels: the catalog's `figures.proposals.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'total', unit: 'count', path: '/proposals' },
  { name: 'npc', unit: 'count', path: '/proposals' },
  { name: 'npcLead', unit: 'count', path: '/proposals' },
  { name: 'cppcc', unit: 'count', path: '/proposals' },
  { name: 'cppccLead', unit: 'count', path: '/proposals' },
  { name: 'overdueTasks', unit: 'count', path: '/proposals' },
  { name: 'closeRate', unit: 'percent', path: '/proposals' },
  { name: 'satisfactionRate', unit: 'percent', path: '/proposals' },
];

export function proposalsSection(service: Pick<ProposalService, 'figuresOf'>): ReportSection {
  return {
    key: 'proposals',
    order: 855,
    figures: FIGURES,
    async build(ctx) {
      const f = await service.figuresOf(ctx.tenantId, ctx.period.from, ctx.period.to);
      if (!f.total) return null;
      const col = (key: string, type: 'text' | 'int') => ({ key, title: ctx.t(`proposals.report.cols.${key}`), type });
      const row = (body: 'npc' | 'cppcc') => ({
        body: ctx.t(`proposals.body.${body}`),
        total: f[body].total,
        lead: f[body].lead,
      });
      return {
        key: 'proposals',
        title: ctx.t('proposals.report.title'),
        figures: sectionFigures(ctx, 'proposals', FIGURES, {
          ...f,
          npc: f.npc.total,
          npcLead: f.npc.lead,
          cppcc: f.cppcc.total,
          cppccLead: f.cppcc.lead,
        }),
        paragraphs: [
          ctx.t('proposals.report.summary', {
            period: ctx.periodText,
            npc: f.npc.total,
            npcLead: f.npc.lead,
            cppcc: f.cppcc.total,
            cppccLead: f.cppcc.lead,
            closeRate: ctx.pct(f.closeRate),
            satisfactionRate: ctx.pct(f.satisfactionRate),
          }),
          ...(f.overdueTasks ? [ctx.t('proposals.report.overdue', { count: f.overdueTasks })] : []),
        ],
        tables: [
          {
            key: 'proposals',
            title: ctx.t('proposals.report.table'),
            columns: [col('body', 'text'), col('total', 'int'), col('lead', 'int')],
            rows: [row('npc'), row('cppcc')],
          },
        ],
      };
    },
  };
}
