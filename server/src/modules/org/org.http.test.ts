import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

const api = () => as(ctx.app, admin);

describe('units', () => {
  it('creates a unit, refuses its code twice, and lists it by search', async () => {
    const created = await api().post('/api/org/units', {
      code: 'LAMP',
      name: '路灯管理所',
      kind: 'municipal',
      phone: '0714-8720000',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'LAMP', name: '路灯管理所', active: true, synthetic: false });
    const twice = await api().post('/api/org/units', { code: 'LAMP', name: '另一个', kind: 'other' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'ORG_DUPLICATE_CODE', details: [{ field: 'body.code' }] });
    const found = await api().get(`/api/org/units?q=${encodeURIComponent('路灯')}`);
    expect(found.json().items.map((u: { code: string }) => u.code)).toEqual(['LAMP']);
  });

  it('lists each invalid field', async () => {
    const res = await api().post('/api/org/units', { code: '!', name: '', kind: 'castle' });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.code', 'body.kind', 'body.name']);
  });

  it('pages and sorts', async () => {
    const p1 = (await api().get('/api/org/units?pageSize=5&page=1&sort=code&order=desc')).json();
    const p2 = (await api().get('/api/org/units?pageSize=5&page=2&sort=code&order=desc')).json();
    expect(p1.items).toHaveLength(5);
    expect(p1.total).toBeGreaterThanOrEqual(20);
    const codes = [...p1.items, ...p2.items].map((u: { code: string }) => u.code);
    expect(codes).toEqual([...codes].sort().reverse());
    expect(new Set(codes).size).toBe(10);
    const bad = await api().get('/api/org/units?sort=password_hash');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('query.sort');
  });

  it('refuses a parent loop and an unknown parent', async () => {
    const list = (await api().get('/api/org/units?q=ENFORCE')).json().items;
    const squads = (await api().get(`/api/org/units?q=${encodeURIComponent('执法一中队')}`)).json().items;
    const loop = await api().patch(`/api/org/units/${list[0].id}`, { parentId: squads[0].id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error).toMatchObject({ code: 'ORG_INVALID_PARENT', details: [{ field: 'body.parentId' }] });
    const unknown = await api().post('/api/org/units', {
      code: 'ORPHAN',
      name: 'x',
      kind: 'other',
      parentId: 'no-such-unit',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('ORG_UNKNOWN_UNIT');
  });
});

describe('regions', () => {
  it('builds codes from the parent and enforces the street → community hierarchy', async () => {
    const streets = (await api().get('/api/org/regions?kind=street')).json();
    expect(streets.items.map((r: { name: string }) => r.name)).toEqual([
      '东岳路街道',
      '东风路街道',
      '金湖街道',
      '罗家桥街道',
    ]);
    const street = streets.items[0];
    const community = await api().post('/api/org/regions', {
      code: '009',
      name: '测试社区',
      kind: 'community',
      parentId: street.id,
    });
    expect(community.statusCode).toBe(201);
    expect(community.json().fullCode).toBe(`${street.fullCode}009`);
    expect(community.json().fullCode).toHaveLength(12);
    const orphan = await api().post('/api/org/regions', { code: '010', name: '无主社区', kind: 'community' });
    expect(orphan.json().error.code).toBe('ORG_INVALID_PARENT');
    const dup = await api().post('/api/org/regions', {
      code: '009',
      name: '重复',
      kind: 'community',
      parentId: street.id,
    });
    expect(dup.statusCode).toBe(409);
    // A street with communities cannot be deleted; an empty community can.
    expect((await api().delete(`/api/org/regions/${street.id}`)).statusCode).toBe(409);
    expect((await api().delete(`/api/org/regions/${community.json().id}`)).statusCode).toBe(200);
    expect((await api().get(`/api/org/regions/${community.json().id}`)).statusCode).toBe(404);
  });
});

describe('users', () => {
  let sanitationId: string;
  beforeAll(async () => {
    sanitationId = (await api().get(`/api/org/units?q=SANITATION`)).json().items[0].id;
  });

  it('creates a user who can then sign in with only their grants', async () => {
    const res = await api().post('/api/org/users', {
      username: 'wang.handler',
      displayName: '王师傅',
      password: 'Start#2024x',
      phone: '13912345678',
      unitId: sanitationId,
      grants: [{ role: 'unitHandler', unitId: sanitationId }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'wang.handler',
      phone: '13912345678',
      grants: [{ role: 'unitHandler', unitName: '环卫所' }],
    });
    const s = await login(ctx.app, 'wang.handler', 'Start#2024x');
    const me = (await as(ctx.app, s).get('/api/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(true);
    expect(me.permissions).toEqual([
      'org.read',
      'case.read',
      'case.handle',
      'supervision.read',
      'supervision.reply',
      'assets.read',
      'assets.work',
      'targets.read',
      'targets.report',
      'campaign.read',
      'campaign.report',
    ]);
  });

  it('masks phones in the list and shows them in the detail', async () => {
    const list = (await api().get('/api/org/users?q=wang.handler')).json();
    expect(list.items[0].phone).toBe('139****5678');
    expect(JSON.stringify(list)).not.toContain('13912345678');
    const detail = (await api().get(`/api/org/users/${list.items[0].id}`)).json();
    expect(detail.phone).toBe('13912345678');
    expect(JSON.stringify(detail)).not.toMatch(/password|hash/i);
  });

  it('refuses a duplicate username (409) and a unit role without a unit (400 on the grant field)', async () => {
    const dup = await api().post('/api/org/users', {
      username: 'operator',
      displayName: 'x',
      password: 'Start#2024x',
      grants: [{ role: 'operator' }],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('ORG_DUPLICATE_USERNAME');
    const noUnit = await api().post('/api/org/users', {
      username: 'nounit',
      displayName: 'x',
      password: 'Start#2024x',
      grants: [{ role: 'inspector' }, { role: 'unitManager' }],
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error).toMatchObject({
      code: 'ORG_GRANT_NEEDS_UNIT',
      details: [{ field: 'body.grants.1.unitId' }],
    });
    const badRole = await api().post('/api/org/users', {
      username: 'badrole',
      displayName: 'x',
      password: 'Start#2024x',
      grants: [{ role: 'king' }],
    });
    expect(badRole.statusCode).toBe(400);
    // nothing half-written
    expect((await api().get('/api/org/users?q=nounit')).json().total).toBe(0);
  });

  it('filters by role and unit, and an admin cannot lock themself out', async () => {
    const handlers = (await api().get('/api/org/users?role=unitHandler')).json();
    expect(
      handlers.items.every((u: { grants: { role: string }[] }) => u.grants.some((g) => g.role === 'unitHandler')),
    ).toBe(true);
    const me = (await api().get('/api/auth/me')).json();
    const res = await api().patch(`/api/org/users/${me.user.id}`, { active: false });
    expect(res.json().error.code).toBe('ORG_SELF_LOCKOUT');
  });

  it("a unit manager sees only their unit's people; others are the same 404 as missing", async () => {
    const mgr = await login(ctx.app, 'unitmanager', 'Demo@12345');
    const list = (await as(ctx.app, mgr).get('/api/org/users?pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((u: { unitId: string }) => u.unitId === sanitationId)).toBe(true);
    const operatorId = (await api().get('/api/org/users?q=operator')).json().items[0].id;
    const other = await as(ctx.app, mgr).get(`/api/org/users/${operatorId}`);
    const missing = await as(ctx.app, mgr).get('/api/org/users/does-not-exist');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe(missing.json().error.code);
  });

  it('disabling a user ends their sessions; reset and unlock are audited', async () => {
    const s = await login(ctx.app, 'dispatcher', 'Demo@12345');
    const id = (await api().get('/api/org/users?q=dispatcher')).json().items[0].id;
    expect((await api().patch(`/api/org/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await as(ctx.app, s).get('/api/auth/me')).statusCode).toBe(401);
    await expect(login(ctx.app, 'dispatcher', 'Demo@12345')).rejects.toThrow(/401/);
    await api().patch(`/api/org/users/${id}`, { active: true });
    expect((await api().post(`/api/org/users/${id}/password`, { password: 'Reset#2024x' })).statusCode).toBe(200);
    await login(ctx.app, 'dispatcher', 'Reset#2024x');
    const audit = (await api().get(`/api/audit?entity=user&entityId=${id}`)).json();
    // The user's own sign-ins are audited on the same entity; the administrative changes are the user.* rows.
    const changes = audit.items.filter((a: { action: string }) => a.action.startsWith('user.'));
    expect(changes.map((a: { action: string }) => a.action)).toEqual([
      'user.password_reset',
      'user.update',
      'user.update',
    ]);
    expect(changes[2].before.active).toBe(1);
    expect(changes[2].after.active).toBe(0);
    expect(JSON.stringify(audit)).not.toContain('$argon2');
  });
});

describe('audit', () => {
  it('records who changed what, and the hash chain holds', async () => {
    const res = (await api().get('/api/audit?entity=unit')).json();
    expect(res.items[0]).toMatchObject({ action: 'unit.create', actorName: '系统管理员' });
    expect(res.items[0].after.code).toBe('LAMP');
    const tenantId = (await api().get('/api/auth/me')).json().user.tenantId;
    expect(await ctx.app.services.audit.verifyChain(tenantId)).toBeNull();
  });

  it('finds the first broken link after a row is edited directly in the database', async () => {
    const tenantId = (await api().get('/api/auth/me')).json().user.tenantId;
    await ctx.database.db
      .updateTable('audit_log')
      .set({ actor_id: 'someone-else' })
      .where('tenant_id', '=', tenantId)
      .where('seq', '=', 2)
      .execute();
    expect(await ctx.app.services.audit.verifyChain(tenantId)).toBe(2);
  });
});

describe('region in use', () => {
  it('a community with grids and components cannot be deleted (409, not a crash)', async () => {
    const communities = (await api().get('/api/org/regions?kind=community&pageSize=1')).json().items;
    expect(communities.length).toBe(1);
    const res = await api().delete(`/api/org/regions/${communities[0].id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORG_REGION_IN_USE');
  });
});
