import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildLogRollup } from '../../db/migrations/0091_asset_log_rollup.ts';
import { importOutcome } from '../../testing/imports.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import * as stats from './asset-statistics.repository.ts';

/**
 * The daily logs' monthly roll-up (docs/assets.md, "At scale") on the seeded demo city: after seeding, form entries,
 * a corrected entry, a weighbridge file, deletes and a rebuild from the logs, the report's sums and distinct asset
 * counts read through the roll-up equal the same figures summed from the logs row by row, for whole-month periods
 * and for periods that begin or end inside a month.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
let tenantId = '';
const ids: Record<string, string> = {};

const PERIODS: [string, string][] = [
  ['2023-01-01', '2023-12-31'],
  ['2024-01-01', '2024-12-31'],
  ['2022-01-01', '2024-12-31'],
  ['2023-12-15', '2024-02-10'],
  ['2024-01-01', '2024-03-31'],
  ['2024-02-01', '2024-02-29'],
  ['2023-12-31', '2023-12-31'],
  ['2023-11-05', '2023-11-20'],
  ['2024-01-31', '2024-03-01'],
];

function upload(session: Session, url: string, body: string) {
  const boundary = '----cityloopassets';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="w.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(body),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    },
  });
}

const norm = (rows: { type_id: string; unit: string; milli: unknown; assets: unknown }[]) =>
  rows
    .map((r) => ({ type: r.type_id, unit: r.unit, milli: Number(r.milli), assets: Number(r.assets) }))
    .sort((a, b) => `${a.type}|${a.unit}`.localeCompare(`${b.type}|${b.unit}`));

/** Every period read through the roll-up equals the logs summed row by row; returns the whole range's figures. */
async function expectRollupMatchesLogs() {
  const db = ctx.database.db;
  for (const [from, to] of PERIODS)
    expect(norm(await stats.logSums(db, tenantId, from, to)), `${from}..${to}`).toEqual(
      norm(await stats.logSumsFromLogs(db, tenantId, from, to)),
    );
  const empty = await sql<{ n: number }>`select count(*) as n from asset_log_monthly where log_rows <= 0`.execute(db);
  expect(Number(empty.rows[0]?.n)).toBe(0);
  const marks = await sql<{ n: number }>`select count(*) as n from asset_log_asset_months where log_rows <= 0`.execute(
    db,
  );
  expect(Number(marks.rows[0]?.n)).toBe(0);
  return norm(await stats.logSums(db, tenantId, '2022-01-01', '2024-12-31'));
}

const snapshot = async () => {
  const db = ctx.database.db;
  const monthly = await db
    .selectFrom('asset_log_monthly')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('month')
    .orderBy('type_id')
    .orderBy('unit')
    .execute();
  const marks = await db
    .selectFrom('asset_log_asset_months')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('month')
    .orderBy('type_id')
    .orderBy('unit')
    .orderBy('asset_id')
    .execute();
  const n = <T extends { log_rows: unknown }>(rows: T[]) =>
    rows.map((r) => ({ ...r, log_rows: Number(r.log_rows), ...('milli' in r ? { milli: Number(r.milli) } : {}) }));
  return { monthly: n(monthly), marks: n(marks) };
};

const record = async (code: string, logDate: string, quantity: number) => {
  const res = await api('admin').post('/api/assets/logs', { assetId: ids[code], logDate, quantity });
  expect(res.statusCode, res.body).toBe(201);
};

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  sessions.handler = await login(ctx.app, 'handler', 'Demo@12345');
  const rows = await ctx.database.db
    .selectFrom('assets')
    .select(['id', 'code', 'tenant_id'])
    .where('code', 'in', ['DY-ZZ-01', 'DY-ZZ-02', 'DY-BZ-01', 'DY-BZ-02'])
    .execute();
  for (const r of rows) ids[r.code] = r.id;
  tenantId = rows[0]!.tenant_id;
}, 120_000);
afterAll(async () => ctx.close());

describe('the daily logs roll-up', () => {
  it('holds the seeded logs', async () => {
    const all = await expectRollupMatchesLogs();
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((r) => r.assets >= 2)).toBe(true);
  });

  it('follows form entries and a corrected entry, across month ends', async () => {
    await record('DY-BZ-01', '2023-12-31', 5);
    await record('DY-BZ-01', '2024-01-01', 6.5);
    await record('DY-BZ-01', '2024-02-29', 3);
    await record('DY-BZ-02', '2024-02-01', 2);
    await record('DY-BZ-01', '2024-03-11', 4.25);
    const before = await expectRollupMatchesLogs();
    // the same day again replaces its figure: the sum moves by the difference, the assets stay counted once
    await record('DY-BZ-01', '2024-01-01', 9);
    const after = await expectRollupMatchesLogs();
    const hours = (rows: typeof before) => rows.find((r) => r.unit === 'h')!;
    expect(hours(after).milli - hours(before).milli).toBe(2500);
    expect(hours(after).assets).toBe(hours(before).assets);
  });

  it('follows a weighbridge file that replaces days and adds new ones', async () => {
    const file = [
      'station,date,tonnes',
      'DY-ZZ-01,2023-12-31,12.5',
      'DY-ZZ-01,2023-12-31,10',
      'DY-ZZ-02,2024-01-31,4',
      'DY-ZZ-02,2024-02-01,7.75',
    ].join('\n');
    const ok = await importOutcome(
      ctx.app,
      sessions.handler!,
      await upload(sessions.handler!, '/api/assets/logs/import', file),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ written: 3, tonnes: 34.25 });
    await expectRollupMatchesLogs();
  });

  it('follows deletes: an asset whose only log of a month goes is no longer counted in it', async () => {
    const db = ctx.database.db;
    const feb = async () =>
      norm(await stats.logSums(db, tenantId, '2024-02-01', '2024-02-29')).find((r) => r.unit === 'h')!;
    expect((await feb()).assets).toBe(2);
    await db
      .deleteFrom('asset_daily_logs')
      .where('asset_id', '=', ids['DY-BZ-01']!)
      .where('log_date', '=', '2024-02-29')
      .execute();
    expect((await feb()).assets).toBe(1);
    expect((await feb()).milli).toBe(2000);
    await db.deleteFrom('asset_daily_logs').where('asset_id', '=', ids['DY-BZ-02']!).execute();
    expect(
      norm(await stats.logSums(db, tenantId, '2024-02-01', '2024-02-29')).find((r) => r.unit === 'h'),
    ).toBeUndefined();
    await db
      .deleteFrom('asset_daily_logs')
      .where('log_date', '>=', '2023-12-01')
      .where('log_date', '<', '2023-12-20')
      .execute();
    await expectRollupMatchesLogs();
  });

  it('is rebuilt from the logs to the same rows the writes kept', async () => {
    const kept = await snapshot();
    expect(kept.monthly.length).toBeGreaterThan(0);
    await ctx.database.db.updateTable('asset_log_monthly').set({ milli: 1 }).execute();
    await ctx.database.db.deleteFrom('asset_log_asset_months').where('asset_id', '=', ids['DY-ZZ-01']!).execute();
    await rebuildLogRollup(ctx.database.db);
    expect(await snapshot()).toEqual(kept);
    await expectRollupMatchesLogs();
  });
});
