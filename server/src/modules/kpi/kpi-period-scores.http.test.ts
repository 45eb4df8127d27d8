import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiQuery } from '../../../../common/contracts/kpi.ts';
import { as, createTestApp, firstSignIn, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { addDailyRows, createKpiService, createRollup } from './index.ts';
import { compareResult } from './kpi-compare.ts';
import { pageOfRows, periodOf } from './kpi-query.ts';
import * as repo from './kpi.repository.ts';

/**
 * A page of grids cut from cached period scores answers exactly what computing every grid's row gives (the way the
 * KPI engine answered before the cache, rebuilt here from its parts): on a first and a cached read, sorted every way,
 * for a reader scoped to one street, after new roll-up rows arrive in the month, after a rebuild, after the weights
 * change, and over a running month that is never cached. The roll-up rows are written through the drainer's writer.
 */
let ctx: TestContext;
let leader: Session;
let streetUser: Session;
let tenantId = '';
let all: repo.Member[] = [];
let street = '';
const TODAY = '2024-03-12';

const counts = (i: number, d: number) => {
  const filed = 1 + ((i * 7 + d) % 5);
  const closed = filed - (i % 3 === 0 ? 1 : 0);
  return {
    reported: filed + 1,
    filed,
    needClose: filed,
    closed,
    closedOnTime: Math.max(0, closed - (i % 4 === 0 ? 1 : 0)),
    missed: i % 5 === 0 ? 1 : 0,
    handlingHours: 1.37 * ((i % 7) + 1),
    handlingTimed: 1,
  };
};

async function write(grids: readonly repo.Member[], days: readonly string[], shift = 0) {
  const rows = days.flatMap((day, d) =>
    grids.map((g, i) => ({ dim: 'grid', dimId: g.id, day, counts: counts(i + shift, d + shift) })),
  );
  await ctx.database.db.transaction().execute((tx) => addDailyRows(tx, tenantId, rows));
}

beforeAll(async () => {
  ctx = await createTestApp();
  leader = await login(ctx.app, 'leader', 'Demo@12345');
  const { db } = ctx.database;
  tenantId = (await db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow()).id;
  all = await repo.members(db, tenantId, 'grid');
  const streetOf = (m: repo.Member) => (m.path ?? '').split('/')[1] ?? '';
  const streets = [...new Set(all.map(streetOf))];
  street = streets[0] as string;
  const picked = streets.slice(0, 2).flatMap((s) => all.filter((m) => streetOf(m) === s).slice(0, 25));
  await write(picked, ['2024-02-03', '2024-02-17', '2024-02-29']);
  await write(picked.slice(5), ['2024-01-10', '2024-01-31'], 1);
  await write(picked.slice(10), ['2023-02-15'], 2);
  await write(picked, ['2024-03-01', '2024-03-05', '2024-02-02'], 3);
  const created = await as(ctx.app, await login(ctx.app, 'admin', 'Admin@12345')).post('/api/org/users', {
    username: 'gridstreet',
    displayName: '街道网格',
    password: 'Street#2024ok',
    grants: [{ role: 'leader', regionId: street }],
  });
  expect(created.statusCode, created.body).toBe(201);
  streetUser = await firstSignIn(ctx.app, 'gridstreet', 'Street#2024ok', 'Street#Chosen2024');
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

type Q = Pick<KpiQuery, 'period' | 'at' | 'sort' | 'order' | 'page' | 'pageSize'>;

/** The answer as the engine computed it before the cache: every grid's whole row, then the page, then its changes. */
async function computed(q: Q, list: readonly repo.Member[]) {
  const kpi = createKpiService(ctx.database, ctx.clock, ctx.app.services.settings);
  const period = periodOf(q);
  const result = await kpi.figures(tenantId, 'grid', period, list);
  const page = pageOfRows(result.rows, q);
  const answer = { ...result, rows: page.rows, paging: page.paging };
  const shown = new Set(page.rows.map((r) => r.id));
  const comparison = await compareResult(answer, period, TODAY, (range) =>
    kpi.figures(tenantId, 'grid', { ...period, ...range }, list, shown),
  );
  // the answer's schema carries the compared range's dates only
  const current = { from: comparison.current.from, to: comparison.current.to };
  return JSON.parse(JSON.stringify({ ...answer, comparison: { ...comparison, current } })) as unknown;
}

async function served(session: Session, q: Q) {
  const params = new URLSearchParams({ subject: 'grid', compare: 'true' });
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
  const res = await as(ctx.app, session).get(`/api/kpi?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  for (const r of body.rows) delete r.parentName;
  return body as { rows: { id: string; score: number | null }[]; paging: { rowCount: number } };
}

const cachedRows = async (period: string) =>
  (
    await ctx.database.db
      .selectFrom('kpi_period_scores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('period', '=', period)
      .executeTakeFirstOrThrow()
  ).n;

const SORTS: Q[] = [
  { period: 'month', at: '2024-02', pageSize: 20 },
  { period: 'month', at: '2024-02', pageSize: 20, page: 2 },
  { period: 'month', at: '2024-02', sort: 'score', order: 'asc', pageSize: 7, page: 3 },
  { period: 'month', at: '2024-02', sort: 'name', pageSize: 30 },
  { period: 'month', at: '2024-02', sort: 'closeRate', order: 'asc', pageSize: 15, page: 2 },
  { period: 'quarter', at: '2024-Q1', sort: 'onTimeCloseRate', pageSize: 10 },
  { period: 'year', at: '2023', pageSize: 10 },
];

describe('cached period scores of grids', () => {
  it('answer a closed month as computing every grid does, on the first read and from the cache', async () => {
    expect(Number(await cachedRows('2024-02~2024-02'))).toBe(0);
    for (const q of SORTS) {
      const first = await served(leader, q);
      expect(first).toEqual(await computed(q, all));
      expect(await served(leader, q)).toEqual(first);
    }
    // every grid and the total, for the month, its 环比 and its 同比
    for (const p of ['2024-02~2024-02', '2024-01~2024-01', '2023-02~2023-02'])
      expect(Number(await cachedRows(p))).toBe(all.length + 1);
    const top = await served(leader, SORTS[0] as Q);
    expect(top.paging.rowCount).toBe(all.length);
    expect(top.rows[0]?.score).not.toBeNull();
  }, 180_000);

  it('show a reader scoped to a street its grids only, ranked among them', async () => {
    const mine = all.filter((m) => (m.path ?? '').includes(`/${street}/`));
    for (const q of SORTS.slice(0, 5)) {
      const answer = await served(streetUser, q);
      expect(answer).toEqual(await computed(q, mine));
      expect(answer.paging.rowCount).toBe(mine.length);
      expect(answer.rows.every((r) => mine.some((m) => m.id === r.id))).toBe(true);
    }
  });

  it('are computed again when new rows arrive in the month or the roll-up is rebuilt', async () => {
    const before = await served(leader, SORTS[0] as Q);
    await write(all.slice(-12), ['2024-02-20'], 4);
    const after = await served(leader, SORTS[0] as Q);
    expect(after).toEqual(await computed(SORTS[0] as Q, all));
    expect(after).not.toEqual(before);
    // a rebuild from the cases clears the rows written straight to the roll-up, and the scores made of them
    await createRollup(ctx.database).rebuild(tenantId);
    const rebuilt = await served(leader, SORTS[0] as Q);
    expect(rebuilt).toEqual(await computed(SORTS[0] as Q, all));
    expect(rebuilt).not.toEqual(after);
    await write(all.slice(0, 30), ['2024-02-03', '2024-01-10', '2023-02-15']);
  });

  it('are computed again when the weights change', async () => {
    const before = await served(leader, SORTS[0] as Q);
    const admin = as(ctx.app, await login(ctx.app, 'admin', 'Admin@12345'));
    const { parts: _p, updatedAt: _u, ...body } = (await admin.get('/api/kpi/settings')).json();
    const weights = {
      ...body.weights,
      region: { publicReportRate: 40, filedScore: 10, closeRate: 10, onTimeCloseRate: 40 },
    };
    expect((await admin.put('/api/kpi/settings', { ...body, weights })).statusCode).toBe(200);
    const after = await served(leader, SORTS[0] as Q);
    expect(after).toEqual(await computed(SORTS[0] as Q, all));
    expect(after.rows.map((r) => r.score)).not.toEqual(before.rows.map((r) => r.score));
  });

  it('answer a running month, never cached, as computing every grid does', async () => {
    for (const q of [
      { period: 'month', at: '2024-03', pageSize: 25 },
      { period: 'month', at: '2024-03', sort: 'closeRate', pageSize: 25 },
    ] as Q[]) {
      expect(await served(leader, q)).toEqual(await computed(q, all));
      expect(await served(streetUser, q)).toEqual(
        await computed(
          q,
          all.filter((m) => (m.path ?? '').includes(`/${street}/`)),
        ),
      );
    }
    expect(Number(await cachedRows('2024-03~2024-03'))).toBe(0);
  });
});
