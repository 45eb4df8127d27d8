import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';
import { gpsMessage, simulatedPositions } from '../modules/vehicles/index.ts';
import { demoFleet } from './demo-vehicles.ts';

/**
 * The demo muck trucks (docs/vehicles.md, "Demo and simulation"): each carries a valid 处置核准 linking its
 * construction site and 消纳点, so a simulated normal night raises no lead, while the deliberate violations remain:
 * ZT018 has no permit, ZT019's permit expired, ZT020 drives past its shorter window.
 */
let ctx: TestContext;
let admin: Session;
const api = () => as(ctx.app, admin);
const fleet = demoFleet();

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
}, 180_000);
afterAll(async () => ctx.close());

/** One simulated night (2024-03-11 22:00 → 03-12 06:00 in the city, a point a minute) of a demo truck. */
async function drive(code: string): Promise<{ kind: string; detail: Record<string, unknown> }[]> {
  const trucks = (await api().get(`/api/vehicles?q=${code}&kind=muck`)).json().items as {
    id: string;
    code: string;
    topic: string;
  }[];
  const truck = trucks.find((t) => t.code === code)!;
  const { key } = (await api().post(`/api/vehicles/${truck.id}/rotate-key`)).json() as { key: string };
  const tenant = truck.topic.split('/')[1]!;
  const sim = fleet.find((v) => v.code === code)!;
  const messages = [];
  for (let m = 0; m < 480; m++) {
    const minute = (1320 + m) % 1440;
    const p = simulatedPositions(sim, minute);
    if (!p) continue;
    const at = new Date(Date.parse('2024-03-11T14:00:00Z') + m * 60_000);
    messages.push(gpsMessage({ tenant, vehicle: code, key, seq: m, at }, p));
  }
  for (let i = 0; i < messages.length; i += 500) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: code, messages: messages.slice(i, i + 500) },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return (await api().get(`/api/vehicles/leads?vehicleId=${truck.id}&pageSize=50`)).json().items;
}

describe('demo muck trucks', () => {
  it('all but one carry a permit, and a normal night raises nothing', async () => {
    const trucks = (await api().get('/api/vehicles?kind=muck&pageSize=50')).json().items as {
      code: string;
      permitAssetId: string | null;
      windowTo: string | null;
    }[];
    expect(trucks).toHaveLength(20);
    expect(trucks.filter((t) => !t.permitAssetId).map((t) => t.code)).toEqual(['ZT018']);
    const permits = (await api().get('/api/assets/items?typeCode=MUCK-PERMIT&pageSize=100')).json();
    expect(permits.total).toBeGreaterThanOrEqual(19);
    expect(await drive('ZT001')).toEqual([]);
  });

  it('the deliberate violations are still flagged', async () => {
    const none = await drive('ZT018');
    expect(none.map((l) => l.kind)).toContain('unregistered_site');
    expect(none.find((l) => l.kind === 'unregistered_site')!.detail.reason).toBe('no_permit');
    const expired = await drive('ZT019');
    expect(expired.map((l) => l.kind)).toContain('unregistered_site');
    const late = await drive('ZT020');
    expect(late.map((l) => l.kind)).toEqual(['outside_hours']);
  });
});
