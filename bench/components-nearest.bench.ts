/**
 * Component registry at city scale: 100,000 components (the demo census plus synthetic fill inside the demo
 * boundary), queried through the real HTTP app: nearest, map clusters, a bbox list page, the grid layer, and
 * the in-process locatePoint the case module will call. Prints figures; asserts nothing.
 * Run: node --import tsx bench/components-nearest.bench.ts            (SQLite in memory)
 *      TEST_DB=postgres node --import tsx bench/components-nearest.bench.ts   (a fresh schema on TEST_PG_URL)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from '../common/domain/geo.ts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { ComponentsTable } from '../server/src/db/schema.ts';
import { dayeTenantBoundary } from '../server/src/seed/daye-geography.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { bboxOf, pointInPolygon } from '../server/src/modules/geo/geometry.ts';
import { buildComponentId } from '../server/src/modules/geo/grid-codes.ts';
import { FixedClock } from '../server/src/platform/clock.ts';
import { newId } from '../server/src/platform/ids.ts';
import { createTestDatabase, TEST_DIALECT } from '../server/src/testing/test-db.ts';
import { login } from '../server/src/testing/test-app.ts';

const TARGET = 100_000;
const CLASSES = ['01001', '01002', '01003', '01004', '01005', '01007', '01037', '03005', '04002', '02012'];

/** Deterministic PRNG (mulberry32) so every run measures the same points. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(7);
const boundary = dayeTenantBoundary().geometry;
const [w, s, e, n] = bboxOf(boundary);
function pointInCity(): Position {
  for (;;) {
    const p: Position = [w + random() * (e - w), s + random() * (n - s)];
    if (pointInPolygon(boundary, p[0], p[1])) return p;
  }
}

const clock = new FixedClock(new Date('2024-03-12T02:00:00.000Z'));
const database = await createTestDatabase();
let t = performance.now();
await seedDemoCity(database.db, clock);
const seedMs = performance.now() - t;
const tenant = await database.db.selectFrom('tenants').select(['id', 'code']).executeTakeFirstOrThrow();
const have = Number(
  (
    await database.db
      .selectFrom('components')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);

t = performance.now();
const now = clock.now().toISOString();
const fill: ComponentsTable[] = Array.from({ length: TARGET - have }, (_, i) => {
  const [lng, lat] = pointInCity();
  const classCode = CLASSES[i % CLASSES.length] as string;
  return {
    id: newId(),
    tenant_id: tenant.id,
    code: buildComponentId(tenant.code, classCode, 500_000 + Math.floor(i / CLASSES.length)),
    class_code: classCode,
    name: 'bench',
    state: 'intact',
    dept_name: 'bench',
    owner_name: null,
    maintainer_name: null,
    grid_code: null,
    street_id: null,
    community_id: null,
    lng,
    lat,
    initial_date: '2024-01-01',
    change_date: null,
    source: null,
    notes: null,
    synthetic: 1,
    created_at: now,
    updated_at: now,
  };
});
for (let i = 0; i < fill.length; i += 1000)
  await database.db
    .insertInto('components')
    .values(fill.slice(i, i + 1000))
    .execute();
const fillMs = performance.now() - t;

const dataDir = mkdtempSync(join(tmpdir(), 'cityloop-bench-'));
const app = await buildApp({
  config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: join(dataDir, 'no-web') }),
  database,
  clock,
  logger: false,
});
await app.ready();
const session = await login(app, 'admin', 'Admin@12345');
const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res;
};

/** Runs `count` requests built by `url(i)`, after 10% warm-up; answers ms per request (median of 3 rounds). */
async function time(label: string, count: number, url: (i: number) => string, note?: (body: string) => string) {
  for (let i = 0; i < Math.ceil(count / 10); i++) await get(url(i));
  const rounds: number[] = [];
  let last = '';
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    for (let i = 0; i < count; i++) last = (await get(url(i + r * count))).body;
    rounds.push((performance.now() - start) / count);
  }
  const ms = [...rounds].sort((a, b) => a - b)[1] as number;
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms/request  ${(1000 / ms).toFixed(0).padStart(6)} req/s${note ? `  (${note(last)})` : ''}`,
  );
}

const points = Array.from({ length: 3000 }, pointInCity);
const p = (i: number) => points[i % points.length] as Position;
const view = (i: number, half: number) => {
  const [x, y] = p(i);
  return `${x - half},${y - half * 0.87},${x + half},${y + half * 0.87}`;
};
const items = (b: string) => `${(JSON.parse(b) as { items: unknown[] }).items.length} items`;

console.log(
  `database: ${TEST_DIALECT}; demo seed ${seedMs.toFixed(0)} ms (${have} components); fill to ${TARGET.toLocaleString('en')} in ${fillMs.toFixed(0)} ms`,
);
await time(
  'nearest limit=10 radius=1000',
  300,
  (i) => `/api/components/nearest?lng=${p(i)[0]}&lat=${p(i)[1]}&limit=10&radius=1000`,
  items,
);
await time(
  'nearest limit=50 radius=5000',
  300,
  (i) => `/api/components/nearest?lng=${p(i)[0]}&lat=${p(i)[1]}&limit=50&radius=5000`,
  items,
);
await time(
  'nearest classCode=01072 (19 rows) r=5000',
  300,
  (i) => `/api/components/nearest?lng=${p(i)[0]}&lat=${p(i)[1]}&classCode=01072&limit=5&radius=5000`,
  items,
);
await time(
  'clusters zoom=12, whole city (100k)',
  20,
  () => `/api/components/clusters?zoom=12&bbox=${w},${s},${e},${n}`,
  items,
);
await time(
  'clusters zoom=14, 2 km viewport',
  100,
  (i) => `/api/components/clusters?zoom=14&bbox=${view(i, 0.01)}`,
  items,
);
await time(
  'clusters zoom=17, 400 m viewport',
  100,
  (i) => `/api/components/clusters?zoom=17&bbox=${view(i, 0.002)}`,
  items,
);
await time(
  'list bbox 1 km, page of 50',
  100,
  (i) => `/api/components?bbox=${view(i, 0.005)}&pageSize=50`,
  (b) => `total ${(JSON.parse(b) as { total: number }).total}`,
);
await time(
  'GET /api/geo/layers/grid (6k polygons)',
  10,
  () => '/api/geo/layers/grid',
  (b) => `${(b.length / 1e6).toFixed(2)} MB`,
);
await time('GET /api/geo/locate', 300, (i) => `/api/geo/locate?lng=${p(i)[0]}&lat=${p(i)[1]}`);

const geo = (
  app as unknown as { services: { geo: { locatePoint(t: string, x: number, y: number): Promise<unknown> } } }
).services.geo;
await geo.locatePoint(tenant.id, p(0)[0], p(0)[1]);
t = performance.now();
const CALLS = 20_000;
for (let i = 0; i < CALLS; i++) await geo.locatePoint(tenant.id, p(i)[0], p(i)[1]);
const perCall = (performance.now() - t) / CALLS;
console.log(
  `${'locatePoint in process (version check + index)'.padEnd(44)} ${(perCall * 1000).toFixed(1).padStart(8)} µs/call   ${(1000 / perCall).toFixed(0).padStart(6)} calls/s`,
);

await app.close();
await database.close();
