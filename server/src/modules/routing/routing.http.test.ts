import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { must, regionIdsByName, tenantIdOf, unitIds } from '../../testing/routing.fixtures.ts';
import { createTenant } from '../../testing/app-parts.ts';

/** A few HTTP tests per route: contract, permission, validation naming fields, audit, tenancy. */
let ctx: TestContext;
let admin: Session;
let operator: Session;
let tenantId: string;
let units: Map<string, string>;
let regions: Map<string, string>;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  operator = await login(ctx.app, 'operator', 'Demo@12345');
  tenantId = await tenantIdOf(ctx.database.db, '420281');
  units = await unitIds(ctx.database.db, tenantId);
  regions = await regionIdsByName(ctx.database.db, tenantId);
  // Start from an empty 处置责任分解表 (the demo seed writes one; demo-routing.test.ts covers it).
  await ctx.database.db.deleteFrom('routing_rules').where('tenant_id', '=', tenantId).execute();
});
afterAll(async () => ctx.close());

const api = () => as(ctx.app, admin);
const u = (code: string) => must(units, code);
const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field).sort();

describe('routing rules CRUD', () => {
  let fallbackId: string;
  let squadRule: string;

  it('creates rules with names joined in the answer, and audits each write', async () => {
    const fallback = await api().post('/api/routing/rules', { unitId: u('ENFORCE'), note: '兜底' });
    expect(fallback.statusCode).toBe(201);
    fallbackId = fallback.json().id;
    expect(fallback.json()).toMatchObject({
      matterCode: null,
      majorCode: null,
      regionId: null,
      unitName: '城管执法大队',
      level: 'fallback',
      active: true,
      priority: 0,
    });

    const squad = await api().post('/api/routing/rules', {
      matterCode: '09006',
      regionId: must(regions, '金湖街道'),
      unitId: u('SQUAD3'),
      priority: 5,
    });
    expect(squad.statusCode).toBe(201);
    squadRule = squad.json().id;
    expect(squad.json()).toMatchObject({
      matterName: '占道经营',
      regionName: '金湖街道',
      regionKind: 'street',
      unitName: '执法三中队',
      level: 'matter_street',
      priority: 5,
    });

    const major = await api().post('/api/routing/rules', {
      majorCode: '09',
      regionId: must(regions, '码头社区'),
      unitId: u('ST-JINHU'),
    });
    expect(major.json()).toMatchObject({
      majorCode: '09',
      majorName: '街面秩序类',
      regionName: '码头社区',
      level: 'major_community',
    });

    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'routing_rule')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['routing_rule.create', 'routing_rule.create', 'routing_rule.create']);
  });

  it('lists with filters and search, names joined, fallback first', async () => {
    const all = (await api().get('/api/routing/rules')).json();
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({ id: fallbackId, unitName: '城管执法大队' });
    expect(all.items.map((r: { level: string }) => r.level)).toEqual(['fallback', 'major_community', 'matter_street']);
    expect(
      (await api().get(`/api/routing/rules?unitId=${u('SQUAD3')}`)).json().items.map((r: { id: string }) => r.id),
    ).toEqual([squadRule]);
    expect((await api().get('/api/routing/rules?matterCode=09006')).json().total).toBe(1);
    expect((await api().get('/api/routing/rules?majorCode=09')).json().total).toBe(1);
    expect((await api().get(`/api/routing/rules?q=${encodeURIComponent('三中队')}`)).json().items[0].id).toBe(
      squadRule,
    );
    expect((await api().get(`/api/routing/rules?q=${encodeURIComponent('兜底')}`)).json().items[0].id).toBe(fallbackId);
    const paged = (await api().get('/api/routing/rules?pageSize=2&page=2')).json();
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
    expect((await api().get('/api/routing/rules?sort=nope')).json().error.details[0].field).toBe('query.sort');
  });

  it('validates references and shape, naming the field', async () => {
    const bad = async (body: object, code: string, field: string) => {
      const res = await api().post('/api/routing/rules', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.details[0].field).toBe(field);
    };
    await bad({ unitId: 'nope', matterCode: '09006' }, 'ROUTING_UNKNOWN_UNIT', 'body.unitId');
    await bad(
      { unitId: u('ENFORCE'), matterCode: '09006', regionId: 'nope' },
      'ROUTING_UNKNOWN_REGION',
      'body.regionId',
    );
    // 09007 is a gap in GB/T 47678.5; 01001 exists, but as a component too: only matters count.
    await bad({ unitId: u('ENFORCE'), matterCode: '09007' }, 'ROUTING_UNKNOWN_MATTER', 'body.matterCode');
    await bad({ unitId: u('ENFORCE'), majorCode: '42' }, 'ROUTING_UNKNOWN_MAJOR', 'body.majorCode');
    await bad(
      { unitId: u('ENFORCE'), matterCode: '09006', majorCode: '09' },
      'ROUTING_MATTER_AND_MAJOR',
      'body.majorCode',
    );
    await bad({ unitId: u('ENFORCE'), matterCode: '9006' }, 'VALIDATION_FAILED', 'body.matterCode');
    const patch = await api().patch(`/api/routing/rules/${squadRule}`, { majorCode: '09' });
    expect(patch.json().error).toMatchObject({ code: 'ROUTING_MATTER_AND_MAJOR' });
    await ctx.database.db.updateTable('units').set({ active: 0 }).where('id', '=', u('SQUAD4')).execute();
    await bad({ unitId: u('SQUAD4'), matterCode: '09006' }, 'ROUTING_UNKNOWN_UNIT', 'body.unitId');
    await ctx.database.db.updateTable('units').set({ active: 1 }).where('id', '=', u('SQUAD4')).execute();
  });

  it('refuses a second fallback rule (409), also by editing a rule into one', async () => {
    const second = await api().post('/api/routing/rules', { unitId: u('COMMAND') });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'ROUTING_DUPLICATE_FALLBACK', details: { ruleId: fallbackId } });
    const edit = await api().patch(`/api/routing/rules/${squadRule}`, { matterCode: null, regionId: null });
    expect(edit.statusCode).toBe(409);
    // Editing the fallback itself is fine.
    const moved = await api().patch(`/api/routing/rules/${fallbackId}`, { unitId: u('COMMAND'), note: null });
    expect(moved.json()).toMatchObject({
      unitId: u('COMMAND'),
      unitName: '数字城管指挥中心',
      note: null,
      level: 'fallback',
    });
  });

  it('patches and deletes with audit rows (before → after), 404 for an unknown id', async () => {
    const res = await api().patch(`/api/routing/rules/${squadRule}`, { active: false, priority: -3 });
    expect(res.json()).toMatchObject({ active: false, priority: -3, matterCode: '09006' });
    expect((await api().delete(`/api/routing/rules/${squadRule}`)).json()).toEqual({ ok: true });
    expect((await api().get(`/api/routing/rules/${squadRule}`)).statusCode).toBe(404);
    expect((await api().delete(`/api/routing/rules/${squadRule}`)).statusCode).toBe(404);
    expect((await api().patch('/api/routing/rules/nope', { active: true })).statusCode).toBe(404);
    const rows = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_id', '=', squadRule)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['routing_rule.create', 'routing_rule.update', 'routing_rule.delete']);
    expect(JSON.parse(rows[1]?.before_json ?? '{}')).toMatchObject({ active: 1, priority: 5 });
    expect(JSON.parse(rows[1]?.after_json ?? '{}')).toMatchObject({ active: 0, priority: -3 });
  });

  it('lets an operator read rules but not change them (403)', async () => {
    const op = as(ctx.app, operator);
    expect((await op.get('/api/routing/rules')).statusCode).toBe(200);
    expect((await op.get(`/api/routing/rules/${fallbackId}`)).statusCode).toBe(200);
    expect((await op.post('/api/routing/rules', { unitId: u('ENFORCE'), matterCode: '09001' })).statusCode).toBe(403);
    expect((await op.patch(`/api/routing/rules/${fallbackId}`, { active: false })).statusCode).toBe(403);
    expect((await op.delete(`/api/routing/rules/${fallbackId}`)).statusCode).toBe(403);
    expect((await op.put('/api/routing/settings', { duplicateRadiusM: 80, duplicateWindowHours: 24 })).statusCode).toBe(
      403,
    );
    expect((await op.get('/api/routing/settings')).statusCode).toBe(200);
  });
});

