import { wanYuanText } from '../../../../common/domain/projects.ts';
import { sectionFigures, type ReportSection, type ReportFigureSpec } from '../reports/index.ts';
import type { ProjectsService } from './projects.service.ts';

/**
 * 项目建设 in the statistics report, in the bureau's words: 「共争取各类资金2641万元；燃气老化管网改造项目23个子项目已完工
 * 22个，总体进度60%」: the funds won in the period, then each running project that has subprojects. Nothing won and
 * no project running → no section (docs/projects.md, "Report").
 */
/** The figures of the sentences (labels: the catalog's `figures.projects.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'fundsFen', unit: 'wanYuan', path: '/projects' },
  { name: 'projectsWithSubprojects', unit: 'count', path: '/projects' },
  { name: 'subprojects', unit: 'count', path: '/projects' },
  { name: 'subprojectsDone', unit: 'count', path: '/projects' },
  { name: 'funds', unit: 'count', path: '/projects' },
  { name: 'progressPct', unit: 'percent', path: '/projects' },
];

/**
 * 总体完工比例 of the running projects: each project's progress weighted by its subprojects (one project: its own),
 * to one decimal; null with none running.
 */
export function overallProgress(projects: readonly { subprojects: number; progressPct: number }[]): number | null {
  const n = projects.reduce((s, p) => s + p.subprojects, 0);
  if (!n) return null;
  return Math.round((projects.reduce((s, p) => s + p.progressPct * p.subprojects, 0) / n) * 10) / 10;
}

export function projectsSection(service: Pick<ProjectsService, 'figures'>): ReportSection {
  return {
    key: 'projects',
    order: 860,
    figures: FIGURES,
    async build(ctx) {
      const f = await service.figures(ctx.tenantId, ctx.period.from, ctx.period.to);
      const withSubs = f.projects.filter((p) => p.subprojects > 0);
      if (!f.fundsFen && !withSubs.length) return null;
      const parts = [
        ...(f.fundsFen ? [ctx.t('projects.report.funds', { amount: wanYuanText(f.fundsFen) })] : []),
        ...withSubs.map((p) =>
          ctx.t('projects.report.progress', {
            name: p.shortName ?? p.name,
            total: p.subprojects,
            done: p.subprojectsDone,
            pct: String(Math.round(p.progressPct * 10) / 10),
          }),
        ),
      ];
      const col = (key: string, type: 'text' | 'int') => ({
        key,
        title: ctx.t(`projects.report.cols.${key}`),
        type,
      });
      return {
        key: 'projects',
        title: ctx.t('projects.report.title'),
        figures: sectionFigures(ctx, 'projects', FIGURES, {
          fundsFen: f.fundsFen,
          projectsWithSubprojects: withSubs.length,
          subprojects: withSubs.reduce((s, p) => s + p.subprojects, 0),
          subprojectsDone: withSubs.reduce((s, p) => s + p.subprojectsDone, 0),
          funds: f.bySource.reduce((s, r) => s + r.count, 0),
          progressPct: overallProgress(withSubs),
        }),
        paragraphs: [parts.join(ctx.t('projects.report.joiner'))],
        tables: f.bySource.length
          ? [
              {
                key: 'projectFunds',
                title: ctx.t('projects.report.fundsTable'),
                columns: [col('source', 'text'), col('count', 'int'), col('amountWan', 'text')],
                rows: f.bySource.map((r) => ({
                  source: ctx.t(`projects.source.${r.source}`),
                  count: r.count,
                  amountWan: wanYuanText(r.amountFen),
                })),
              },
            ]
          : [],
      };
    },
  };
}
