import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '../../../common/domain/roles.ts';

import { as, createTestApp, firstSignIn, login, type Session, type TestContext } from '../testing/test-app.ts';
import { DAYE_USERS } from '../testing/app-parts.ts';

/**
 * Generated from the route table: every /api route is refused to an anonymous caller unless it is deliberately
 * public, and refused (403) to every role whose permissions lack the route's verb. Routes added later are covered
 * without touching this file.
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();
beforeAll(async () => {
  ctx = await createTestApp();
  // The first demo user of each role (the 环卫所's handler, not the pump contractor's who shares the role).
  for (const u of DAYE_USERS)
    if (!sessions.has(u.role))
      sessions.set(u.role, await login(ctx.app, u.username, u.username === 'admin' ? 'Admin@12345' : 'Demo@12345'));
  // A role the demo city has no user for (the prefecture's reader lives in another tenant) gets one here.
  for (const role of ROLES.filter((r) => !sessions.has(r))) {
    const res = await as(ctx.app, sessions.get('admin')!).post('/api/org/users', {
      username: `matrix.${role}`,
      displayName: role,
      password: 'Temp#2024x',
      grants: [{ role }],
    });
    expect(res.statusCode, res.body).toBe(201);
    sessions.set(role, await firstSignIn(ctx.app, `matrix.${role}`, 'Temp#2024x', 'Chosen#2024x'));
  }
});
afterAll(async () => ctx.close());

const concrete = (url: string) => url.replace(/:(\w+)/g, 'x-$1');
const apiRoutes = () => ctx.app.routeTable.filter((r) => r.url.startsWith('/api/'));

describe('permission matrix (generated from the route table)', () => {
  it('covers the routes', () => {
    expect(apiRoutes().length).toBeGreaterThan(20);
    const unguarded = apiRoutes().filter((r) => !r.public && !r.permission && !r.url.startsWith('/api/auth/'));
    expect(unguarded.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    for (const r of apiRoutes().filter((x) => !x.public)) {
      const res = await ctx.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  // One test per role: each walks every route, so a role's time stays well inside its own limit as routes are added.
  it.each([...ROLES])(
    "%s gets 403 exactly where its grants lack the route's verb",
    async (role) => {
      const session = sessions.get(role);
      if (!session) throw new Error(`no demo user for ${role}`);
      // The SSE stream never ends by itself; its gate is the same hook, covered by the anonymous check above.
      for (const r of apiRoutes().filter((x) => x.permission && x.url !== '/api/live')) {
        const allowed = ROLE_PERMISSIONS[role].includes(r.permission as Permission);
        const api = as(ctx.app, session);
        const res =
          r.method === 'GET'
            ? await api.get(concrete(r.url))
            : r.method === 'DELETE'
              ? await api.delete(concrete(r.url))
              : r.method === 'PATCH'
                ? await api.patch(concrete(r.url), {})
                : r.method === 'PUT'
                  ? await api.put(concrete(r.url), {})
                  : await api.post(concrete(r.url), {});
        if (allowed) expect(res.statusCode, `${role} ${r.method} ${r.url}`).not.toBe(403);
        else expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBeLessThan(500);
      }
    },
    60_000,
  );
});

/**
 * Scope (docs/conventions.md, "Authorization"): a unit grant sees its unit's cases, a region grant its street's; anything
 * else is the same 404 as a record that does not exist — generated over every GET route with a path parameter.
 */
