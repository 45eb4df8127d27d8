import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createMonitorService, type MonitorServiceDeps } from './monitor.service.ts';

/** The 监督员管理 module's service, built from its dependencies (the composition root calls this). */
export function createMonitor(database: Database, clock: Clock, deps: MonitorServiceDeps) {
  return createMonitorService(database, clock, deps);
}
