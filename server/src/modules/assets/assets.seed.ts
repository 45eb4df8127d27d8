import type {
  AssetDailyLogsTable,
  AssetsTable,
  AssetTypesTable,
  AssetWorkOrdersTable,
} from '../../db/schema-assets.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './assets.repository.ts';

type Stamped = 'id' | 'tenant_id' | 'created_at' | 'updated_at';
export interface AssetSeed {
  types: Omit<AssetTypesTable, Stamped | 'version'>[];
  /** `type` is the type's code */
  assets: (Omit<AssetsTable, Stamped | 'version' | 'type_id' | 'line'> & { type: string })[];
  /** `asset` is the asset's code */
  logs: (Omit<AssetDailyLogsTable, Stamped | 'asset_id' | 'line' | 'created_by'> & { asset: string })[];
  workOrders: (Omit<AssetWorkOrdersTable, 'id' | 'tenant_id' | 'asset_id' | 'line' | 'region_id' | 'created_by'> & {
    asset: string;
  })[];
}

/** Writes demo records for the seed (server/src/seed/); not audited: no person made them. `by` is the recording user. */
/** Writes the seed; answers the new assets' ids by code (other seeds link to them, e.g. a truck to its permit). */
export async function seedAssets(
  db: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  seed: AssetSeed,
): Promise<Map<string, string>> {
  const now = clock.now().toISOString();
  const stamp = { tenant_id: tenantId, created_at: now, updated_at: now };
  const types = seed.types.map((t) => ({ ...t, work_kinds: t.work_kinds ?? '[]', ...stamp, id: newId(), version: 1 }));
  await repo.insertTypes(db, types);
  const typeByCode = new Map(types.map((t) => [t.code, t]));
  const assets = seed.assets.map(({ type, ...a }) => {
    const t = typeByCode.get(type);
    if (!t) throw new Error(`seed: no asset type ${type}`);
    return { ...a, ...stamp, id: newId(), version: 1, type_id: t.id, line: t.line };
  });
  await repo.insertAssets(db, assets);
  const assetByCode = new Map(assets.map((a) => [a.code, a]));
  const of = (code: string) => {
    const a = assetByCode.get(code);
    if (!a) throw new Error(`seed: no asset ${code}`);
    return a;
  };
  await repo.upsertLogs(
    db,
    seed.logs.map(({ asset, ...l }) => ({
      ...l,
      ...stamp,
      id: newId(),
      asset_id: of(asset).id,
      line: of(asset).line,
      created_by: by,
    })),
  );
  await repo.insertWorkOrders(
    db,
    seed.workOrders.map(({ asset, ...o }) => ({
      ...o,
      id: newId(),
      tenant_id: tenantId,
      asset_id: of(asset).id,
      line: of(asset).line,
      region_id: of(asset).region_id,
      created_by: by,
    })),
  );
  return new Map(assets.map((a) => [a.code, a.id]));
}
