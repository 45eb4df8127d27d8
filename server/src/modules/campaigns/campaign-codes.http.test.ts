import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Coded campaign quantities over HTTP (docs/campaigns.md, "Figures"): a code is checked with a field message, and the
 * report's `campaigns.quantity.<code>.reported` is what the units reported against the quantities of that code in
 * the period, summed over the tenant's campaigns.
 */
let ctx: TestContext;
let leader: Session;
let admin: Session;
const units: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  leader = await login(ctx.app, 'leader', 'Demo@12345');
  const list = (await as(ctx.app, admin).get('/api/org/units?pageSize=200')).json().items as {
    id: string;
    code: string;
  }[];
  for (const u of list) units[u.code] = u.id;
}, 60_000);
afterAll(async () => ctx.close());

interface Created {
  id: string;
  targets: { id: string; code: string | null }[];
}

async function campaignWith(name: string, targets: object[]): Promise<Created> {
  const res = await as(ctx.app, leader).post('/api/campaigns', {
    name,
    kind: 'special',
    startDate: '2024-02-01',
    targets,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function report(c: Created, code: string, quantity: number, onDate: string) {
  const task = await as(ctx.app, leader).post(`/api/campaigns/${c.id}/tasks`, {
    title: `${code} ${onDate}`,
    unitId: units.SANITATION,
    dueDate: '2024-03-29',
  });
  expect(task.statusCode, task.body).toBe(201);
  const res = await as(ctx.app, admin).post(`/api/campaigns/tasks/${task.json().id}/reports`, {
    targetId: c.targets.find((t) => t.code === code)!.id,
    quantity,
    onDate,
  });
  expect(res.statusCode, res.body).toBe(201);
}

const figure = async (key: string, at: string) => {
  const r = (await as(ctx.app, leader).get(`/api/reports/statistics?period=year&at=${at}`)).json();
  const section = (r.sections as { key: string; figures?: { key: string; value: number | null }[] }[]).find(
    (s) => s.key === 'campaigns',
  );
  return section?.figures?.find((f) => f.key === key)?.value;
};

describe('coded campaign quantities', () => {
  it('refuses a code that is not lowercase letters and digits, or one coded twice, with the field', async () => {
    for (const [targets, field] of [
      [[{ name: '线缆', code: 'Cable-1', measure: '米', target: 10 }], 'body.targets.0.code'],
      [
        [
          { name: '道路', code: 'roads', measure: '条', target: 1 },
          { name: '小区', code: 'roads', measure: '个', target: 1 },
        ],
        'body.targets.1.code',
      ],
    ] as const) {
      const res = await as(ctx.app, leader).post('/api/campaigns', {
        name: '坏代码',
        kind: 'special',
        startDate: '2024-02-01',
        targets,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json().error.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
  });

  it('reads the reported amounts of a code in the period, summed across campaigns', async () => {
    const a = await campaignWith('线缆整治A', [
      { name: '线缆捆扎', code: 'cablebundled', measure: '米', target: 5000 },
      { name: '道路', measure: '条', target: 3 },
    ]);
    const b = await campaignWith('线缆整治B', [
      { name: '线缆捆扎', code: 'cablebundled', measure: '米', target: 5000 },
    ]);
    expect(a.targets.map((t) => t.code)).toEqual(['cablebundled', null]);
    await report(a, 'cablebundled', 1200.5, '2024-03-01');
    await report(b, 'cablebundled', 800, '2024-03-02');
    expect(await figure('campaigns.quantity.cablebundled.reported', '2024')).toBe(2000.5);
  });
});
