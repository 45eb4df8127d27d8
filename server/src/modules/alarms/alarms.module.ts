import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createAlarmService, type AlarmDeps } from './alarm.service.ts';

/** Builds the alarm service from the device registry, the cases intake, duplicate detection and the live hub. */
export function createAlarms(database: Database, clock: Clock, deps: AlarmDeps) {
  return createAlarmService(database, clock, deps);
}
