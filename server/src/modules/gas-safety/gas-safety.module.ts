import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createGasContext, type GasDeps } from './gas-context.ts';
import { createGasHazardService } from './gas-hazards.service.ts';
import { createGasInstallService } from './gas-installs.service.ts';
import { gasSafetySection } from './gas-report-section.ts';

/** The 燃气安全 module's services and report section (the composition root calls this). */
export function createGasSafety(database: Database, clock: Clock, deps: GasDeps) {
  const ctx = createGasContext(database, clock, deps);
  return {
    hazards: createGasHazardService(ctx),
    installs: createGasInstallService(ctx),
    reportSection: gasSafetySection(deps.timeZone, (tz) => zonedDate(clock.now(), tz)),
  };
}
export type GasSafety = ReturnType<typeof createGasSafety>;
