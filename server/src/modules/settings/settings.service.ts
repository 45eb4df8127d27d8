import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import * as repo from './settings.repository.ts';
import { createSettingCache } from './setting-cache.ts';

export interface StoredSetting {
  /** the parsed JSON: unknown on purpose, the owning module validates its own shape */
  value: unknown;
  updatedAt: string;
}

/**
 * Business settings as data (docs/conventions.md, "Configuration"): one JSON value per tenant and key. Generic plumbing with no
 * permission of its own: the owning module checks its verb and validates the value, then writes it here inside
 * its transaction. Keys are module-prefixed ('calendar.periods').
 */
export function createSettingsService(database: Database, clock: Clock, audit: AuditService) {
  const kept = createSettingCache<StoredSetting>();
  const read = async (tenantId: string, key: string, db: Executor): Promise<StoredSetting | undefined> => {
    const row = await repo.findSetting(db, tenantId, key);
    return row ? { value: JSON.parse(row.value_json) as unknown, updatedAt: row.updated_at } : undefined;
  };
  const current = (tenantId: string, key: string) => kept.read(tenantId, key, () => read(tenantId, key, database.db));
  return {
    get: (tenantId: string, key: string, db: Executor = database.db) => read(tenantId, key, db),

    /**
     * The same as `get` on the pool, reused for a few seconds: for settings read on every intake (step limits and
     * public channels). A write through this service is seen at once in this process and within
     * SETTING_ENTRY_MS by other instances (setting-cache.ts).
     */
    current,

    /** Writes the value and its audit row (before → after) in the caller's transaction. */
    async put(tx: Executor, actor: Actor, key: string, value: unknown): Promise<void> {
      kept.forget();
      const before = await repo.findSetting(tx, actor.tenantId, key);
      await repo.upsertSetting(tx, actor.tenantId, key, JSON.stringify(value), clock.now().toISOString());
      await audit.record(tx, actor, actor.tenantId, {
        action: 'setting.update',
        entity: 'setting',
        entityId: key,
        before: before ? JSON.parse(before.value_json) : null,
        after: value,
      });
    },

    /**
     * Marks a cache key as changed: a fresh unique token, not a counter, so two concurrent writers can never
     * produce the same value (a counter read-then-written could). Not audited: it carries no business meaning;
     * the change that bumps it is audited by its module.
     */
    async bumpRevision(tx: Executor, tenantId: string, key: string): Promise<string> {
      kept.forget();
      const token = newId();
      await repo.upsertSetting(tx, tenantId, key, JSON.stringify(token), clock.now().toISOString());
      return token;
    },

    /** The current revision token of a key ('' before the first bump). */
    async revision(tenantId: string, key: string, db: Executor = database.db): Promise<string> {
      // Never reused: other instances learn of a change through this read (the calendar's cross-process check).
      const row = await read(tenantId, key, db);
      return row ? String(row.value) : '';
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;

/** A setting written by the demo seed, in its transaction (not audited: no one changed it). */
export async function seedSetting(tx: Executor, tenantId: string, key: string, value: unknown, now: string) {
  await repo.upsertSetting(tx, tenantId, key, JSON.stringify(value), now);
}
