import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * What intake reuses between requests (the resolved session, step limits and public channels:
 * docs/decisions/0010-intake-cost.md) is never stale for the next request after a change made through
 * the app, and the answer to an intake, built from what was written, is the case as read back.
 */
let ctx: TestContext;
let admin: Session;
let shiftleader: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  shiftleader = await login(ctx.app, 'shiftleader', 'Demo@12345');
});
afterAll(async () => ctx.close());

const report = (s: Session) =>
  as(ctx.app, s).post('/api/cases', { matterCode: '09006', description: '店外经营', lng: 114.975, lat: 30.1 });

async function userId(username: string): Promise<string> {
  const res = await as(ctx.app, admin).get(`/api/org/users?q=${username}`);
  const user = res.json().items.find((u: { username: string }) => u.username === username);
  expect(user, res.body).toBeTruthy();
  return user.id;
}

describe('intake answer', () => {
  it('is the case as read back: timeline, names, actions and public flag alike', async () => {
    const inspector = await login(ctx.app, 'inspector', 'Demo@12345');
    const created = await report(inspector);
    expect(created.statusCode, created.body).toBe(201);
    const read = await as(ctx.app, inspector).get(`/api/cases/${created.json().id}`);
    expect(read.statusCode).toBe(200);
    expect(created.json()).toEqual(read.json());
    expect(created.json().timeline).toHaveLength(1);
  });
});

describe('the resolved session', () => {
  it('ends with sign-out: the next request with the same cookie is refused', async () => {
    const s = await login(ctx.app, 'operator', 'Demo@12345');
    expect((await as(ctx.app, s).get('/api/cases/counts')).statusCode).toBe(200);
    expect((await as(ctx.app, s).post('/api/auth/logout', {})).statusCode).toBeLessThan(300);
    expect((await as(ctx.app, s).get('/api/cases/counts')).statusCode).toBe(401);
  });

  it('follows an edit of the user: a new display name on the next timeline, deactivation at once', async () => {
    const s = await login(ctx.app, 'inspector', 'Demo@12345');
    expect((await report(s)).statusCode).toBe(201);
    const id = await userId('inspector');
    const renamed = await as(ctx.app, admin).patch(`/api/org/users/${id}`, { displayName: '巡查员改名' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = await report(s);
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json().timeline[0].actorName).toBe('巡查员改名');

    expect((await as(ctx.app, admin).patch(`/api/org/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await report(s)).statusCode).toBe(401);
    expect((await as(ctx.app, admin).patch(`/api/org/users/${id}`, { active: true })).statusCode).toBe(200);
  });

  it('follows a change of grants: a permission taken away is refused on the next request', async () => {
    const s = await login(ctx.app, 'inspector', 'Demo@12345');
    expect((await report(s)).statusCode).toBe(201);
    const id = await userId('inspector');
    const before = (await as(ctx.app, admin).get(`/api/org/users/${id}`)).json();
    const leaderOnly = await as(ctx.app, admin).patch(`/api/org/users/${id}`, { grants: [{ role: 'leader' }] });
    expect(leaderOnly.statusCode, leaderOnly.body).toBe(200);
    expect((await report(s)).statusCode).toBe(403);
    const restore = before.grants.map((g: { role: string; unitId: string | null; regionId: string | null }) => ({
      role: g.role,
      ...(g.unitId ? { unitId: g.unitId } : {}),
      ...(g.regionId ? { regionId: g.regionId } : {}),
    }));
    expect((await as(ctx.app, admin).patch(`/api/org/users/${id}`, { grants: restore })).statusCode).toBe(200);
    expect((await report(s)).statusCode).toBe(201);
  });
});

describe('settings read on every intake', () => {
  it('a new time limit for 上报 applies to the next case', async () => {
    const inspector = await login(ctx.app, 'inspector', 'Demo@12345');
    const first = (await report(inspector)).json();
    const limits = (await as(ctx.app, admin).get('/api/cases/settings/step-limits')).json();
    const put = await as(ctx.app, admin).put('/api/cases/settings/step-limits', {
      ...limits,
      reported: { value: 3, unit: 'work_days' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const second = (await report(inspector)).json();
    expect(second.stepDeadline).not.toBe(first.stepDeadline);
    expect(Date.parse(second.stepDeadline)).toBeGreaterThan(Date.parse(first.stepDeadline));
  });

  it('public channels apply to the next case', async () => {
    const inspector = await login(ctx.app, 'inspector', 'Demo@12345');
    const rule = (await as(ctx.app, shiftleader).get('/api/cases/settings/public-output')).json();
    const first = (await report(inspector)).json();
    const channel: string = first.channel;
    const flipped: string[] = first.publicCase
      ? rule.publicChannels.filter((c: string) => c !== channel)
      : [...rule.publicChannels, channel];
    const put = await as(ctx.app, admin).put('/api/cases/settings/public-output', { publicChannels: flipped });
    expect(put.statusCode, put.body).toBe(200);
    const second = (await report(inspector)).json();
    expect(second.publicCase).toBe(!first.publicCase);
    await as(ctx.app, admin).put('/api/cases/settings/public-output', { publicChannels: rule.publicChannels });
  });
});
