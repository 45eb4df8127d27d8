import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '../../../common/domain/roles.ts';
import { DAYE_USERS } from '../db/seed/daye-org.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';

/**
 * Generated from the route table: every /api route is refused to an anonymous caller unless it is deliberately
 * public, and refused (403) to every role whose permissions lack the route's verb. Routes added later are covered
 * without touching this file.
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();
beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of DAYE_USERS) sessions.set(u.role, await login(ctx.app, u.username, u.username === 'admin' ? 'Admin@12345' : 'Demo@12345'));
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
      const res = await ctx.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('each role gets 403 exactly where its grants lack the route\'s verb', async () => {
    for (const role of ROLES) {
      const session = sessions.get(role);
      if (!session) throw new Error(`no demo user for ${role}`);
      // The SSE stream never ends by itself; its gate is the same hook, covered by the anonymous check above.
      for (const r of apiRoutes().filter((x) => x.permission && x.url !== '/api/live')) {
        const allowed = ROLE_PERMISSIONS[role].includes(r.permission as Permission);
        const api = as(ctx.app, session);
        const res = r.method === 'GET' ? await api.get(concrete(r.url))
          : r.method === 'DELETE' ? await api.delete(concrete(r.url))
          : r.method === 'PATCH' ? await api.patch(concrete(r.url), {})
          : r.method === 'PUT' ? await api.put(concrete(r.url), {})
          : await api.post(concrete(r.url), {});
        if (allowed) expect(res.statusCode, `${role} ${r.method} ${r.url}`).not.toBe(403);
        else expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBeLessThan(500);
      }
    }
  }, 120_000);
});
