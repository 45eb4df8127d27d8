import type { OaAdsTable, OaInspectionsTable, OaRemovalsTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './oa.repository.ts';

type Stamped = 'id' | 'tenant_id' | 'created_by' | 'created_at';
export interface OaSeed {
  /** `inspections` are written with the sign; its latest result and dates are given on the sign itself */
  ads: (Omit<OaAdsTable, Stamped | 'updated_at'> & {
    inspections: Omit<OaInspectionsTable, Stamped | 'ad_id'>[];
  })[];
  removals: Omit<OaRemovalsTable, Stamped | 'ad_id'>[];
}

/** Writes demo records for the seed (server/src/seed/); not audited: no person made them. `by` is the recording user. */
export async function seedOutdoorAds(db: Executor, tenantId: string, clock: Clock, by: string, seed: OaSeed) {
  const now = clock.now().toISOString();
  const stamp = { tenant_id: tenantId, created_by: by, created_at: now };
  const ads = seed.ads.map(({ inspections, ...a }) => ({
    row: { ...a, ...stamp, id: newId(), updated_at: now },
    inspections,
  }));
  await repo.insertAds(
    db,
    ads.map((a) => a.row),
  );
  await repo.insertInspections(
    db,
    ads.flatMap((a) => a.inspections.map((i) => ({ ...i, ...stamp, id: newId(), ad_id: a.row.id }))),
  );
  await repo.insertRemovals(
    db,
    seed.removals.map((r) => ({ ...r, ...stamp, id: newId(), ad_id: null })),
  );
}

export const hasOutdoorAds = (db: Executor, tenantId: string) => repo.hasAds(db, tenantId);
