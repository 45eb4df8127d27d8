/**
 * Where an intake request's time goes (diagnostic for the intake goal): the real app in process on a SQLite file,
 * 500 × POST /api/cases through app.inject after a warm-up, with every SQL statement counted and timed through
 * Kysely's log hook. Prints per-request wall time, queries per request, and each statement's count and mean time.
 * Run: node --import tsx bench/intake-queries.ts [requests]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest } from '../server/src/db/migrations/index.ts';
import type { DB } from '../server/src/db/schema.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { cachingStatements } from '../server/src/platform/sqlite-statements.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { as, login } from '../server/src/testing/test-app.ts';
import { gridPoints } from './lib/case-reference.ts';

const N = Number(process.argv[2] ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'cityloop-intake-'));
// The same pragmas as platform/db.ts openDatabase, on a file (WAL), with a counting log hook.
const sqlite = new SQLite(join(dir, 'cityloop.db'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
let counting = false;
const stats = new Map<string, { n: number; ms: number }>();
const db = new Kysely<DB>({
  dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
  log(event) {
    if (!counting) return;
    const key = event.query.sql.slice(0, 100);
    const s = stats.get(key) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += event.queryDurationMillis;
    stats.set(key, s);
  },
});
await migrateToLatest(db);
await seedDemoCity(db, systemClock);
const app = await buildApp({
  config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', WEB_DIST: join(dir, 'no-web') }),
  database: { db, dialect: 'sqlite', close: () => db.destroy() },
  logger: false,
});
await app.ready();
const client = as(app, await login(app, 'inspector', 'Demo@12345'));
const tenant = await db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow();
const points = await gridPoints(db, tenant.id, 1000);
const post = async (i: number, prefix: string) => {
  const p = points[i % points.length] as (typeof points)[number];
  const res = await client.post(
    '/api/cases',
    { matterCode: '09006', description: '店外经营，占用人行道', lng: p.lng, lat: p.lat },
    { 'idempotency-key': `${prefix}-${i}-bench` },
  );
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
};

for (let i = 0; i < 200; i++) await post(i, 'warm');
counting = true;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < N; i++) await post(i, 'run');
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
counting = false;

let queries = 0;
let queryMs = 0;
for (const s of stats.values()) {
  queries += s.n;
  queryMs += s.ms;
}
console.log(
  `intake in process, ${N} requests: ${(wall / N).toFixed(2)} ms wall and ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms CPU per request; ` +
    `${(queries / N).toFixed(1)} SQL statements per request taking ${(queryMs / N).toFixed(2)} ms (execution only: not compile, prepare or JS around them)`,
);
for (const [sqlText, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(`${(s.n / N).toFixed(2).padStart(6)}×  ${((s.ms / s.n) * 1000).toFixed(0).padStart(6)} µs  ${sqlText}`);
}
await app.close();
await db.destroy();
rmSync(dir, { recursive: true, force: true });