describe('duplicate settings', () => {
  it('answers the defaults, stores valid values with an audit row per key', async () => {
    expect((await api().get('/api/routing/settings')).json()).toEqual({
      duplicateRadiusM: 50,
      duplicateWindowHours: 72,
    });
    const put = await api().put('/api/routing/settings', { duplicateRadiusM: 120, duplicateWindowHours: 48 });
    expect(put.json()).toEqual({ duplicateRadiusM: 120, duplicateWindowHours: 48 });
    expect((await api().get('/api/routing/settings')).json()).toEqual({
      duplicateRadiusM: 120,
      duplicateWindowHours: 48,
    });
    expect(await ctx.app.services.routing.duplicateSettings(tenantId)).toEqual({
      duplicateRadiusM: 120,
      duplicateWindowHours: 48,
    });
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'after_json'])
      .where('action', '=', 'setting.update')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.entity_id, a.after_json])).toEqual([
      ['case.duplicateRadiusM', '120'],
      ['case.duplicateWindowHours', '48'],
    ]);
  });

  it('rejects out-of-range values with 400 naming each field', async () => {
    const res = await api().put('/api/routing/settings', { duplicateRadiusM: 4, duplicateWindowHours: 721 });
    expect(res.statusCode).toBe(400);
    expect(fields(res.json())).toEqual(['body.duplicateRadiusM', 'body.duplicateWindowHours']);
    const missing = await api().put('/api/routing/settings', { duplicateRadiusM: 1001 });
    expect(fields(missing.json())).toEqual(['body.duplicateRadiusM', 'body.duplicateWindowHours']);
    const fraction = await api().put('/api/routing/settings', { duplicateRadiusM: 50.5, duplicateWindowHours: 24 });
    expect(fields(fraction.json())).toEqual(['body.duplicateRadiusM']);
    // Callers inside the server get the same check from the service.
    const actor = {
      userId: 'x',
      tenantId,
      username: 'x',
      displayName: 'x',
      unitId: null,
      grants: [{ role: 'admin' as const, unitId: null, regionId: null }],
      permissions: new Set<never>(),
      requestId: 'r',
    };
    await expect(
      ctx.app.services.routing.duplicates.putSettings(actor, { duplicateRadiusM: 0, duplicateWindowHours: 5 }),
    ).rejects.toMatchObject({ code: 'ROUTING_INVALID_SETTINGS', status: 400 });
  });
});

