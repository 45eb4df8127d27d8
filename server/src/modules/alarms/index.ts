/** Alarms of 城市之感 (docs/iot.md): rules per device type with threshold, hysteresis and minimum duration; alarms
 *  raised → acknowledged → case → cleared, filed through the cases intake or joined to an open case nearby; the
 *  device-offline sweep. */
export { createAlarms } from './alarms.module.ts';
export { type AlarmService, type AlarmDeps } from './alarm.service.ts';
export { registerAlarmRoutes } from './alarm.routes.ts';
