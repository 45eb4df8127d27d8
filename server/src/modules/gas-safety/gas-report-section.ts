import { sectionFigures, type ReportFigureSpec, type ReportSection } from '../reports/index.ts';
import { figuresOf } from './gas-installs.service.ts';

/**
 * 燃气安全 in the statistics report, in the bureau's words: 「开展燃气安全检查40次，发现并整改隐患1139条，完成上级督查
 * 检查发现隐患整改35个」, the household 三件套 fitted in the period and the commercial users' installation rates.
 * A period with no check, hazard or installation has no section.
 */
const path = '/gas-safety';
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'checks', unit: 'count', path },
  { name: 'hazards', unit: 'count', path },
  { name: 'hazardsClosed', unit: 'count', path },
  { name: 'superiorHazards', unit: 'count', path },
  { name: 'superiorClosed', unit: 'count', path },
  { name: 'rectifyRate', unit: 'percent', path },
  { name: 'overdue', unit: 'count', path },
  { name: 'alarms', unit: 'count', path },
  { name: 'valves', unit: 'count', path },
  { name: 'hoses', unit: 'count', path },
  { name: 'pipelineUsers', unit: 'count', path },
  { name: 'pipelineRate', unit: 'percent', path },
  { name: 'lpgUsers', unit: 'count', path },
  { name: 'lpgFitted', unit: 'count', path },
  { name: 'lpgRate', unit: 'percent', path },
];

export function gasSafetySection(timeZone: string, today: (timeZone: string) => string): ReportSection {
  return {
    key: 'gasSafety',
    order: 838,
    figures: FIGURES,
    async build(ctx) {
      const f = await figuresOf(ctx.db, ctx.tenantId, ctx.period.from, ctx.period.to, today(timeZone));
      const installed = f.installs.alarm + f.installs.valve + f.installs.hose;
      if (!f.checks && !f.superiorChecks && !f.hazards && !f.superiorHazards && !installed) return null;
      const paragraphs = [
        ctx.t('gasSafety.report.checks', {
          period: ctx.periodText,
          checks: f.checks,
          hazards: f.hazards,
          closed: f.hazardsClosed,
          superior: f.superiorHazards,
          superiorClosed: f.superiorClosed,
          rate: ctx.pct(f.rectifyRate),
        }),
      ];
      if (f.overdue) paragraphs.push(ctx.t('gasSafety.report.overdue', { count: f.overdue }));
      if (installed)
        paragraphs.push(
          ctx.t('gasSafety.report.installs', {
            alarms: f.installs.alarm,
            valves: f.installs.valve,
            hoses: f.installs.hose,
          }),
        );
      if (f.pipelineUsers.users || f.lpgUsers.users)
        paragraphs.push(
          ctx.t('gasSafety.report.users', {
            pipeline: f.pipelineUsers.users,
            pipelineRate: ctx.pct(f.pipelineUsers.pct),
            lpg: f.lpgUsers.users,
            lpgFitted: f.lpgUsers.fitted,
            lpgRate: ctx.pct(f.lpgUsers.pct),
          }),
        );
      return {
        key: 'gasSafety',
        title: ctx.t('gasSafety.report.title'),
        paragraphs,
        figures: sectionFigures(ctx, 'gasSafety', FIGURES, {
          checks: f.checks,
          hazards: f.hazards,
          hazardsClosed: f.hazardsClosed,
          superiorHazards: f.superiorHazards,
          superiorClosed: f.superiorClosed,
          rectifyRate: f.rectifyRate,
          overdue: f.overdue,
          alarms: f.installs.alarm,
          valves: f.installs.valve,
          hoses: f.installs.hose,
          pipelineUsers: f.pipelineUsers.users,
          pipelineRate: f.pipelineUsers.pct,
          lpgUsers: f.lpgUsers.users,
          lpgFitted: f.lpgUsers.fitted,
          lpgRate: f.lpgUsers.pct,
        }),
        tables: [],
      };
    },
  };
}
