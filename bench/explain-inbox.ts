/**
 * Query plans of the inbox and search requests on a loaded database (diagnostic for the inbox goal): runs each
 * request shape of lib/scenarios.ts once through the real app in process, captures the SQL it issues for `cases`
 * with Kysely's log hook, and prints the plan (SQLite EXPLAIN QUERY PLAN; PostgreSQL EXPLAIN ANALYZE) and time.
 *   node --import tsx bench/explain-inbox.ts --url sqlite:/tmp/…/cityloop.db
 *   node --import tsx bench/explain-inbox.ts --url postgres://postgres@127.0.0.1:5432/test --schema bench_x
 * Load a database first with bench/generate-cases.ts (--seed-demo).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { DB } from '../server/src/db/schema.ts';
import type { Database } from '../server/src/platform/db.ts';
import { login } from '../server/src/testing/test-app.ts';
import { SEARCH_TERMS } from './lib/scenarios.ts';

const { values } = parseArgs({
  options: { url: { type: 'string' }, schema: { type: 'string' }, filter: { type: 'string' } },
});
const url = values.url;
if (!url) throw new Error('--url is required');

let capture: { sql: string; parameters: readonly unknown[]; ms: number }[] | null = null;
const log = (e: LogEvent) => {
  if (capture && /(from|join) "cases"/.test(e.query.sql))
    capture.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
};
let database: Database;
if (url.startsWith('sqlite:')) {
  const sqlite = new SQLite(url.slice('sqlite:'.length));
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log });
  database = { db, dialect: 'sqlite', close: () => db.destroy() };
} else {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(values.schema ? { options: `-c search_path=${values.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  database = { db, dialect: 'postgres', close: () => db.destroy() };
}
const dir = mkdtempSync(join(tmpdir(), 'cityloop-explain-'));
const app = await buildApp({
  config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', WEB_DIST: join(dir, 'no-web'), DATABASE_URL: url }),
  database,
  logger: false,
});
await app.ready();
const sessions = new Map<string, string>();
for (const u of ['operator', 'shiftleader', 'dispatcher', 'leader', 'unitmanager', 'inspector'])
  sessions.set(u, (await login(app, u, 'Demo@12345')).cookie);

const shapes: [string, string][] = [
  ['dispatcher', 'inbox=pending_dispatch&sort=deadline'],
  ['dispatcher', 'inbox=pending_dispatch&sort=reportedAt&order=desc'],
  ['operator', 'inbox=reported&sort=deadline'],
  ['shiftleader', 'inbox=overdue&sort=deadline'],
  ['unitmanager', 'inbox=handling&sort=deadline'],
  ['inspector', 'inbox=checking&mine=true'],
  ['dispatcher', 'inbox=handling&sort=deadline&page=25'],
  ['leader', 'inbox=all&sort=reportedAt&order=desc'],
  ['leader', 'inbox=closed&sort=updatedAt&order=desc'],
  ['operator', 'inbox=all&sort=caseNo&order=desc'],
  ...[...SEARCH_TERMS.two.slice(0, 2), ...SEARCH_TERMS.four.slice(0, 2)].map((t): [string, string] => [
    'operator',
    `q=${encodeURIComponent(t)}`,
  ]),
];

for (const [user, query] of shapes) {
  if (values.filter && !query.includes(values.filter)) continue;
  capture = [];
  const t = performance.now();
  const res = await app.inject({
    method: 'GET',
    url: `/api/cases?pageSize=20&${query}`,
    headers: { cookie: sessions.get(user) as string },
  });
  const ms = performance.now() - t;
  const queries = capture;
  capture = null;
  const total = res.statusCode === 200 ? (res.json() as { total: number }).total : NaN;
  console.log(`\n=== ${user}: ${decodeURIComponent(query)} → ${res.statusCode}, total ${total}, ${ms.toFixed(1)} ms`);
  for (const q of queries) {
    console.log(`--- ${q.ms.toFixed(1)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
    console.log(`    params ${JSON.stringify(q.parameters).slice(0, 200)}`);
    const explain =
      database.dialect === 'sqlite' ? `explain query plan ${q.sql}` : `explain (analyze, buffers, costs off) ${q.sql}`;
    const plan = await database.db.executeQuery(CompiledQuery.raw(explain, [...q.parameters]));
    for (const row of plan.rows as Record<string, unknown>[]) {
      console.log(
        `    ${database.dialect === 'sqlite' ? `${'  '.repeat(Number(row.parent) ? 1 : 0)}${String(row.detail)}` : String(Object.values(row)[0])}`,
      );
    }
  }
}
await app.close();
rmSync(dir, { recursive: true, force: true });
