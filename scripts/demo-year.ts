/**
 * `npm run demo:year -- --year 2023`: the seed year, reproduced from records. Into its own database (DATA_DIR, default
 * data/demo-year; or DATABASE_URL) it seeds the demo city without the records of the 2023 work report, loads those
 * records through the HTTP API as the demo users (scripts/demo-year/loaders), composes the 2023 工作总结 in the
 * yearbook and prints each figure of the report: expected, got, ok / MISMATCH / missing (with the reason).
 * Running it again adds nothing. Exit 1 on a mismatch (not on a missing figure), 2 on a usage error.
 *
 * The app runs in this process and is called through HTTP (`app.inject`), with a clock the script sets to each
 * record's day: routes that stamp "now" then stamp the 2023 moment (docs/demo-city.md, "The 2023 year").
 * Options: --only <loader,…> to load part of the year.
 */
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest } from '../server/src/db/migrations/index.ts';
import { FixedClock, systemClock } from '../server/src/platform/clock.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { DemoApi } from './demo-year/api.ts';
import { table } from './demo-year/compose.ts';
import { MANIFESTS, runDemoYear } from './demo-year/run.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const year = Number(option('--year') ?? '2023');
if (!MANIFESTS[year]) {
  console.error(
    `usage: npm run demo:year -- --year 2023 [--only loader,…]  (manifests: ${Object.keys(MANIFESTS).join(', ')})`,
  );
  process.exit(2);
}
const only = option('--only')?.split(',');

// The clock crosses the year in minutes: sessions that idle out after 12 hours of its time would have the demo users
// sign in again for nearly every record, past the per-minute sign-in limit (so the longest lifetimes the config
// allows), and a handler's year of site photos arrives within minutes of the wall clock.
const config = loadConfig({
  ...process.env,
  DATA_DIR: process.env.DATA_DIR || 'data/demo-year',
  LOG_LEVEL: 'warn',
  SESSION_TTL_HOURS: String(24 * 30),
  SESSION_ABSOLUTE_HOURS: String(24 * 90),
  PHOTO_UPLOADS_PER_MINUTE_USER: '100000',
});
const database = openDatabase(config.databaseUrl);
let exit = 0;
try {
  await migrateToLatest(database.db);
  if (await seedDemoCity(database.db, systemClock, { records: false }))
    console.log('demo city seeded without its 2023 records');
  const clock = new FixedClock(new Date());
  const app = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  try {
    const started = performance.now();
    const { created, rows } = await runDemoYear(new DemoApi(app, clock), year, only);
    console.log(
      `records created: ${JSON.stringify(created)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(table(rows));
    const count = (o: string) => rows.filter((r) => r.outcome === o).length;
    console.log(`\n${count('ok')} ok, ${count('MISMATCH')} mismatch, ${count('missing')} missing of ${rows.length}`);
    if (count('MISMATCH')) exit = 1;
  } finally {
    await app.close();
  }
} finally {
  await database.close();
}
process.exit(exit);
