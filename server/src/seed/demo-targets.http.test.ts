import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../platform/clock.ts';
import { seedDemoTargets } from './demo-targets.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';

/**
 * The figure picker of whoever edits targets, and the demo's targets in the demo clock's year. Clock at
 * 2024-03-12 +08:00.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['bureauleader', 'operator']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
}, 180_000);
afterAll(async () => ctx.close());

describe('targets: figures and the demo year', () => {
  it('lists the figures a target may measure to a bureau leader, who cannot read the 工作总结', async () => {
    const res = await api('bureauleader').get('/api/targets/figures?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json() as { key: string; label: string; value: number | null }[];
    const keys = figures.map((f) => f.key);
    expect(keys).toContain('overview.closeRate');
    expect(keys).toContain('approvals.closedRate');
    expect(keys.some((k) => k.startsWith('targets.'))).toBe(false);
    expect(figures.find((f) => f.key === 'overview.closeRate')?.label).toBe('结案率');
    expect((await api('bureauleader').get('/api/yearbook/figures?year=2024')).statusCode).toBe(403);
    expect((await api('operator').get('/api/targets/figures?year=2024')).statusCode).toBe(403);
    expect((await api('bureauleader').get('/api/targets/figures?year=20')).statusCode).toBe(400);
  });

  it('seeds the demo targets in the year of the demo clock, no progress dated after its today', async () => {
    const me = (await api('admin').get('/api/auth/me')).json();
    const units = (await api('admin').get('/api/org/units?pageSize=200')).json().items as {
      id: string;
      code: string;
    }[];
    const clock = new FixedClock(new Date('2026-02-10T02:00:00.000Z'));
    await seedDemoTargets(
      ctx.database.db,
      me.user.tenantId,
      clock,
      me.user.id,
      new Map(units.map((u) => [u.code, u.id])),
    );
    const page = (await api('admin').get('/api/targets?year=2026&pageSize=100')).json();
    expect(page.total).toBeGreaterThan(0);
    for (const t of page.items) expect(t.dueOn.slice(0, 4)).toBe('2026');
    const manual = page.items.find((t: { kind: string }) => t.kind === 'manual');
    const detail = (await api('admin').get(`/api/targets/${manual.id}`)).json();
    for (const r of detail.reports ?? []) expect(r.reportedOn <= '2026-02-10').toBe(true);
  });
});
