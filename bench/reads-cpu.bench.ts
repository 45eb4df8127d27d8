/**
 * Read-side costs on a loaded database: server CPU per request of the Open311 list (100 rows, JSON and XML) and get
 * by id, the KPI page, the 大屏 summary, the inbox and the case search by 1, 2 and 4 characters, each with the plan of
 * its slowest SQL statement (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN ANALYZE); then the idle server's start
 * time to a healthy /api/health and its resident memory, measured on the built production entry in a child process.
 * The app runs in this process (Fastify inject: no sockets), so CPU per request is process.cpuUsage() over N
 * sequential requests, with an /api/health baseline printed beside it. Figures are printed, never asserted.
 *   node --import tsx bench/reads-cpu.bench.ts --url sqlite:/tmp/x/cityloop.db
 *   node --import tsx bench/reads-cpu.bench.ts --url postgres://postgres@127.0.0.1:5432/test --schema bench_x
 * Load a database first with bench/generate-cases.ts --seed-demo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { DB } from '../server/src/db/schema.ts';
import type { Database } from '../server/src/platform/db.ts';
import { login } from '../server/src/testing/test-app.ts';
import { percentiles } from './http-load.ts';
import { startProduct } from './lib/app-process.ts';
import { SEARCH_TERMS } from './lib/scenarios.ts';

export interface ReadFigure {
  name: string;
  cpuUs: number;
  p50Ms: number;
  p95Ms: number;
  worstSql: string;
  worstMs: number;
  plan: string[];
}

type Captured = { sql: string; parameters: readonly unknown[]; ms: number };

function openLogged(url: string, schema: string | undefined, sink: { q: Captured[] | null }): Database {
  const log = (e: LogEvent) => {
    if (sink.q && e.level === 'query')
      sink.q.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
  };
  if (url.startsWith('sqlite:')) {
    const sqlite = new SQLite(url.slice('sqlite:'.length));
    sqlite.pragma('journal_mode = WAL');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function planOf(database: Database, q: Captured): Promise<string[]> {
  const explain =
    database.dialect === 'sqlite' ? `explain query plan ${q.sql}` : `explain (analyze, costs off) ${q.sql}`;
  const plan = await database.db.executeQuery(CompiledQuery.raw(explain, [...q.parameters]));
  return (plan.rows as Record<string, unknown>[]).map((row) =>
    database.dialect === 'sqlite' ? String(row.detail) : String(Object.values(row)[0]),
  );
}

export async function measureReads(o: { url: string; schema?: string; requests: number; log: (s: string) => void }) {
  const sink: { q: Captured[] | null } = { q: null };
  const database = openLogged(o.url, o.schema, sink);
  const dir = mkdtempSync(join(tmpdir(), 'cityloop-reads-'));
  const env = {
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    WEB_DIST: join(dir, 'no-web'),
    DATABASE_URL: o.url,
    TRUST_PROXY: 'true',
    SESSION_SECRET: randomBytes(32).toString('hex'),
  };
  const app = await buildApp({ config: loadConfig(env), database, logger: false });
  await app.ready();
  const figures: ReadFigure[] = [];
  try {
    const cookie = async (u: string) => (await login(app, u, 'Demo@12345')).cookie;
    const leader = await cookie('leader');
    const operator = await cookie('operator');
    const dispatcher = await cookie('dispatcher');
    // Open311 clients are many addresses: spread them so the per-address read limit never answers instead.
    let ip = 0;
    const anon = () => ({ 'x-forwarded-for': `10.1.${(ip >> 8) & 255}.${ip++ & 255}` });
    const list = await app.inject({ url: '/open311/v2/requests.json?page_size=100', headers: anon() });
    const ids = (list.json() as { service_request_id: string }[]).map((r) => r.service_request_id);
    o.log(`Open311 list answered ${list.statusCode} with ${ids.length} requests`);
    const month = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 7);
    const scenarios: [string, (i: number) => { url: string; headers: Record<string, string> }][] = [
      ['baseline GET /api/health', () => ({ url: '/api/health', headers: {} })],
      ['Open311 list 100 (JSON)', () => ({ url: '/open311/v2/requests.json?page_size=100', headers: anon() })],
      ['Open311 list 100 (XML)', () => ({ url: '/open311/v2/requests.xml?page_size=100', headers: anon() })],
      [
        'Open311 get by id (JSON)',
        (i) => ({ url: `/open311/v2/requests/${ids[i % ids.length] ?? 'x'}.json`, headers: anon() }),
      ],
      [
        'KPI page (month, street)',
        () => ({ url: `/api/kpi?period=month&at=${month}&subject=street`, headers: { cookie: leader } }),
      ],
      ['大屏 summary', () => ({ url: '/api/dashboard/summary', headers: { cookie: leader } })],
      [
        'inbox pending_dispatch by deadline',
        () => ({ url: '/api/cases?inbox=pending_dispatch&sort=deadline&pageSize=20', headers: { cookie: dispatcher } }),
      ],
      [
        'inbox all newest',
        () => ({ url: '/api/cases?inbox=all&sort=reportedAt&order=desc&pageSize=20', headers: { cookie: leader } }),
      ],
      ...(['垃', ...SEARCH_TERMS.two, ...SEARCH_TERMS.four.slice(0, 2)].map((t) => [
        `search ${t}`,
        () => ({ url: `/api/cases?q=${encodeURIComponent(t)}&pageSize=20`, headers: { cookie: operator } }),
      ]) as [string, () => { url: string; headers: Record<string, string> }][]),
    ];
    for (const [name, make] of scenarios) {
      const n = name.startsWith('search') || name.startsWith('KPI') ? Math.ceil(o.requests / 5) : o.requests;
      for (let i = 0; i < Math.min(20, n); i++) await app.inject(make(i)); // warm-up: JIT, page cache
      const ms: number[] = [];
      let worst: Captured | null = null;
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < n; i++) {
        sink.q = [];
        const t = performance.now();
        const res = await app.inject(make(i));
        ms.push(performance.now() - t);
        if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        for (const q of sink.q) if (!worst || q.ms > worst.ms) worst = q;
      }
      const cpu = process.cpuUsage(cpu0);
      sink.q = null;
      const p = percentiles(ms);
      const plan = worst ? await planOf(database, worst) : [];
      const f: ReadFigure = {
        name,
        cpuUs: (cpu.user + cpu.system) / n,
        p50Ms: p.p50,
        p95Ms: p.p95,
        worstSql: worst?.sql.replace(/\s+/g, ' ') ?? '',
        worstMs: worst?.ms ?? 0,
        plan,
      };
      figures.push(f);
      o.log(
        `${name.padEnd(36)} CPU ${f.cpuUs.toFixed(0).padStart(6)} µs/request  p50 ${p.p50.toFixed(2)} ms  p95 ${p.p95.toFixed(2)} ms  (n=${n})`,
      );
      if (worst && !name.startsWith('baseline')) {
        o.log(`    slowest SQL ${worst.ms.toFixed(2)} ms: ${f.worstSql.slice(0, 300)}`);
        for (const line of plan) o.log(`      ${line}`);
      }
    }
  } finally {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/**
 * Start of the production entry (`node dist/server/main.js`, built by `npm run build:server`) on the existing
 * database until /api/health answers 200, then its idle RSS.
 */
