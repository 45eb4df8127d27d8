import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { setParent } from './prefecture.repository.ts';

/** Links a county to its prefecture for the demo seed, tests and the bench (not audited: no person made it). */
export function linkCounty(db: Executor, clock: Clock, countyTenantId: string, prefectureTenantId: string) {
  return setParent(db, countyTenantId, prefectureTenantId, null, clock.now().toISOString());
}
