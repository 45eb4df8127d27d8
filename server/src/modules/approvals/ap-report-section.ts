import { sectionFigures, type ReportSection, type ReportFigureSpec } from '../reports/index.ts';
import type { ApprovalsService } from './approvals.service.ts';

/**
 * 行政审批 in the statistics report, in the bureau's words: 「窗口共受理行政审批事项121件，办结121件，办结率100%；
 * 接待群众业务咨询150人次」, then 提前办结 and a table by type. Nothing accepted and no consultation → no section.
 */
/** The figures of the sentences (labels: the catalog's `figures.approvals.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'accepted', unit: 'count', path: '/approvals' },
  { name: 'closed', unit: 'count', path: '/approvals' },
  { name: 'early', unit: 'count', path: '/approvals' },
  { name: 'closedRate', unit: 'percent', path: '/approvals' },
  { name: 'earlyRate', unit: 'percent', path: '/approvals' },
  { name: 'consultations', unit: 'person', path: '/approvals' },
];

export function approvalsSection(service: Pick<ApprovalsService, 'figures'>): ReportSection {
  return {
    key: 'approvals',
    order: 850,
    figures: FIGURES,
    async build(ctx) {
      const f = await service.figures(ctx.tenantId, ctx.period.from, ctx.period.to);
      if (!f.accepted && !f.consultations) return null;
      const col = (key: string, type: 'text' | 'int') => ({ key, title: ctx.t(`approvals.report.cols.${key}`), type });
      const pct = (v: number | null) => (v === null ? ctx.pct(null) : `${Number.isInteger(v) ? v : v.toFixed(1)}%`);
      return {
        key: 'approvals',
        title: ctx.t('approvals.report.title'),
        paragraphs: [
          ctx.t('approvals.report.summary', {
            period: ctx.periodText,
            accepted: f.accepted,
            closed: f.closed,
            rate: pct(f.closedRate),
            consultations: f.consultations,
          }),
          ...(f.closed ? [ctx.t('approvals.report.early', { early: f.early, rate: pct(f.earlyRate) })] : []),
        ],
        figures: sectionFigures(ctx, 'approvals', FIGURES, f),
        tables: f.byType.length
          ? [
              {
                key: 'approvalsByType',
                title: ctx.t('approvals.report.byType'),
                columns: [col('type', 'text'), col('accepted', 'int'), col('closed', 'int'), col('early', 'int')],
                rows: f.byType.map((r) => ({
                  type: r.typeName,
                  accepted: r.accepted,
                  closed: r.closed,
                  early: r.early,
                })),
              },
            ]
          : [],
      };
    },
  };
}
