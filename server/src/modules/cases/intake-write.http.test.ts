import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, FORM, fmsReport, form, open311App } from '../../testing/open311.fixtures.ts';
import { as, login, type Session } from '../../testing/test-app.ts';
import { backfillPublicCases, refreshPublicCases } from './case-public-rows.ts';

/**
 * What an intake no longer reads (docs/decisions/0010-intake-cost.md, "Second round"): the active matter is reused
 * for a few seconds and forgotten by every catalog write; the photo rules shown on the answer come through the
 * settings cache; the public row of a new case is built from what was written. Each must be what a fresh read
 * gives, on the next request after a change.
 */
let ctx: Awaited<ReturnType<typeof open311App>>;
let admin: Session;
let inspector: Session;

beforeAll(async () => {
  ctx = await open311App();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  inspector = await login(ctx.app, 'inspector', 'Demo@12345');
});
afterAll(async () => ctx.close());

const report = (matterCode = '09006', extra: Record<string, unknown> = {}) =>
  as(ctx.app, inspector).post('/api/cases', {
    matterCode,
    description: '店外经营，占用人行道',
    lng: 114.975,
    lat: 30.1,
    ...extra,
  });

async function publicRowRebuilt(caseId: string) {
  const { db } = ctx.database;
  const read = () => db.selectFrom('public_cases').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  const written = await read();
  const c = await db.selectFrom('cases').select('tenant_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  await db.transaction().execute((tx) => refreshPublicCases(tx, c.tenant_id, [caseId]));
  return { written, rebuilt: await read() };
}

describe('the active matter', () => {
  it('deactivated, refuses the next intake; active again, accepts the next one', async () => {
    expect((await report('09021')).statusCode).toBe(201);
    const off = await as(ctx.app, admin).patch('/api/catalog/entries/09021', { active: false });
    expect(off.statusCode, off.body).toBe(200);
    const refused = await report('09021');
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.body).toMatch(/matter/i);
    const on = await as(ctx.app, admin).patch('/api/catalog/entries/09021', { active: true });
    expect(on.statusCode, on.body).toBe(200);
    expect((await report('09021')).statusCode).toBe(201);
  });

  it('deactivated, refuses the next Open311 request too', async () => {
    const post = () =>
      ctx.app.inject({
        method: 'POST',
        url: `${BASE}/requests.json`,
        payload: form(fmsReport(ctx.key).map(([k, v]) => [k, k === 'service_code' ? '09021' : v])),
        headers: FORM,
      });
    expect((await post()).statusCode).toBe(200);
    expect((await as(ctx.app, admin).patch('/api/catalog/entries/09021', { active: false })).statusCode).toBe(200);
    expect((await post()).statusCode).toBe(404);
    expect((await as(ctx.app, admin).patch('/api/catalog/entries/09021', { active: true })).statusCode).toBe(200);
    expect((await post()).statusCode).toBe(200);
  });
});

describe('the photo rules on the answer', () => {
  it('follow a change of the rules on the next intake', async () => {
    const first = await report();
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().photosRequiredFor).toEqual(['report_back', 'check_pass']);
    const classes = (await as(ctx.app, admin).get('/api/cases/settings/after-photos')).json().classes;
    const waived = classes.map((c: { majorCode: string }) =>
      c.majorCode === '09' ? { ...c, reportBack: false, checkPass: false } : c,
    );
    const put = await as(ctx.app, admin).put('/api/cases/settings/after-photos', { classes: waived });
    expect(put.statusCode, put.body).toBe(200);
    const second = await report();
    expect(second.json().photosRequiredFor).toEqual([]);
    expect((await as(ctx.app, inspector).get(`/api/cases/${second.json().id}`)).json()).toEqual(second.json());
    expect((await as(ctx.app, admin).put('/api/cases/settings/after-photos', { classes })).statusCode).toBe(200);
  });
});

describe('the public row of a new case', () => {
  it('is the row a rebuild from the database gives: staff intake', async () => {
    const created = await report();
    expect(created.statusCode, created.body).toBe(201);
    const { written, rebuilt } = await publicRowRebuilt(created.json().id);
    expect(written).toBeTruthy();
    expect(written).toEqual(rebuilt);
  });

  it('is the row a rebuild from the database gives: a self-handled case', async () => {
    const closed = await report('09006', { selfHandled: true });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json().status).toBe('closed');
    const { written, rebuilt } = await publicRowRebuilt(closed.json().id);
    expect(written).toEqual(rebuilt);
  });

  it('is the row a rebuild from the database gives: Open311 create', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      payload: form(fmsReport(ctx.key)),
      headers: FORM,
    });
    expect(res.statusCode, res.body).toBe(200);
    const no = res.json()[0].service_request_id as string;
    const c = await ctx.database.db
      .selectFrom('cases')
      .select('id')
      .where('case_no', '=', no)
      .executeTakeFirstOrThrow();
    const { written, rebuilt } = await publicRowRebuilt(c.id);
    expect(written).toBeTruthy();
    expect(written).toEqual(rebuilt);
  });
});

describe('the public rows backfill', () => {
  it('writes back exactly the rows that are missing, in chunks smaller than the gap, and leaves the rest alone', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await report();
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id as string);
    }
    const { db } = ctx.database;
    const rows = () =>
      db.selectFrom('public_cases').selectAll().where('case_id', 'in', ids).orderBy('case_id').execute();
    const before = await rows();
    expect(before).toHaveLength(5);
    await db.deleteFrom('public_cases').where('case_id', 'in', [ids[0]!, ids[2]!, ids[4]!]).execute();
    // a chunk of 1 walks past every case once: the rows written are the three removed, each once
    expect(await backfillPublicCases(db, 1)).toBe(3);
    expect(await rows()).toEqual(before);
    expect(await backfillPublicCases(db, 1)).toBe(0);
  });
});
