import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { FixedClock } from '../server/src/platform/clock.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { makeTempDir, removeTempDir } from '../server/src/testing/temp-dir.ts';
import { createTestDatabase, type TestDatabase } from '../server/src/testing/test-db.ts';
import { TEST_NOW } from '../server/src/testing/test-template.ts';
import { DemoApi } from './demo-year/api.ts';
import { printedValue } from './demo-year/compose.ts';
import { runDemoYear } from './demo-year/run.ts';

/**
 * The seed year on a test database (SQLite or PostgreSQL, TEST_DB): the demo city without its 2023 records, then a
 * part of the year through the API. The test loads 查违控违, projects and three registers' lines (环卫, 园林, 渣土:
 * 22 figures, about 600 requests and four imports); campaigns, the drainage and municipal registers,
 * the 774 sign removals and the 121 applications with their steps run in `npm run demo:year` only (about 1,300 more
 * requests: minutes on PostgreSQL on a shared machine).
 */
const ONLY = ['illegal-construction', 'projects', 'sanitation', 'parks', 'muck'];

describe('demo:year', () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let api: DemoApi;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase({ kind: 'migrated' });
    const clock = new FixedClock(new Date(TEST_NOW));
    await seedDemoCity(database.db, clock, { records: false });
    dataDir = makeTempDir('demo-year-');
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: `${dataDir}/no-web` });
    app = await buildApp({ config, database, clock, logger: false });
    await app.ready();
    api = new DemoApi(app, clock);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (dataDir) removeTempDir(dataDir);
  });

  it('reproduces every loaded figure of the 2023 report from records, and a second run adds nothing', async () => {
    const first = await runDemoYear(api, 2023, ONLY);
    const loaded = first.rows.filter((r) => r.figure.loader);
    expect(loaded.length).toBe(22);
    expect(loaded.filter((r) => r.outcome !== 'ok').map((r) => [r.figure.key, r.figure.expected, r.got])).toEqual([]);
    // every figure not reproduced says why
    for (const r of first.rows.filter((x) => x.outcome === 'missing')) expect(r.figure.missing).toBeTruthy();

    const second = await runDemoYear(api, 2023, ONLY);
    expect(Object.values(second.created)).toEqual(ONLY.map(() => 0));
    expect(second.rows.map((r) => r.got)).toEqual(first.rows.map((r) => r.got));
  }, 300_000);

  it('the composed document’s figures equal the statistics report’s for 2023', async () => {
    const { doc } = await runDemoYear(api, 2023, ONLY);
    const report = await api.get<{ sections: { figures?: { key: string; value: number | null }[] }[] }>(
      'leader',
      '/api/reports/statistics?period=year&at=2023',
    );
    const metrics = new Map(report.sections.flatMap((s) => s.figures ?? []).map((f) => [f.key, f.value]));
    expect(doc.figures.length).toBeGreaterThan(22);
    for (const f of doc.figures.filter((x) => x.period === '2023')) {
      // a section that says nothing for the year stands for zeros (docs/yearbook.md, "Figures")
      const metric = metrics.has(f.key) ? metrics.get(f.key) : f.unit === 'percent' ? null : 0;
      expect([f.key, f.value]).toEqual([f.key, metric]);
      expect(printedValue(f)).not.toBeNaN();
    }
  }, 120_000);
});
