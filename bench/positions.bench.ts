/**
 * 监督员 positions at working-day scale (docs/monitor.md, "Scale"): 300 inspectors reporting every 10 s over an
 * 8-hour shift (864,000 points), bulk-loaded into inspector_positions, then measured through the real HTTP app:
 * one inspector-day's track replay (2,880 points, the figure the console needs ≤ 200 ms), the supervisor's board and
 * the ingestion of one app batch. Prints figures; asserts nothing.
 * Run: node --import tsx bench/positions.bench.ts                 (SQLite in memory)
 *      TEST_DB=postgres node --import tsx bench/positions.bench.ts  (a fresh schema on TEST_PG_URL)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { InspectorPositionsTable } from '../server/src/db/schema-lines.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { FixedClock } from '../server/src/platform/clock.ts';
import { newId } from '../server/src/platform/ids.ts';
import { createTestDatabase, TEST_DIALECT } from '../server/src/testing/test-db.ts';
import { as, login } from '../server/src/testing/test-app.ts';

const INSPECTORS = 300;
const EVERY_S = 10;
const SHIFT_H = 8;
const PER_DAY = (SHIFT_H * 3600) / EVERY_S;
const DAY = '2024-03-12';
const START = Date.parse(`${DAY}T08:30:00+08:00`);

const clock = new FixedClock(new Date(START + SHIFT_H * 3_600_000 + 60_000));
const database = await createTestDatabase();
await seedDemoCity(database.db, clock);
const tenant = await database.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
const inspector = await database.db
  .selectFrom('users')
  .select('id')
  .where('username', '=', 'inspector')
  .executeTakeFirstOrThrow();

// The seeded inspector is one of the 300; the others need no account (positions carry no foreign key).
const ids = [inspector.id, ...Array.from({ length: INSPECTORS - 1 }, () => newId())];
const t = performance.now();
let rows: InspectorPositionsTable[] = [];
const flush = async () => {
  await database.db.insertInto('inspector_positions').values(rows).execute();
  rows = [];
};
for (const [k, id] of ids.entries()) {
  // each walks a slow loop around its own start point inside the city
  const lng0 = 114.94 + (k % 20) * 0.004;
  const lat0 = 30.07 + Math.floor(k / 20) * 0.003;
  for (let i = 0; i < PER_DAY; i++) {
    const a = (i / PER_DAY) * 2 * Math.PI;
    rows.push({
      inspector_id: id,
      at: new Date(START + i * EVERY_S * 1000).toISOString(),
      tenant_id: tenant.id,
      lng: lng0 + 0.004 * Math.cos(a),
      lat: lat0 + 0.003 * Math.sin(a),
      accuracy_m: 8,
      grid_code: null,
      implausible: 0,
      received_at: new Date(START + i * EVERY_S * 1000 + 30_000).toISOString(),
    });
    if (rows.length === 500) await flush();
  }
}
if (rows.length) await flush();
const loadMs = performance.now() - t;
console.log(
  `${TEST_DIALECT}: ${(INSPECTORS * PER_DAY).toLocaleString('en')} positions loaded in ${(loadMs / 1000).toFixed(1)} s (${Math.round((INSPECTORS * PER_DAY) / (loadMs / 1000)).toLocaleString('en')} rows/s)`,
);

const dataDir = mkdtempSync(join(tmpdir(), 'cityloop-bench-'));
const app = await buildApp({
  config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: join(dataDir, 'no-web') }),
  database,
  clock,
  logger: false,
});
await app.ready();
const lead = as(app, await login(app, 'shiftleader', 'Demo@12345'));
const field = as(app, await login(app, 'inspector', 'Demo@12345'));
await lead.put('/api/monitor/roster', {
  inspectorIds: [inspector.id],
  from: DAY,
  to: DAY,
  starts: '08:30',
  ends: '17:30',
});

async function time(label: string, count: number, call: (i: number) => Promise<{ statusCode: number; body: string }>) {
  for (let i = 0; i < Math.max(2, count / 10); i++) await call(i);
  const ms: number[] = [];
  let body = '';
  for (let i = 0; i < count; i++) {
    const s = performance.now();
    const res = await call(i);
    ms.push(performance.now() - s);
    if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    body = res.body;
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  console.log(
    `${label.padEnd(48)} median ${q(0.5).padStart(7)} ms   p95 ${q(0.95).padStart(7)} ms   ${(body.length / 1024).toFixed(0)} KiB`,
  );
  return body;
}

const track = await time('GET track replay (one inspector-day)', 30, () =>
  lead.get(`/api/monitor/inspectors/${inspector.id}/track?day=${DAY}`),
);
console.log(`  points in the replay: ${(JSON.parse(track) as { points: unknown[] }).points.length}`);
await time('GET board (在岗 list)', 30, () => lead.get(`/api/monitor/board?day=${DAY}`));
let n = 0;
await time('POST a batch of 6 positions (on duty, late data)', 30, () => {
  const base = START + 7 * 3_600_000 + 5_000 + n++ * 60_000;
  const points = Array.from({ length: 6 }, (_, i) => ({
    at: new Date(base + i * 10_000).toISOString(),
    lng: 114.95 + i * 0.0001,
    lat: 30.08,
  }));
  return field.post('/api/monitor/positions', { points });
});

await app.close();
await database.close();
