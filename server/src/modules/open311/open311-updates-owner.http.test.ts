import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT } from '../../testing/test-db.ts';
import { BASE, FORM, drive, fmsReport, form, loopSteps, open311App } from '../../testing/open311.fixtures.ts';

/**
 * servicerequestupdates POST acts only on the requests the calling key submitted: rating and reopening belong to
 * the reporter, for whom the submitting client speaks. Another partner's key — or any key on a case from another
 * channel — gets the same 404 as a request that does not exist, and nothing changes.
 */
let ctx: Awaited<ReturnType<typeof open311App>>;
let otherKey = '';
let mine = '';
let citizenNo = '';

beforeAll(async () => {
  ctx = await open311App();
  otherKey = (await ctx.admin.post('/api/open311/clients', { name: 'Other partner', rateLimitPerMinute: 1000 })).json()
    .apiKey;
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${BASE}/requests.json`,
    payload: form(fmsReport(ctx.key)),
    headers: FORM,
  });
  mine = res.json()[0].service_request_id;
  const tenantId = (await ctx.app.services.org.publicTenant())!.id;
  citizenNo = (
    await ctx.app.services.cases.intake(
      tenantId,
      { channel: 'public', matterCode: '09006', description: '随手拍', lng: 114.975, lat: 30.1, source: '市民随手拍' },
      { scope: 't', key: null },
    )
  ).caseNo;
  const steps = (await loopSteps(ctx, '已清理')).toClosed;
  await drive(ctx, mine, steps);
  await drive(ctx, citizenNo, steps);
}, 90_000);
afterAll(async () => ctx.close());

const post = (key: string, caseNo: string, updateId: string, status: string, extra: [string, string][] = []) =>
  ctx.app.inject({
    method: 'POST',
    url: `${BASE}/servicerequestupdates.json`,
    headers: FORM,
    payload: form([
      ['api_key', key],
      ['service_request_id', caseNo],
      ['update_id', updateId],
      ['status', status],
      ['updated_datetime', '2024-03-12T11:00:00+08:00'],
      ['description', '市民反馈：问题仍在'],
      ...extra,
    ]),
  });
const caseOf = (no: string) =>
  ctx.database.db
    .selectFrom('cases')
    .select(['status', 'satisfaction', 'reopen_count'])
    .where('case_no', '=', no)
    .executeTakeFirstOrThrow();
const updates = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('open311_updates')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`servicerequestupdates: only the submitting key (${TEST_DIALECT})`, () => {
  it('another key can neither rate, reopen nor annotate the request: the same 404 as a missing one', async () => {
    const missing = await post(otherKey, '420281-20240312-99999', 'x-0', 'OPEN');
    expect(missing.statusCode).toBe(404);
    const before = { ...(await caseOf(mine)) };
    const n = await updates();
    for (const [i, [status, extra]] of (
      [
        ['REOPEN', []],
        ['CLOSED', [['attribute[satisfaction]', 'unsatisfied']]],
        ['OPEN', []],
      ] as const
    ).entries()) {
      const res = await post(otherKey, mine, `other-${i}`, status, extra as unknown as [string, string][]);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body.replace(mine, '420281-20240312-99999')).toBe(missing.body);
    }
    expect(await caseOf(mine)).toEqual(before);
    expect(await updates()).toBe(n);
  });

  it('no key reaches a case it did not submit (a citizen report), not even the owner of other requests', async () => {
    for (const key of [ctx.key, otherKey]) {
      expect((await post(key, citizenNo, `c-${key.slice(5, 9)}`, 'REOPEN')).statusCode).toBe(404);
    }
    expect((await caseOf(citizenNo)).status).toBe('closed');
  });

  it('the submitting key rates and reopens its own request', async () => {
    const rated = await post(ctx.key, mine, 'mine-rate', 'CLOSED', [['attribute[satisfaction]', 'satisfied']]);
    expect(rated.statusCode, rated.body).toBe(200);
    const reopened = await post(ctx.key, mine, 'mine-reopen', 'REOPEN');
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(await caseOf(mine)).toMatchObject({ status: 'pending_dispatch', satisfaction: 'satisfied' });
  });
});
