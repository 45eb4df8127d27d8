import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp, type TestContext } from '../../testing/test-app.ts';
import { TEST_DIALECT } from '../../testing/test-db.ts';
import { buildApp, createTenant } from '../../testing/app-parts.ts';

/**
 * Public entry points (citizen H5, Open311) serve "the" city when a request names none. Once a second city is added
 * while the server runs, an unnamed request must be refused with a 4xx asking for the city — or served by the
 * configured PUBLIC_TENANT — and never answered as the first city it happened to serve before.
 */
let ctx: TestContext;
let configured: TestApp;
const report = { matterCode: '09006', description: '公共入口 城市测试 占道经营', lng: 114.975, lat: 30.1 };

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await configured?.close();
  await ctx.close();
});

const get = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe(`public routes when a second city is added at runtime (${TEST_DIALECT})`, () => {
  let token = '';

  it('with one city, unnamed requests are that city', async () => {
    const info = (await get(ctx.app, '/api/public/info')).json();
    expect(info.city).toMatchObject({ code: '420281' });
    // the citizen's pages show dates in the city's zone, whatever zone the phone is in
    expect(info.timezone).toBe('Asia/Shanghai');
    expect((await get(ctx.app, '/open311/v2/services.json')).statusCode).toBe(200);
    const filed = await ctx.app.inject({ method: 'POST', url: '/api/public/reports', payload: report });
    expect(filed.statusCode, filed.body).toBe(201);
    token = filed.json().token;
  });

  it('after a second city appears, an unnamed request is a 400 asking for the city, and nothing is filed', async () => {
    await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '420202', name: '黄石港区', timezone: 'Asia/Urumqi' },
      { username: 'admin', password: 'Other#2024x' },
    );

    const info = await get(ctx.app, '/api/public/info');
    expect(info.statusCode, info.body).toBe(400);
    expect(info.json().error).toMatchObject({
      code: 'TENANT_REQUIRED',
      details: [expect.objectContaining({ field: 'headers.x-city' })],
    });
    expect((await get(ctx.app, '/api/public/matters?q=垃圾')).statusCode).toBe(400);
    expect((await get(ctx.app, `/api/public/track/${token}`)).statusCode).toBe(400);
    const cases = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await cases();
    const filed = await ctx.app.inject({ method: 'POST', url: '/api/public/reports', payload: report });
    expect(filed.statusCode).toBe(400);
    expect(await cases()).toBe(before);
    // Open311 without jurisdiction_id: 400 in its own format; sign-in without a tenant code: 400 on the field.
    expect((await get(ctx.app, '/open311/v2/services.json')).statusCode).toBe(400);
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Admin@12345' },
    });
    expect(signIn.json().error.details[0].field).toBe('body.tenantCode');
  });

  it('a city may be named by its aliases; an alias two cities share names neither', async () => {
    expect((await get(ctx.app, '/open311/v2/services.json?jurisdiction_id=huangshigang')).statusCode).toBe(200);
    const other = (await get(ctx.app, '/api/public/info', { 'x-city': 'HuangShiGang' })).json();
    expect(other.city).toMatchObject({ code: '420202' });
    expect(other.timezone).toBe('Asia/Urumqi');
    expect((await get(ctx.app, '/api/public/info', { 'x-city': 'daye' })).json().city).toMatchObject({
      code: '420281',
    });
    await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '429999', name: '大冶县' },
      { username: 'admin', password: 'Other#2024x' },
    );
    expect((await get(ctx.app, '/open311/v2/services.json?jurisdiction_id=daye')).statusCode).toBe(404);
    expect((await get(ctx.app, '/open311/v2/services.json?jurisdiction_id=dayeshi')).statusCode).toBe(200);
  });

  it("naming the city serves that city only: the first city's case is not found under the second", async () => {
    expect((await get(ctx.app, '/api/public/info', { 'x-city': '420202' })).json().city).toMatchObject({
      code: '420202',
      name: '黄石港区',
    });
    expect((await get(ctx.app, '/api/public/info', { 'x-city': '420281' })).json().city).toMatchObject({
      code: '420281',
    });
    expect((await get(ctx.app, `/api/public/track/${token}`, { 'x-city': '420281' })).statusCode).toBe(200);
    expect((await get(ctx.app, `/api/public/track/${token}`, { 'x-city': '420202' })).statusCode).toBe(404);
    expect((await get(ctx.app, '/open311/v2/services.json?jurisdiction_id=420202')).statusCode).toBe(200);
  });

  it('with PUBLIC_TENANT configured, unnamed requests are that city, never the other one', async () => {
    configured = await buildApp({
      config: { ...ctx.config, publicTenant: '420202' },
      database: ctx.database,
      clock: ctx.clock,
      logger: false,
    });
    await configured.ready();
    expect((await get(configured, '/api/public/info')).json().city).toMatchObject({ code: '420202' });
    expect((await get(configured, `/api/public/track/${token}`)).statusCode).toBe(404);
  });
});
