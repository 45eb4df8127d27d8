import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { addDailyRows, createRollup } from './index.ts';

/**
 * The monthly roll-up beside the daily one: written by the same writer, equal to the daily rows summed per month,
 * and a period read from months plus edge days equals the sum of its days. The rows are written straight through
 * the writer (as the 10-million-case bench does), over days chosen to cross month and year ends.
 */
let ctx: TestContext;
let leader: Session;
let tenantId = '';
const streets: string[] = [];
const DAYS = ['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-17', '2024-01-31', '2024-02-01', '2024-02-29'];
const DAYS2 = ['2024-03-01', '2024-03-05', '2024-03-10', '2024-03-31', '2024-04-02'];

beforeAll(async () => {
  ctx = await createTestApp();
  leader = await login(ctx.app, 'leader', 'Demo@12345');
  const { db } = ctx.database;
  tenantId = (await db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow()).id;
  const regions = (await as(ctx.app, leader).get('/api/kpi?period=month&at=2024-03&subject=street')).json().rows;
  streets.push(...regions.slice(0, 2).map((r: { id: string }) => r.id));
  // Two batches, the second adding to rows the first created: the upsert adds, never replaces.
  const rows = (days: string[], k: number) =>
    days.flatMap((day, i) =>
      streets.map((id, j) => ({
        dim: 'street',
        dimId: id,
        day,
        counts: { reported: 1 + i + j * k, filed: i + k, closed: i, handlingHours: 1.25 * (i + 1) },
      })),
    );
  await db.transaction().execute((tx) => addDailyRows(tx, tenantId, rows([...DAYS, ...DAYS2], 3)));
  await db.transaction().execute((tx) => addDailyRows(tx, tenantId, rows(DAYS2, 5)));
});
afterAll(async () => {
  await ctx?.close();
});

const monthlyOfDaily = async () => {
  const cols = ['reported', 'filed', 'closed', 'handling_hours'];
  const daily = await sql<Record<string, unknown>>`select dim, dim_id, substr(day, 1, 7) as month,
      ${sql.raw(cols.map((c) => `sum(${c}) as ${c}`).join(', '))}
    from kpi_daily where tenant_id = ${tenantId} group by dim, dim_id, substr(day, 1, 7) order by 1, 2, 3`.execute(
    ctx.database.db,
  );
  const monthly = await sql<Record<string, unknown>>`select dim, dim_id, month, ${sql.raw(cols.join(', '))}
    from kpi_monthly where tenant_id = ${tenantId} order by 1, 2, 3`.execute(ctx.database.db);
  const norm = (rows: Record<string, unknown>[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          typeof v === 'string' && k !== 'dim' && k !== 'dim_id' && k !== 'month' ? Number(v) : v,
        ]),
      ),
    );
  return { daily: norm(daily.rows), monthly: norm(monthly.rows) };
};

describe('the monthly KPI roll-up', () => {
  it('holds the daily rows summed per month, after batches that add to the same rows', async () => {
    const { daily, monthly } = await monthlyOfDaily();
    expect(monthly.length).toBeGreaterThan(streets.length * 4);
    expect(monthly).toEqual(daily);
  });

  it('answers a period crossing month ends with the sum of its days', async () => {
    const from = '2023-12-31';
    const to = '2024-03-05';
    const res = await as(ctx.app, leader).get(`/api/kpi?period=custom&from=${from}&to=${to}&subject=street`);
    expect(res.statusCode, res.body).toBe(200);
    const byId = new Map(res.json().rows.map((r: { id: string; counts: Record<string, number> }) => [r.id, r.counts]));
    for (const id of streets) {
      const days = await ctx.database.db
        .selectFrom('kpi_daily')
        .select(['reported', 'filed', 'closed'])
        .where('tenant_id', '=', tenantId)
        .where('dim', '=', 'street')
        .where('dim_id', '=', id)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
      const sum = (k: 'reported' | 'filed' | 'closed') => days.reduce((a, d) => a + Number(d[k]), 0);
      // the edge days (12-31, 03-01 and 03-05) and two whole months (January, February) all count
      expect(days.length).toBe(8);
      const counts = byId.get(id) as Record<string, number>;
      expect({ reported: counts.reported, filed: counts.filed, closed: counts.closed }).toEqual({
        reported: sum('reported'),
        filed: sum('filed'),
        closed: sum('closed'),
      });
    }
  });

  it('is cleared and rebuilt with the daily rows', async () => {
    await createRollup(ctx.database).rebuild(tenantId);
    const { daily, monthly } = await monthlyOfDaily();
    expect(monthly).toEqual(daily);
    const left = await ctx.database.db
      .selectFrom('kpi_monthly')
      .select('month')
      .where('tenant_id', '=', tenantId)
      .where('month', '=', '2023-12')
      .execute();
    expect(left).toEqual([]);
  });
});
