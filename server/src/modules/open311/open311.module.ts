import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import type { AuditService } from '../audit/index.ts';
import { createClientService } from './open311-clients.service.ts';
import { createOpen311Intake, type IntakeDeps } from './open311-intake.ts';
import { createOpen311Updates, type UpdatesDeps } from './open311-updates.ts';
import { createOpen311Reader, type Open311Deps } from './open311.service.ts';
import type { Open311Services } from './open311.routes.ts';

/** `hits`: the app's rate counter, for each api_key's per-minute limit. */
export type Open311ServiceDeps = Omit<Open311Deps, 'cases'> &
  IntakeDeps &
  UpdatesDeps & { cases: Open311Deps['cases'] & IntakeDeps['cases'] & UpdatesDeps['cases']; hits: HitCounter };

/** The Open311 module's services, built from their dependencies (the composition root calls this). */
export function createOpen311Services(
  database: Database,
  clock: Clock,
  audit: AuditService,
  deps: Open311ServiceDeps,
): Open311Services {
  return {
    reader: createOpen311Reader(database, clock, deps),
    intake: createOpen311Intake(database, clock, deps),
    updates: createOpen311Updates(database, clock, deps),
    clients: createClientService(database, clock, audit, deps.hits),
  };
}
