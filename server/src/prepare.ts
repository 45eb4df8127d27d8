import type { Clock } from './platform/clock.ts';
import { openDatabase } from './platform/db.ts';
import { migrateToLatest } from './db/migrations/index.ts';
import { seedDemoCity } from './seed/demo-city.ts';

/**
 * Brings a database up to date before anything serves it: the migrations, then (when asked) the demo city if it is
 * not there yet. Runs on a connection of its own with the long lock wait of scripts, so the server's short request
 * timeout (SQLITE_BUSY_TIMEOUT_MS) never fails a migration. Used by main.ts and by `npm run seed`.
 */
export async function prepareDatabase(
  url: string,
  clock: Clock,
  options: { seedDemo: boolean; schema?: string },
): Promise<{ applied: string[]; seeded: boolean }> {
  const database = openDatabase(url, { poolSize: 2, ...(options.schema ? { schema: options.schema } : {}) });
  try {
    const schema = database.dialect === 'postgres' ? (options.schema ?? 'public') : undefined;
    const applied = await migrateToLatest(database.db, schema ? { schema } : {});
    const seeded = options.seedDemo ? await seedDemoCity(database.db, clock) : false;
    return { applied, seeded };
  } finally {
    await database.close();
  }
}
