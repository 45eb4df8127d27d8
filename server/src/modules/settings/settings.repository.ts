import { compiledStatement } from '../../platform/compiled-statements.ts';
import type { Executor } from '../../platform/db.ts';

/** Kysely queries for tenant_settings: one JSON value per (tenant, key). */

export async function findSetting(db: Executor, tenantId: string, key: string) {
  return settingRow.first(db, { tenantId, key });
}
// Compiled once: the calendar's revision is read on every intake (platform/compiled-statements.ts).
const settingRow = compiledStatement((db, p: { tenantId: string; key: string }) =>
  db
    .selectFrom('tenant_settings')
    .select(['value_json', 'updated_at'])
    .where('tenant_id', '=', p.tenantId)
    .where('key', '=', p.key),
);

/** Insert or overwrite: ON CONFLICT works the same on SQLite and PostgreSQL. */
export async function upsertSetting(db: Executor, tenantId: string, key: string, valueJson: string, updatedAt: string) {
  await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, key, value_json: valueJson, updated_at: updatedAt })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value_json: valueJson, updated_at: updatedAt }))
    .execute();
}
