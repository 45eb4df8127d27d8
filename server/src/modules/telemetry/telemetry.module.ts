import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { DeviceService } from '../devices/index.ts';
import { createTelemetryService, type ReadingWatch, type TelemetryConfig } from './telemetry.service.ts';

/** Builds the telemetry service; the alarm rules watch its readings through `watch` (late-bound by the root). */
export function createTelemetry(
  database: Database,
  clock: Clock,
  deps: { devices: DeviceService; watch: ReadingWatch | null; config: TelemetryConfig; log?: (err: unknown) => void },
) {
  return createTelemetryService(database, clock, deps);
}
