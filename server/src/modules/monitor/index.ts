/**
 * 监督员管理: responsibility grids, the duty roster, positions reported by the inspector app while on duty, the
 * supervisor's board (在岗, attendance, distance, coverage), track replay, and the retention purge (docs/monitor.md).
 */
export { createMonitor } from './monitor.module.ts';
export type { MonitorService } from './monitor.service.ts';
export { registerMonitorRoutes } from './monitor.routes.ts';
export { MONITOR_ERRORS } from './monitor.errors.ts';
