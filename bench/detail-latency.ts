/**
 * Per-case reads on an existing bench database, one request at a time: the case detail (with its timeline, photos
 * and merged children), one Open311 request and an Open311 page. Sequential requests show what one request costs,
 * which a busy machine distorts far less than throughput does; the server's CPU per request is printed next to it.
 *
 *   node --import tsx bench/detail-latency.ts --db /path/to/cityloop.db [--requests 200] [--drop-statistics]
 *
 * Keep a database with `npm run bench -- --backend sqlite --cases 1e6 --keep`. --drop-statistics deletes SQLite's
 * planner statistics first, the state of a database that was never analysed; the server is started on the file as
 * it is, so a server of another version (an older checkout) measures that version on the same data.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentiles, sequential, type RequestSpec } from './http-load.ts';
import { signIn, startApp } from './lib/app-process.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    requests: { type: 'string', default: '200' },
    'drop-statistics': { type: 'boolean', default: false },
  },
});
if (!values.db) throw new Error('--db is required');
const file = values.db;
const n = Math.max(10, Math.min(5000, Number(values.requests) || 200));

const direct = new Database(file);
if (values['drop-statistics']) {
  const has = direct.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get();
  if (has) direct.exec('delete from sqlite_stat1');
}
const total = (direct.prepare('select max(rowid) as m from cases').get() as { m: number }).m;
const pick = direct.prepare('select id, case_no, channel from cases where rowid >= ? order by rowid limit 1');
const sample = Array.from(
  { length: n },
  (_, i) => pick.get(Math.floor(((i + 0.5) * total) / n)) as { id: string; case_no: string; channel: string },
);
const publicNos = (
  direct
    .prepare(
      "select case_no from cases where channel in ('public', 'open311') and status != 'voided' order by rowid desc limit ?",
    )
    .all(n) as { case_no: string }[]
).map((r) => r.case_no);
direct.close();

const app = await startApp({
  DATABASE_URL: `sqlite:${file}`,
  DATA_DIR: dirname(file),
  LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
  PORT: '0',
  SEED_DEMO: 'false',
  TRUST_PROXY: 'true',
  WEB_DIST: join(dirname(file), 'no-web'),
  SESSION_SECRET: randomBytes(32).toString('hex'),
});
try {
  const operator = await signIn(app.port, 'operator', 'Demo@12345');
  const caller = (i: number) => ({ 'x-forwarded-for': `10.9.${(i >> 8) & 255}.${i & 255}` });
  const probes: [string, RequestSpec[]][] = [
    [
      'case detail GET /api/cases/:id',
      sample.map((c) => ({ method: 'GET', path: `/api/cases/${c.id}`, headers: { cookie: operator.cookie } })),
    ],
    [
      'Open311 request GET /open311/v2/requests/:id.json',
      publicNos.map((no, i) => ({ method: 'GET', path: `/open311/v2/requests/${no}.json`, headers: caller(i) })),
    ],
    [
      'Open311 list GET /open311/v2/requests.json (100)',
      Array.from({ length: Math.min(n, 50) }, (_, i) => ({
        method: 'GET',
        path: `/open311/v2/requests.json?page_size=100&page=${(i % 5) + 1}`,
        headers: caller(i),
      })),
    ],
  ];
  console.log(
    `${total.toLocaleString('en')} cases; statistics ${values['drop-statistics'] ? 'dropped' : 'as found'}; ${n} requests per probe, one at a time`,
  );
  for (const [name, specs] of probes) {
    await sequential(app.port, specs.slice(0, 5), { expect: [200, 404] });
    const cpu0 = app.cpuMs();
    const res = await sequential(app.port, specs, { expect: [200] });
    const cpu = app.cpuMs();
    const p = percentiles(res.map((r) => r.ms));
    const bad = res.filter((r) => r.status !== 200).length;
    const perRequest = cpu0 !== null && cpu !== null ? `${((cpu - cpu0) / res.length).toFixed(2)} ms CPU/request` : '';
    console.log(
      `${name.padEnd(52)} p50 ${p.p50.toFixed(2)} ms  p95 ${p.p95.toFixed(2)} ms  max ${p.max.toFixed(1)} ms  ${perRequest}${bad ? `  ${bad} not 200` : ''}`,
    );
  }
} finally {
  await app.stop();
}
