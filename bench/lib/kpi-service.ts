import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainKeys } from '../../server/src/platform/chain-keys.ts';
import { CheckpointStore } from '../../server/src/platform/checkpoint-store.ts';
import { systemClock } from '../../server/src/platform/clock.ts';
import type { Database } from '../../server/src/platform/db.ts';
import { createAuditService } from '../../server/src/modules/audit/index.ts';
import { createKpiService } from '../../server/src/modules/kpi/index.ts';
import { createSettingsService } from '../../server/src/modules/settings/index.ts';

/** The KPI service over a bench database, with a throw-away audit key (bench databases are never verified). */
export function benchKpiService(database: Database) {
  const keys = new ChainKeys([randomBytes(32).toString('hex')]);
  const settings = createSettingsService(
    database,
    systemClock,
    createAuditService(database, systemClock, {
      keys,
      checkpoints: new CheckpointStore(join(tmpdir(), 'cityloop-bench-checkpoints'), keys),
    }),
  );
  return { settings, kpi: createKpiService(database, systemClock, settings) };
}

/** The bench city (demo tenant 420281). */
export async function benchTenant(database: Database) {
  return database.db
    .selectFrom('tenants')
    .select(['id', 'timezone'])
    .where('code', '=', '420281')
    .executeTakeFirstOrThrow();
}
