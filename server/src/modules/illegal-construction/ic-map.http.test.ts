import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, firstSignIn, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The 查违控违 layer of 一张图 (GET /api/illegal-construction/map) on the seeded demo city: it needs
 * construction.read, keeps a township-bound grant to its township, and its status filter returns that status only,
 * as many points as the register lists.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const MAP = '/api/illegal-construction/map';

interface Site {
  geometry: { type: string; coordinates: [number, number] };
  properties: { id: string; status: string; address: string; regionName: string | null };
}

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'inspector']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
});
afterAll(async () => ctx.close());

describe('who sees the layer', () => {
  it('asks for a session and for construction.read', async () => {
    expect((await as(ctx.app, null).get(MAP)).statusCode).toBe(401);
    const refused = await api('inspector').get(MAP);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('FeatureCollection');
    expect((await api('leader').get(MAP)).statusCode).toBe(200);
  });

  it("a township-bound grant sees its township's sites and no other", async () => {
    const regions = (await api('admin').get('/api/org/regions?pageSize=200')).json().items as {
      id: string;
      name: string;
      kind: string;
    }[];
    const towns = regions.filter((r) => r.kind === 'street' || r.kind === 'town');
    const all = (await api('leader').get(MAP)).json().features as Site[];
    const withSites = towns.filter((t) => all.some((f) => f.properties.regionName === t.name));
    expect(withSites.length).toBeGreaterThan(1);
    const mine = withSites[0]!;
    const created = await api('admin').post('/api/org/users', {
      username: 'maptown',
      displayName: '乡镇地图',
      password: 'Town#2024ok',
      grants: [{ role: 'leader', regionId: mine.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const me = as(ctx.app, await firstSignIn(ctx.app, 'maptown', 'Town#2024ok', 'Town#Chosen2024'));
    const seen = (await me.get(MAP)).json().features as Site[];
    expect(seen.length).toBe(all.filter((f) => f.properties.regionName === mine.name).length);
    expect(seen.length).toBeLessThan(all.length);
    expect(seen.every((f) => f.properties.regionName === mine.name)).toBe(true);
    const other = withSites[1]!;
    const asked = (await me.get(`${MAP}?regionId=${other.id}`)).json().features as Site[];
    expect(asked).toEqual([]);
  });
});

describe('status filter', () => {
  it('returns each status alone, as many points as the register lists, with a name and a position', async () => {
    let sum = 0;
    for (const status of ['reported', 'stopped', 'demolished', 'legalised']) {
      const res = await api('leader').get(`${MAP}?status=${status}`);
      expect(res.statusCode).toBe(200);
      const features = res.json().features as Site[];
      expect(features.length).toBeGreaterThan(0);
      expect(features.every((f) => f.properties.status === status)).toBe(true);
      expect(features.every((f) => f.properties.address.length > 0)).toBe(true);
      expect(features.every((f) => f.geometry.type === 'Point' && f.geometry.coordinates.every(Number.isFinite))).toBe(
        true,
      );
      const listed = (await api('leader').get(`/api/illegal-construction/reports?status=${status}&pageSize=1`)).json();
      expect(features.length).toBe(listed.total);
      sum += features.length;
    }
    expect(sum).toBe(((await api('leader').get(MAP)).json().features as Site[]).length);
  });

  it('names query.status for a status that does not exist', async () => {
    const res = await api('leader').get(`${MAP}?status=razed`);
    expect(res.statusCode).toBe(400);
    const details = (res.json() as { error: { details: { field: string }[] } }).error.details;
    expect(details.map((d) => d.field)).toEqual(['query.status']);
  });
});