export async function measureStart(o: { url: string; schema?: string; log: (s: string) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'cityloop-start-'));
  const app = await startProduct({
    DATABASE_URL: o.url,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    WEB_DIST: join(dir, 'no-web'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ...(o.schema ? { BENCH_PG_SCHEMA: o.schema } : {}),
  });
  try {
    const startMs = (await app.healthyAfterMs()) ?? NaN;
    const cpuMs = app.cpuMs() ?? NaN;
    await new Promise((r) => setTimeout(r, 3000));
    const mem = app.memoryMiB();
    o.log(
      `start to healthy /api/health ${startMs.toFixed(0)} ms (node dist/server/main.js, ${cpuMs.toFixed(0)} ms CPU); idle RSS ${mem?.rss.toFixed(0)} MiB`,
    );
    return { startMs, startCpuMs: cpuMs, idleRssMiB: mem?.rss ?? NaN };
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      schema: { type: 'string' },
      requests: { type: 'string', default: '200' },
      'skip-start': { type: 'boolean', default: false },
    },
  });
  if (!values.url) throw new Error('--url is required (load a database with bench/generate-cases.ts first)');
  const log = (s: string) => console.log(s);
  await measureReads({ url: values.url, schema: values.schema, requests: Number(values.requests), log });
  if (!values['skip-start']) await measureStart({ url: values.url, schema: values.schema, log });
}
