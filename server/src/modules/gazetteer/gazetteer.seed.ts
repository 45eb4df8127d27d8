/** Writes places for the demo seed (server/src/seed/), marked synthetic. Seeds are not audited: no person made them. */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import type { PlaceRow } from './gazetteer-io.ts';
import { resolveRanges, writePlaces } from './gazetteer-write.ts';

export async function seedPlaces(db: Executor, tenantId: string, clock: Clock, rows: readonly PlaceRow[]) {
  const resolved = await resolveRanges(db, tenantId, rows);
  if (resolved.issues.length) throw new Error(`gazetteer seed: ${JSON.stringify(resolved.issues)}`);
  return writePlaces(db, tenantId, resolved.rows, clock.now().toISOString(), true);
}
