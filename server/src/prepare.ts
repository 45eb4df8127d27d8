import type { Config } from './config.ts';
import { createServices } from './composition.ts';
import { FixedClock, type Clock } from './platform/clock.ts';
import { ChainKeys } from './platform/chain-keys.ts';
import { openDatabase } from './platform/db.ts';
import { migrateToLatest } from './db/migrations/index.ts';
import { backfillCaseGrams, backfillPublicCases } from './modules/cases/index.ts';
import { seedDemoCity } from './seed/demo-city.ts';
import { loadDemoHistory, type DemoHistoryResult } from './seed/demo-history.ts';
import { seedDemoPrefecture } from './seed/demo-prefecture.ts';
import { seedDemoNightMarket } from './seed/demo-night-market.ts';
import { seedDemoDevices } from './seed/demo-devices.ts';
import { seedDemoTracks } from './seed/demo-vehicles.ts';

/** How far back the demo history reaches (docs/demo-city.md, "History"). */
export const DEMO_HISTORY_DAYS = 90;

/**
 * Brings a database up to date before anything serves it: the migrations, then (when asked) the demo city if it is
 * not there yet, then (when `config` is given) the records the seed writes through the services (恒达夜市, yesterday's
 * vehicle shifts), and (when `history` carries the configuration) its synthetic history and the sensors' last day.
 * All come only together with a fresh seed, so a restart never loads them twice. Runs on a connection of its own with
 * the long lock wait of scripts, so the server's short request timeout (SQLITE_BUSY_TIMEOUT_MS) never fails a
 * migration. Used by main.ts and by `npm run seed`.
 */
export async function prepareDatabase(
  url: string,
  clock: Clock,
  options: {
    seedDemo: boolean;
    schema?: string;
    config?: Config | null;
    history?: Config | null;
    prefecture?: boolean;
  },
): Promise<{ applied: string[]; seeded: boolean; history: (DemoHistoryResult & { ms: number }) | null }> {
  const database = openDatabase(url, { poolSize: 2, ...(options.schema ? { schema: options.schema } : {}) });
  try {
    const schema = database.dialect === 'postgres' ? (options.schema ?? 'public') : undefined;
    const applied = await migrateToLatest(database.db, schema ? { schema } : {});
    // The read models of 0030 start empty on an existing database: filled once, on the start that adds them.
    if (applied.includes('0030_public_reads')) {
      await backfillCaseGrams(database.db, database.dialect);
      await backfillPublicCases(database.db);
    }
    const seeded = options.seedDemo ? await seedDemoCity(database.db, clock) : false;
    if (seeded && options.prefecture) await seedDemoPrefecture(database.db, clock);
    const config = options.config ?? options.history;
    if (seeded && config) {
      // The services act on the days of the 2023 round, on a clock the seed sets.
      const seedClock = new FixedClock(clock.now());
      await seedDemoNightMarket(database.db, createServices(database, config, seedClock), seedClock);
    }
    let history: (DemoHistoryResult & { ms: number }) | null = null;
    if (seeded && options.history) {
      const started = performance.now();
      const now = clock.now();
      // The services act at the moments of the history (hotline orders, requests), on a clock the seed sets.
      const historyClock = new FixedClock(now);
      const services = createServices(database, options.history, historyClock);
      const result = await loadDemoHistory(database, services, historyClock, {
        days: DEMO_HISTORY_DAYS,
        now,
        chainKey: new ChainKeys(options.history.audit.keys).current,
      });
      history = { ...result, ms: performance.now() - started };
    }
    if (seeded && config) {
      // Yesterday's shifts of the demo fleet and, with the history, the sensors' last day with their alarms; both on
      // a clock the seed moves back through the day and returns to now (docs/demo-city.md, "Vehicle tracks",
      // "Sensors"). After the history, so the cases the sensors' rules file follow its numbers.
      const seedClock = new FixedClock(clock.now());
      const services = createServices(database, config, seedClock);
      await seedDemoTracks(database.db, services, seedClock, config.businessTimeZone);
      if (options.history) await seedDemoDevices(database.db, services, seedClock);
    }
    return { applied, seeded, history };
  } finally {
    await database.close();
  }
}
