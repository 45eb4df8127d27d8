/**
 * SYNTHETIC vehicles of the demo city (docs/vehicles.md, "Demo"): 24 sprinklers, as the bureau's fleet, each on one
 * of the demo roads, and 20 渣土 trucks whose permitted route is a demo road, allowed 22:00–06:00. Plates carry
 * （示例）; none has a GPS key until one is issued (the simulator does it).
 */
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { hasVehicles, seedVehicles, simulatedFleet } from '../modules/vehicles/index.ts';
import { dayeRoads } from './daye-geography.ts';

export async function seedDemoVehicles(tx: Executor, tenantId: string, clock: Clock): Promise<void> {
  if (await hasVehicles(tx, tenantId)) return;
  const roads = dayeRoads().map((r) => ({ name: r.name, line: r.geometry.coordinates }));
  const fleet = simulatedFleet(roads);
  await seedVehicles(tx, tenantId, clock, {
    vehicles: fleet.map((v) => ({
      code: v.code,
      plate: v.plate,
      kind: v.kind,
      unitId: null,
      company: v.kind === 'muck' ? '示例渣土运输有限公司' : '示例环卫作业公司',
      route: v.kind === 'muck' ? { type: 'LineString', coordinates: v.line } : null,
      windowFrom: v.kind === 'muck' ? '22:00' : null,
      windowTo: v.kind === 'muck' ? '06:00' : null,
    })),
  });
}
