import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { FixedClock } from '../server/src/platform/clock.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { makeTempDir, removeTempDir } from '../server/src/testing/temp-dir.ts';
import { createTestDatabase, type TestDatabase } from '../server/src/testing/test-db.ts';
import { TEST_NOW } from '../server/src/testing/test-template.ts';
import { DEMO_YEAR_ENV, DemoApi, type DemoUser } from './demo-year/api.ts';
import { printedValue } from './demo-year/compose.ts';
import { enforcementPlan } from './demo-year/loaders/enforcement-plan.ts';
import { loadGasSafety } from './demo-year/loaders/gas-safety.ts';
import { loadNightMarket } from './demo-year/loaders/night-market.ts';
import { runDemoYear } from './demo-year/run.ts';

/**
 * The seed year on a test database (SQLite or PostgreSQL, TEST_DB): the demo city without its 2023 records, then a
 * part of the year through the API. The test loads 查违控违, projects and three registers' lines (环卫, 园林, 渣土:
 * 24 figures, about 600 requests and four imports); campaigns, the drainage and municipal registers,
 * the 774 sign removals and the 121 applications with their steps run in `npm run demo:year` only (about 1,300 more
 * requests: minutes on PostgreSQL on a shared machine). The night-market and gas loaders run scaled down (a few
 * stalls, applicants, checks and hazards instead of 190, 208, 41 and 1,174). Of the 840 enforcement cases it loads
 * the first 40, with an interruption half-way through a case.
 */
const ONLY = ['illegal-construction', 'projects', 'sanitation', 'parks', 'muck'];

describe('demo:year', () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let api: DemoApi;
  let clock: FixedClock;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase({ kind: 'migrated' });
    clock = new FixedClock(new Date(TEST_NOW));
    await seedDemoCity(database.db, clock, { records: false });
    dataDir = makeTempDir('demo-year-');
    const config = loadConfig({
      ...DEMO_YEAR_ENV,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WEB_DIST: `${dataDir}/no-web`,
    });
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
    expect(loaded.length).toBe(24);
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

  it('the night-market and gas loaders, scaled down: the draw allocates every stall, each hazard closes with its photo', async () => {
    const stalls = { stalls: 4, local: 5, outside: 1 };
    const gas = {
      checks: 2,
      hazards: 5,
      superior: 2,
      alarm: 7,
      valve: 30,
      hose: 90,
      pipeline: 2,
      lpg: 3,
      communities: 2,
    };
    // the market, 4 stalls, the round and 6 applications
    expect(await loadNightMarket(api, 2023, stalls)).toBe(12);
    expect(await loadGasSafety(api, 2023, gas)).toBeGreaterThan(0);

    const report = await api.get<{ sections: { figures?: { key: string; value: number | null }[] }[] }>(
      'leader',
      '/api/reports/statistics?period=year&at=2023',
    );
    const figures = Object.fromEntries(report.sections.flatMap((s) => s.figures ?? []).map((f) => [f.key, f.value]));
    // the outsider is refused by the 本地户籍 rule; of the 5 entrants 4 get a stall
    expect([figures['nightMarket.entrants'], figures['nightMarket.allocated']]).toEqual([5, 4]);
    expect(
      [
        'checks',
        'hazardsClosed',
        'superiorClosed',
        'overdue',
        'alarms',
        'valves',
        'hoses',
        'pipelineUsers',
        'lpgUsers',
      ].map((k) => figures[`gasSafety.${k}`]),
    ).toEqual([2, 5, 2, 0, 7, 30, 90, 2, 3]);
    const hazards = await api.get<{ items: { status: string; photoIds: string[]; closedOn: string }[] }>(
      'admin',
      '/api/gas/hazards?year=2023&pageSize=200',
    );
    expect(hazards.items.map((h) => [h.status, h.photoIds.length, h.closedOn.slice(0, 4)])).toEqual(
      hazards.items.map(() => ['closed', 1, '2023']),
    );

    expect(await loadNightMarket(api, 2023, stalls)).toBe(0);
    expect(await loadGasSafety(api, 2023, gas)).toBe(0);
  }, 120_000);

  it('loads the first enforcement cases of the series decided and closed, and an interrupted run goes on', async () => {
    const plan = enforcementPlan(2023);
    const fen = (n: number) => plan.slice(0, n).reduce((s, c) => s + c.fineYuan, 0) * 100;

    const first = await runDemoYear(api, 2023, ['enforcement'], { fraction: 20 / 840 });
    expect(first.created).toEqual({ enforcement: 20 });
    expect(first.rows.filter((r) => r.figure.loader).map((r) => [r.figure.key, r.got])).toEqual([
      ['enforcement.decided', 20],
      ['enforcement.fineFen', fen(20) / 100],
    ]);

    // A run stopped at the first decision it is about to take leaves an ordinary case half-way.
    class Interrupted extends DemoApi {
      override call<T>(user: DemoUser, method: 'GET' | 'POST', url: string, body?: { action?: string }) {
        if (body?.action === 'decide') return Promise.reject(new Error('interrupted'));
        return super.call<T>(user, method, url, body);
      }
    }
    await expect(
      runDemoYear(new Interrupted(app, clock), 2023, ['enforcement'], { fraction: 40 / 840 }),
    ).rejects.toThrow('interrupted');
    const half = await api.get<{ items: { procedure: string }[] }>(
      'bureauleader',
      '/api/enforcement/cases?stage=deciding',
    );
    expect(half.items.map((c) => c.procedure)).toEqual(['ordinary']);

    const resumed = await runDemoYear(api, 2023, ['enforcement'], { fraction: 40 / 840 });
    const stopped = plan.findIndex((c) => c.i >= 20 && (c.kind === 'ordinary' || c.kind === 'lenient'));
    expect(resumed.created).toEqual({ enforcement: 40 - (stopped + 1) });
    const f = await api.get<{ decided: number; fineFen: number; collectedFen: number }>(
      'bureauleader',
      '/api/enforcement/figures?from=2023-01-01&to=2023-12-31',
    );
    expect([f.decided, f.fineFen, f.collectedFen]).toEqual([40, fen(40), fen(40)]);
    const list = await api.get<{
      items: { stage: string; procedure: string; partyKind: string; partyIdentifier: string }[];
    }>('bureauleader', '/api/enforcement/cases?q=ZF2023&pageSize=200');
    // every case closed (paid, or closed by the leader with nothing to pay), both procedures, ID numbers masked
    expect(new Set(list.items.map((c) => c.stage))).toEqual(new Set(['closed']));
    expect(new Set(list.items.map((c) => c.procedure))).toEqual(new Set(['summary', 'ordinary']));
    for (const c of list.items.filter((x) => x.partyKind === 'person'))
      expect(c.partyIdentifier).toMatch(/^\d{3}\*+[\dX]$/);

    const again = await runDemoYear(api, 2023, ['enforcement'], { fraction: 40 / 840 });
    expect(again.created).toEqual({ enforcement: 0 });
  }, 300_000);
});
