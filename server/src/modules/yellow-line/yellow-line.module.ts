import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createYellowLineService } from './yellow-line.service.ts';
import type { YlDeps } from './yl-context.ts';
import { yellowLineSection } from './yl-report-section.ts';

/** The 文明黄线 module's service and report section (the composition root calls this). */
export function createYellowLine(database: Database, clock: Clock, deps: YlDeps) {
  const service = createYellowLineService(database, clock, deps);
  return { service, reportSection: yellowLineSection(service) };
}
export type YellowLine = ReturnType<typeof createYellowLine>;
