import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestContext } from '../../testing/test-app.ts';

/** 开放接口 admin API: client applications, keys shown once, audited, permission apikey.manage. */
let ctx: TestContext;
let admin: ReturnType<typeof as>;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = as(ctx.app, await login(ctx.app, 'admin', 'Admin@12345'));
});
afterAll(async () => ctx.close());

describe('/api/open311/clients', () => {
  it('creates a client with its key shown once; the list shows only the prefix; only the hash is stored', async () => {
    const res = await admin.post('/api/open311/clients', {
      name: ' FixMyStreet 大冶 ',
      contact: 'ops@example.org',
      rateLimitPerMinute: 120,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const created = res.json();
    expect(created).toMatchObject({
      name: 'FixMyStreet 大冶',
      contact: 'ops@example.org',
      rateLimitPerMinute: 120,
      active: true,
    });
    expect(created.apiKey).toMatch(/^o311_[0-9a-f]{12}_[\w-]{43}$/);
    expect(created.apiKey.startsWith(`${created.keyPrefix}_`)).toBe(true);
    const list = await admin.get('/api/open311/clients?page=1&pageSize=10');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(list.body).not.toContain(created.apiKey);
    expect(list.json().items[0].apiKey).toBeUndefined();
    expect((await admin.get('/api/open311/clients?q=fixmystreet')).json().total).toBe(1);
    expect((await admin.get('/api/open311/clients?q=nothing-like-it')).json().total).toBe(0);
    const row = await ctx.database.db.selectFrom('api_clients').selectAll().executeTakeFirstOrThrow();
    // The secret part is base64url and may itself contain '_': cut it after the prefix, never split on '_'.
    expect(JSON.stringify(row)).not.toContain(created.apiKey.slice(created.keyPrefix.length + 1));
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'api_client')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['api_client.create']);
    expect(JSON.stringify(audit)).not.toContain(created.apiKey);
    expect(JSON.stringify(audit)).not.toContain(row.key_hash);
  });

  it('disables and re-enables a client (audited); the key works only while enabled', async () => {
    const created = (await admin.post('/api/open311/clients', { name: 'Toggle' })).json();
    const call = () => ctx.app.inject(`/open311/v2/servicerequestupdates.json?api_key=${created.apiKey}`);
    expect((await call()).statusCode).toBe(200);
    const off = await admin.patch(`/api/open311/clients/${created.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    expect((await call()).statusCode).toBe(403);
    await admin.patch(`/api/open311/clients/${created.id}`, { active: true, rateLimitPerMinute: 5 });
    expect((await call()).statusCode).toBe(200);
    const actions = (
      await ctx.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(['api_client.create', 'api_client.update', 'api_client.update']);
  });

  it('refuses a duplicate name (409 naming body.name), bad input (400 with fields) and unknown ids (404)', async () => {
    const dup = await admin.post('/api/open311/clients', { name: 'Toggle' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].field).toBe('body.name');
    const bad = await admin.post('/api/open311/clients', { name: '', rateLimitPerMinute: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['body.name', 'body.rateLimitPerMinute']),
    );
    expect((await admin.patch('/api/open311/clients/nope', { active: false })).statusCode).toBe(404);
    expect((await admin.patch('/api/open311/clients/nope', {})).statusCode).toBe(400);
  });

  it('is for apikey.manage only: operators get 403, anonymous 401', async () => {
    const operator = as(ctx.app, await login(ctx.app, 'operator', 'Demo@12345'));
    expect((await operator.get('/api/open311/clients')).statusCode).toBe(403);
    expect((await operator.post('/api/open311/clients', { name: 'x' })).statusCode).toBe(403);
    expect((await ctx.app.inject('/api/open311/clients')).statusCode).toBe(401);
  });

  it('a key of another tenant is refused like a wrong key (403)', async () => {
    const created = (await admin.post('/api/open311/clients', { name: 'Elsewhere' })).json();
    await ctx.database.db
      .insertInto('tenants')
      .values({
        id: 't-other',
        code: '420202',
        name: '黄石港区',
        timezone: 'Asia/Shanghai',
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
      })
      .execute();
    const res = await ctx.app.inject(
      `/open311/v2/servicerequestupdates.xml?jurisdiction_id=420202&api_key=${created.apiKey}`,
    );
    expect(res.statusCode).toBe(403);
  });

  it('the route table lists the Open311 routes: public under /open311/v2, apikey.manage under /api', async () => {
    const routes = ctx.app.routeTable.filter((r) => r.url.includes('open311'));
    expect(
      routes
        .filter((r) => r.url.startsWith('/open311/v2/') && r.url !== '/open311/v2/*')
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([
      'GET /open311/v2/discovery.:format',
      'GET /open311/v2/requests.:format',
      'GET /open311/v2/requests/:id.:format',
      'GET /open311/v2/servicerequestupdates.:format',
      'GET /open311/v2/services.:format',
      'GET /open311/v2/services/:code.:format',
      'GET /open311/v2/tokens/:token.:format',
      'POST /open311/v2/requests.:format',
      'POST /open311/v2/servicerequestupdates.:format',
    ]);
    expect(routes.every((r) => (r.url.startsWith('/api/') ? r.permission === 'apikey.manage' : r.public))).toBe(true);
  });
});
