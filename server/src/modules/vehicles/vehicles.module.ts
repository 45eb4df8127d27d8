import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { GpsSink } from '../telemetry/index.ts';
import { createCoverageService } from './coverage.service.ts';
import { createMuckCheck } from './muck-check.ts';
import { createVehicleContext, type VehicleDeps } from './vehicle-context.ts';
import { createGpsIngest, type IngestResult } from './vehicle-ingest.ts';
import { createVehicleService } from './vehicles.service.ts';

/**
 * The vehicles module (docs/vehicles.md): the register, the GPS intake (HTTP batch and the MQTT sink), coverage and
 * the muck checks. A batch's muck checks run after its points are committed; their failure loses no point (the
 * nightly job runs them again).
 */
export function createVehicles(database: Database, clock: Clock, deps: VehicleDeps) {
  const ctx = createVehicleContext(database, clock, deps);
  const ingest = createGpsIngest(ctx);
  const muck = createMuckCheck(ctx);
  const coverage = createCoverageService(ctx);
  const service = createVehicleService(ctx, muck);
  const after = async (res: IngestResult | null) => {
    if (res?.vehicle && res.frame && res.from && res.to && res.accepted > 0)
      await muck.afterIngest(res.vehicle, res.frame.timeZone, res.from, res.to).catch((err) => deps.log?.(err));
    return res;
  };
  const gps = {
    counts: ingest.counts,
    batch: async (input: Parameters<typeof ingest.batch>[0]) => (await after(await ingest.batch(input)))!,
    message: async (topic: string, payload: Buffer) => after(await ingest.message(topic, payload)),
  };
  const sink: GpsSink = { ingest: (topic, payload) => gps.message(topic, payload) };
  return {
    service,
    coverage,
    muck,
    gps: Object.assign(gps, sink),
    /** the nightly job: yesterday's coverage and every muck truck's checks of yesterday (both idempotent) */
    async nightly(): Promise<void> {
      await coverage.computeYesterday();
      await muck.checkYesterday();
    },
  };
}
export type Vehicles = ReturnType<typeof createVehicles>;
