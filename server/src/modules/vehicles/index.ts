/**
 * 车辆监管: sprinklers, sweepers and 渣土 trucks with their signed GPS feed (HTTP batch and MQTT), road coverage per
 * day, the track replay, and the muck-truck checks whose findings become leads with the track as evidence
 * (docs/vehicles.md).
 */
export { createVehicles, type Vehicles } from './vehicles.module.ts';
export type { VehicleService } from './vehicles.service.ts';
export type { VehicleDeps, MuckEntry } from './vehicle-context.ts';
export { registerVehicleRoutes } from './vehicles.routes.ts';
export { seedVehicles, hasVehicles, type VehicleSeed } from './vehicles.seed.ts';
export { gpsMessage, simulatedFleet, simulatedPositions, type SimVehicle } from './vehicle-sim.ts';
