import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { MonitorDeps } from './monitor-context.ts';
import { createMonitorService } from './monitor.service.ts';

/** The 监督员管理 module's service, built from its dependencies (the composition root calls this). */
export function createMonitor(database: Database, clock: Clock, deps: MonitorDeps) {
  return createMonitorService(database, clock, deps);
}
