import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { ReportService } from '../reports/index.ts';
import { targetsSection } from './targets-report-section.ts';
import { createTargetsService, type TargetDeps } from './targets.service.ts';

/**
 * The targets service; its section 目标任务完成情况 joins the statistics report here, after the report exists, since
 * a target's progress is itself read from the report (docs/targets.md, "Report").
 */
export function createTargets(
  database: Database,
  clock: Clock,
  deps: Omit<TargetDeps, 'reports'> & { reports: Pick<ReportService, 'build' | 'sections'> },
) {
  const service = createTargetsService(database, clock, deps);
  deps.reports.sections.register(targetsSection(service));
  return { service };
}
export type Targets = ReturnType<typeof createTargets>;
