import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { VehicleKind } from '../../../../common/domain/vehicles.ts';

/** Demo vehicles for the seed (server/src/seed/); not audited: no person made them. */
export interface VehicleSeed {
  vehicles: {
    code: string;
    plate: string;
    kind: VehicleKind;
    unitId: string | null;
    company: string | null;
    route: { type: 'LineString'; coordinates: [number, number][] } | null;
    windowFrom: string | null;
    windowTo: string | null;
    /** the 建筑垃圾处置核准 entry of the assets register */
    permitAssetId?: string | null;
  }[];
}

/**
 * The seed has no server secret, so demo vehicles get no GPS key: they are refused until staff (or the simulator)
 * issue one with a key rotation.
 */
export async function seedVehicles(db: Executor, tenantId: string, clock: Clock, seed: VehicleSeed): Promise<void> {
  const now = clock.now().toISOString();
  const rows = seed.vehicles.map((v) => ({
    id: newId(),
    tenant_id: tenantId,
    code: v.code,
    plate: v.plate,
    kind: v.kind,
    unit_id: v.unitId,
    company: v.company,
    permit_asset_id: v.permitAssetId ?? null,
    route: v.route ? JSON.stringify(v.route) : null,
    window_from: v.windowFrom,
    window_to: v.windowTo,
    speed_limit_kmh: null,
    key_sealed: '',
    key_fingerprint: '',
    key_issued_at: now,
    active: 1,
    synthetic: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('vehicles')
      .values(rows.slice(i, i + 50))
      .execute();
}

export async function hasVehicles(db: Executor, tenantId: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('vehicles').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst(),
  );
}
