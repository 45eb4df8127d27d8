/** The device registry of 城市之感 (docs/iot.md): sensors bound to a 部件 or a point, their platform-issued keys,
 *  last-seen and heartbeat watch, and the 维护任务 raised when a battery runs low. */
export { createDevices, createDeviceMaintenance } from './devices.module.ts';
export { type MaintenanceService } from './device-maintenance.service.ts';
export { registerMaintenanceRoutes } from './device-maintenance.routes.ts';
export { type DeviceService, type KnownDevice, MISSED_HEARTBEATS } from './device.service.ts';
export { registerDeviceRoutes } from './device.routes.ts';
export { keyFingerprint, createDeviceKeyBox, type DeviceKeyBox } from './device-keys.ts';
export { activeDevicesByCode } from './bound-devices.ts';