describe('scope by unit and region; the same 404 for missing and forbidden', () => {
  const MISSING = '01900000-0000-7000-8000-000000000000';
  const api = (role: string) => as(ctx.app, sessions.get(role)!);
  const ids = { ownUnit: '', otherUnit: '', ownStreet: '', otherStreet: '', otherUnitUser: '' };
  let regionInspector: Session;

  async function dispatchedTo(unitId: string): Promise<string> {
    const c = (
      await api('inspector').post('/api/cases', {
        matterCode: '09006',
        description: '范围测试 占道经营',
        lng: 114.975,
        lat: 30.1,
      })
    ).json();
    const version = async () => (await api('operator').get(`/api/cases/${c.id}`)).json().version;
    const go = async (role: string, body: Record<string, unknown>) => {
      const res = await api(role).post(`/api/cases/${c.id}/transitions`, { version: await version(), ...body });
      expect(res.statusCode, `${role} ${String(body.action)}: ${res.body}`).toBe(200);
    };
    await go('operator', { action: 'accept' });
    const conditions = (await api('shiftLeader').get('/api/catalog/conditions?matterCode=09006')).json().items;
    await go('shiftLeader', { action: 'file', filingConditionId: conditions[0].id });
    await go('dispatcher', { action: 'dispatch', unitId });
    return c.id;
  }

  beforeAll(async () => {
    const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as {
      id: string;
      code: string;
      active: boolean;
    }[];
    const sanitation = units.find((u) => u.code === 'SANITATION')!;
    const other = units.find(
      (u) => u.code !== 'SANITATION' && u.active && !['OFFICE', 'BUREAU', 'COMMAND'].includes(u.code),
    )!;
    ids.ownUnit = await dispatchedTo(sanitation.id);
    ids.otherUnit = await dispatchedTo(other.id);
    const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
      id: string;
      username: string;
    }[];
    ids.otherUnitUser = users.find((u) => u.username === 'dispatcher')!.id;
    // Two reports in two different streets, and an inspector whose grant is limited to the first street.
    const streets = new Map<string, string>();
    for (const lng of [114.93, 114.95, 114.96, 114.975, 114.99, 115.01, 115.03]) {
      for (const lat of [30.06, 30.08, 30.1, 30.12]) {
        const loc = await api('admin').get(`/api/geo/locate?lng=${lng}&lat=${lat}`);
        if (loc.statusCode !== 200 || streets.size >= 2) continue;
        const street = loc.json().street.id as string;
        if (!streets.has(street)) {
          const c = await api('inspector').post('/api/cases', {
            matterCode: '09006',
            description: '街道范围测试',
            lng,
            lat,
          });
          if (c.statusCode === 201) streets.set(street, c.json().id);
        }
      }
    }
    expect(streets.size).toBe(2);
    const [first, second] = [...streets.entries()];
    const streetA = first![0];
    ids.ownStreet = first![1];
    ids.otherStreet = second![1];
    const created = await api('admin').post('/api/org/users', {
      username: 'streetinspector',
      displayName: '街道监督员',
      password: 'Street#2024',
      grants: [{ role: 'inspector', regionId: streetA }],
    });
    expect(created.statusCode, created.body).toBe(201);
    regionInspector = await firstSignIn(ctx.app, 'streetinspector', 'Street#2024', 'Street#Chosen2024');
  }, 120_000);

  const notFoundShape = (body: string) => {
    const { code, message } = JSON.parse(body).error;
    return { code, message };
  };

  it("a unit grant sees its unit's case; another unit's is the same 404 as a missing one, and absent from lists", async () => {
    const missing = await api('unitHandler').get(`/api/cases/${MISSING}`);
    expect(missing.statusCode).toBe(404);
    for (const role of ['unitHandler', 'unitManager']) {
      expect((await api(role).get(`/api/cases/${ids.ownUnit}`)).statusCode, role).toBe(200);
      const hidden = await api(role).get(`/api/cases/${ids.otherUnit}`);
      expect(hidden.statusCode, role).toBe(404);
      expect(notFoundShape(hidden.body)).toEqual(notFoundShape(missing.body));
      const list = (await api(role).get('/api/cases?pageSize=100')).json().items.map((c: { id: string }) => c.id);
      expect(list).toContain(ids.ownUnit);
      expect(list).not.toContain(ids.otherUnit);
    }
    expect((await api('dispatcher').get(`/api/cases/${ids.otherUnit}`)).statusCode).toBe(200);
  });

  it("a region grant sees its street's case; another street's is the same 404 as a missing one, and absent from lists", async () => {
    const me = as(ctx.app, regionInspector);
    expect((await me.get(`/api/cases/${ids.ownStreet}`)).statusCode).toBe(200);
    const hidden = await me.get(`/api/cases/${ids.otherStreet}`);
    expect(hidden.statusCode).toBe(404);
    expect(notFoundShape(hidden.body)).toEqual(notFoundShape((await me.get(`/api/cases/${MISSING}`)).body));
    const list = (await me.get('/api/cases?pageSize=100')).json().items.map((c: { id: string }) => c.id);
    expect(list).toContain(ids.ownStreet);
    expect(list).not.toContain(ids.otherStreet);
  });

  it('every GET route with a path parameter answers a forbidden record exactly as a missing one (never 403)', async () => {
    const routes = apiRoutes().filter(
      (r) => r.method === 'GET' && /:\w+/.test(r.url) && r.permission && r.url !== '/api/live',
    );
    expect(routes.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const r of routes) {
      for (const [role, session] of [...sessions.entries(), ['streetinspector', regionInspector] as const]) {
        const grants = ROLE_PERMISSIONS[role === 'streetinspector' ? 'inspector' : (role as (typeof ROLES)[number])];
        if (!grants.includes(r.permission as Permission)) continue;
        const api2 = as(ctx.app, session);
        const at = (id: string) => r.url.replace(/:\w+/g, id);
        const missing = await api2.get(at(MISSING));
        for (const id of [ids.otherUnit, ids.otherStreet, ids.otherUnitUser]) {
          const res = await api2.get(at(id));
          if (res.statusCode === 403) problems.push(`${role} ${r.url} ${id}: 403`);
          else if (
            res.statusCode === 404 &&
            missing.statusCode === 404 &&
            JSON.stringify(notFoundShape(res.body)) !== JSON.stringify(notFoundShape(missing.body))
          ) {
            problems.push(`${role} ${r.url} ${id}: 404 differs from missing (${res.body.slice(0, 120)})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
