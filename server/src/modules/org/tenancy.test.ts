import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { createTenant } from '../../testing/app-parts.ts';

/** Tenancy: two cities on one installation; nothing crosses between them. */
let ctx: TestContext;
let daye: Session;
let huangshi: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  await createTenant(
    ctx.database.db,
    ctx.clock,
    { code: '420202', name: '黄石港区' },
    { username: 'admin', password: 'Other#2024x' },
  );
  daye = await login(ctx.app, 'admin', 'Admin@12345', '420281');
  huangshi = await login(ctx.app, 'admin', 'Other#2024x', '420202');
});
afterAll(async () => ctx.close());

describe('two tenants', () => {
  it('the same username exists in both, and login needs the tenant code once there are two', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Admin@12345' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.tenantCode');
    // Daye's password does not open the other city's admin account.
    const cross = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Admin@12345', tenantCode: '420202' },
    });
    expect(cross.statusCode).toBe(401);
  });

  it("lists show only the caller's tenant", async () => {
    const other = as(ctx.app, huangshi);
    expect((await other.get('/api/org/units')).json().total).toBe(0);
    expect((await other.get('/api/org/regions')).json().total).toBe(0);
    expect((await other.get('/api/org/users')).json().items.map((u: { username: string }) => u.username)).toEqual([
      'admin',
    ]);
    expect((await other.get('/api/org/tenant')).json()).toMatchObject({ code: '420202', name: '黄石港区' });
    // Only the other city's own sign-ins are in its audit trail, nothing of Daye's.
    const audit = (await other.get('/api/audit')).json().items as { action: string; entityId: string }[];
    expect(audit.filter((a) => !a.action.startsWith('auth.'))).toEqual([]);
  });

  it('records of another tenant are 404 to read, change or reference', async () => {
    const unit = (await as(ctx.app, daye).get('/api/org/units?q=SANITATION')).json().items[0];
    const region = (await as(ctx.app, daye).get('/api/org/regions?kind=street')).json().items[0];
    const user = (await as(ctx.app, daye).get('/api/org/users?q=operator')).json().items[0];
    const other = as(ctx.app, huangshi);
    expect((await other.get(`/api/org/units/${unit.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/org/units/${unit.id}`, { name: 'hijacked' })).statusCode).toBe(404);
    expect((await other.get(`/api/org/regions/${region.id}`)).statusCode).toBe(404);
    expect((await other.delete(`/api/org/regions/${region.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/org/users/${user.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/org/users/${user.id}/password`, { password: 'Hijack#2024' })).statusCode).toBe(404);
    const ref = await other.post('/api/org/users', {
      username: 'spy',
      displayName: 'x',
      password: 'Watch#2024x',
      unitId: unit.id,
      grants: [{ role: 'unitHandler', unitId: unit.id }],
    });
    expect(ref.statusCode).toBe(400);
    expect(ref.json().error.code).toBe('ORG_UNKNOWN_UNIT');
    expect((await as(ctx.app, daye).get(`/api/org/units/${unit.id}`)).json().name).toBe('环卫所');
  });

  it('each tenant has its own audit chain', async () => {
    await as(ctx.app, huangshi).post('/api/org/units', { code: 'SANITATION', name: '环卫站', kind: 'sanitation' });
    await as(ctx.app, daye).post('/api/org/units', { code: 'NEW1', name: '新单位', kind: 'other' });
    const h = (await as(ctx.app, huangshi).get('/api/audit')).json().items as {
      action: string;
      after: { code: string };
    }[];
    expect(h.filter((a) => !a.action.startsWith('auth.')).map((a) => a.after.code)).toEqual(['SANITATION']);
    for (const s of [daye, huangshi]) {
      const tenantId = (await as(ctx.app, s).get('/api/auth/me')).json().user.tenantId;
      expect(await ctx.app.services.audit.verifyChain(tenantId)).toBeNull();
    }
  });
});