describe('try a point (GET /api/routing/suggest)', () => {
  /** A grid centre in 金湖街道, confirmed by the geo module's own locate route. */
  async function pointIn(streetName: string): Promise<{ lng: number; lat: number; community: string | null }> {
    const grids = await ctx.database.db
      .selectFrom('grids')
      .select(['min_lng', 'min_lat', 'max_lng', 'max_lat'])
      .where('street_id', '=', must(regions, streetName))
      .limit(20)
      .execute();
    for (const g of grids) {
      const lng = (g.min_lng + g.max_lng) / 2;
      const lat = (g.min_lat + g.max_lat) / 2;
      const at = await api().get(`/api/geo/locate?lng=${lng}&lat=${lat}`);
      if (at.statusCode === 200 && at.json().street.name === streetName)
        return { lng, lat, community: at.json().community?.name ?? null };
    }
    throw new Error(`no point found in ${streetName}`);
  }

  it('locates the point and explains the choice: rule, filing condition or fallback', async () => {
    await ctx.database.db.deleteFrom('routing_rules').execute();
    await api().post('/api/routing/rules', { unitId: u('ENFORCE') });
    const squad = (
      await api().post('/api/routing/rules', {
        matterCode: '09006',
        regionId: must(regions, '金湖街道'),
        unitId: u('SQUAD3'),
      })
    ).json();
    const p = await pointIn('金湖街道');
    const res = await as(ctx.app, operator).get(`/api/routing/suggest?matterCode=09006&lng=${p.lng}&lat=${p.lat}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      unitId: u('SQUAD3'),
      unitName: '执法三中队',
      ruleId: squad.id,
      reason: 'matter_street',
      streetName: '金湖街道',
      communityName: p.community,
    });
    // 06010 暴露垃圾: its first filing condition names 环卫所.
    const garbage = (await api().get(`/api/routing/suggest?matterCode=06010&lng=${p.lng}&lat=${p.lat}`)).json();
    expect(garbage).toMatchObject({ unitName: '环卫所', ruleId: null, reason: 'filing_condition' });
    expect(garbage.filingConditionId).toEqual(expect.any(String));
    // 09021 占道洗车 has no filing condition and no rule.
    expect((await api().get(`/api/routing/suggest?matterCode=09021&lng=${p.lng}&lat=${p.lat}`)).json()).toMatchObject({
      unitName: '城管执法大队',
      reason: 'fallback',
      filingConditionId: null,
    });
    // Far outside the city: no street, so the 金湖 rule does not apply; the filing condition (执法大队) and the fallback still do.
    expect((await api().get('/api/routing/suggest?matterCode=09006&lng=100&lat=40')).json()).toMatchObject({
      reason: 'filing_condition',
      unitName: '城管执法大队',
      streetId: null,
      communityId: null,
    });
    expect((await api().get('/api/routing/suggest?matterCode=09021&lng=100&lat=40')).json()).toMatchObject({
      reason: 'fallback',
      streetId: null,
    });
  });

  it('rejects a filing condition of another matter and bad coordinates, naming the field', async () => {
    const condition = await ctx.database.db
      .selectFrom('filing_conditions')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('matter_code', '=', '06010')
      .executeTakeFirstOrThrow();
    const res = await api().get(
      `/api/routing/suggest?matterCode=09006&lng=114.97&lat=30.1&filingConditionId=${condition.id}`,
    );
    expect(res.json().error).toMatchObject({
      code: 'ROUTING_UNKNOWN_FILING_CONDITION',
      details: [{ field: 'query.filingConditionId' }],
    });
    expect(fields((await api().get('/api/routing/suggest?matterCode=09006&lng=200&lat=30.1')).json())).toEqual([
      'query.lng',
    ]);
  });
});

describe('tenancy', () => {
  it("a second city sees none of the first city's rules and cannot point at its units or regions", async () => {
    await createTenant(ctx.database.db, ctx.clock, { code: '420202', name: '黄石港区' });
    const other = as(ctx.app, await login(ctx.app, 'admin', 'Admin@12345', '420202'));
    const mine = (await api().get('/api/routing/rules')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect((await other.get('/api/routing/rules')).json().total).toBe(0);
    expect((await other.get(`/api/routing/rules/${mine.items[0].id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/routing/rules/${mine.items[0].id}`, { active: false })).statusCode).toBe(404);
    expect((await other.delete(`/api/routing/rules/${mine.items[0].id}`)).statusCode).toBe(404);
    expect((await other.post('/api/routing/rules', { unitId: u('ENFORCE') })).json().error.code).toBe(
      'ROUTING_UNKNOWN_UNIT',
    );
    // Its own fallback is allowed: one per city, not one per installation.
    await ctx.database.db
      .insertInto('units')
      .values({
        id: 'other-unit',
        tenant_id: await tenantIdOf(ctx.database.db, '420202'),
        parent_id: null,
        region_id: null,
        code: 'X',
        name: '港区执法大队',
        kind: 'enforcement',
        phone: null,
        active: 1,
        synthetic: 1,
        created_at: '2024-01-01T00:00:00.000Z',
        updated_at: '2024-01-01T00:00:00.000Z',
      })
      .execute();
    expect((await other.post('/api/routing/rules', { unitId: 'other-unit' })).statusCode).toBe(201);
    expect(
      (await other.post('/api/routing/rules', { unitId: 'other-unit', regionId: must(regions, '金湖街道') })).json()
        .error.code,
    ).toBe('ROUTING_UNKNOWN_REGION');
    expect((await other.get('/api/routing/settings')).json()).toEqual({
      duplicateRadiusM: 50,
      duplicateWindowHours: 72,
    });
  });
});
