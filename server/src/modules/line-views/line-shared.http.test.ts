import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Another line's type shown in a line's view (docs/lines.md, "Facilities shared by two lines"), on the seeded demo
 * city, where 市政 shows 排水's 检查井: one entry per manhole, listed and drawn in both views, its orders counted once,
 * in 排水; the list kept by settings.manage with field errors on an unknown type or one of the line itself.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
type Fc = { features: { properties: { code: string; type: string } }[] };

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
}, 120_000);
afterAll(async () => ctx.close());

describe('检查井 in the 市政 view', () => {
  it('lists, counts and draws the manholes in 市政 as one entry each, of the 排水 register', async () => {
    const shared = (await api('leader').get('/api/lines/shared')).json().items as { line: string; types: unknown[] }[];
    const municipal = shared.find((x) => x.line === 'municipal')!;
    expect(municipal.types).toEqual([expect.objectContaining({ code: 'DRN-MANHOLE', line: 'drainage' })]);
    expect(shared.filter((x) => x.line !== 'municipal').every((x) => x.types.length === 0)).toBe(true);

    const mun = (await api('leader').get('/api/lines/municipal/summary')).json();
    const drn = (await api('leader').get('/api/lines/drainage/summary')).json();
    const manholes = drn.types.find((t: { code: string }) => t.code === 'DRN-MANHOLE');
    expect(manholes.count).toBeGreaterThan(0);
    // shown in 市政 with its count, but not one of 市政's own types nor in its total
    expect(mun.shared).toEqual([expect.objectContaining({ code: 'DRN-MANHOLE', count: manholes.count })]);
    expect(mun.types.map((t: { code: string }) => t.code)).not.toContain('DRN-MANHOLE');
    expect(mun.assets).toBe(mun.types.reduce((n: number, t: { count: number }) => n + t.count, 0));
    expect(drn.shared).toEqual([]);

    const inMun = (await api('leader').get('/api/lines/municipal/items?typeCode=DRN-MANHOLE&pageSize=100')).json();
    const inDrn = (await api('leader').get('/api/lines/drainage/items?typeCode=DRN-MANHOLE&pageSize=100')).json();
    expect(inMun.total).toBe(manholes.count);
    expect(inMun.items.map((a: { id: string }) => a.id)).toEqual(inDrn.items.map((a: { id: string }) => a.id));
    expect(inMun.items.every((a: { line: string }) => a.line === 'drainage')).toBe(true);

    const layer = (await api('leader').get('/api/lines/municipal/layer')).json() as Fc;
    const drawn = layer.features.filter((f) => f.properties.type === 'DRN-MANHOLE');
    expect(drawn.length).toBe(manholes.count);
    expect(layer.features.length).toBe(mun.assets + manholes.count);
    // another 排水 type is not drawn in 市政
    expect(layer.features.some((f) => f.properties.type === 'DRN-FLOOD')).toBe(false);
  });

  it("counts a manhole's order once, in 排水, and beside the manhole in both views", async () => {
    const units = (await api('admin').get('/api/org/units?pageSize=200')).json().items as { id: string }[];
    const page = (await api('admin').get('/api/lines/municipal/items?typeCode=DRN-MANHOLE')).json();
    const manhole = page.items[0] as { id: string };
    const before = {
      mun: (await api('leader').get('/api/lines/municipal/summary')).json().openOrders as number,
      drn: (await api('leader').get('/api/lines/drainage/summary')).json().openOrders as number,
    };
    const order = await api('admin').post('/api/assets/work-orders', {
      assetId: manhole.id,
      title: '井盖更换',
      unitId: units[0]!.id,
      workDays: 3,
    });
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json().line).toBe('drainage');
    expect((await api('leader').get('/api/lines/municipal/summary')).json().openOrders).toBe(before.mun);
    expect((await api('leader').get('/api/lines/drainage/summary')).json().openOrders).toBe(before.drn + 1);
    for (const line of ['municipal', 'drainage']) {
      const items = (await api('leader').get(`/api/lines/${line}/items?typeCode=DRN-MANHOLE`)).json();
      const own = items.figures.find((f: { id: string }) => f.id === manhole.id);
      expect(own.openOrders, line).toBeGreaterThanOrEqual(1);
    }
  });

  it('is kept by settings.manage, audited, and refuses an unknown type or one of the line itself by field', async () => {
    expect((await api('leader').put('/api/lines/municipal/shared', { typeCodes: [] })).statusCode).toBe(403);
    const unknown = await api('admin').put('/api/lines/municipal/shared', { typeCodes: ['DRN-MANHOLE', 'NOPE-1'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'body.typeCodes.1', rule: 'exists' });
    expect(unknown.json().error.details[0].message).toContain('NOPE-1');
    const own = await api('admin').put('/api/lines/municipal/shared', { typeCodes: ['MUN-ROAD'] });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.details[0]).toMatchObject({ field: 'body.typeCodes.0', rule: 'line' });
    const en = await api('admin').put(
      '/api/lines/municipal/shared',
      { typeCodes: ['MUN-ROAD'] },
      {
        'accept-language': 'en',
      },
    );
    expect(en.json().error.details[0].message).toContain('already a type of this line');
    const repeated = await api('admin').put('/api/lines/municipal/shared', { typeCodes: ['DRN-FLOOD', 'DRN-FLOOD'] });
    expect(repeated.statusCode).toBe(400);

    const two = await api('admin').put('/api/lines/municipal/shared', { typeCodes: ['DRN-MANHOLE', 'DRN-FLOOD'] });
    expect(two.statusCode, two.body).toBe(200);
    expect(two.json().types.map((t: { code: string }) => t.code)).toEqual(['DRN-MANHOLE', 'DRN-FLOOD']);
    const layer = (await api('leader').get('/api/lines/municipal/layer')).json() as Fc;
    expect(layer.features.some((f) => f.properties.type === 'DRN-FLOOD')).toBe(true);
    const audit = await api('admin').get('/api/audit?action=setting.update');
    expect(JSON.stringify(audit.json())).toContain('lines.shared');

    expect((await api('admin').put('/api/lines/municipal/shared', { typeCodes: [] })).statusCode).toBe(200);
    expect((await api('leader').get('/api/lines/municipal/summary')).json().shared).toEqual([]);
    const none = (await api('leader').get('/api/lines/municipal/items?typeCode=DRN-MANHOLE')).json();
    expect(none.total).toBe(0);
    // the switch's own setting is untouched by the list
    expect((await api('leader').get('/api/lines/settings')).json().enabled).toContain('municipal');
  });
});
