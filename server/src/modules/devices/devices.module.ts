import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createMaintenanceService, type MaintenanceDeps } from './device-maintenance.service.ts';
import { createDeviceKeyBox } from './device-keys.ts';
import { createDeviceService, type DeviceDeps } from './device.service.ts';

/** Builds the device registry; keys are sealed under the server's secret ring (docs/iot.md, "Device keys"). */
export function createDevices(
  database: Database,
  clock: Clock,
  deps: Omit<DeviceDeps, 'keys'> & { secrets: readonly string[] },
) {
  return createDeviceService(database, clock, {
    audit: deps.audit,
    geo: deps.geo,
    keys: createDeviceKeyBox(deps.secrets),
  });
}

/** Builds the 维护任务 of the registry (docs/iot.md, "Maintenance tasks"). */
export function createDeviceMaintenance(database: Database, clock: Clock, deps: MaintenanceDeps) {
  return createMaintenanceService(database, clock, deps);
}
