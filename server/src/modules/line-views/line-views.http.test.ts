import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingString } from '../../../../common/domain/iot.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_NOW } from '../../testing/test-template.ts';

/**
 * The business lines over HTTP on the seeded demo city (clock frozen at 2024-03-12 08:00 +08:00): the tenant's
 * switch and who may change it, a switched-off line answered 404 on its own routes and on the routes of other
 * modules that belong to it, a line's figures from logs and work orders, the 易涝点 with the live depth of the
 * sensor it names, and the 防汛 duty roster.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const ALL = ['sanitation', 'parks', 'municipal', 'drainage', 'muck', 'gas'];
const SEASON = { from: '05-01', to: '09-30' };

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
}, 120_000);
afterAll(async () => ctx.close());

describe('the switch of lines', () => {
  it('starts with every line on; only settings.manage changes it, with field errors on bad input', async () => {
    const first = await api('inspector').get('/api/lines/settings');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ enabled: ALL, floodSeason: SEASON });
    const refused = await api('leader').put('/api/lines/settings', { enabled: [], floodSeason: SEASON });
    expect(refused.statusCode).toBe(403);
    const bad = await api('admin').put('/api/lines/settings', {
      enabled: ['sewage'],
      floodSeason: { from: '13-01', to: '09-30' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.enabled.0', 'body.floodSeason.from']));
  });

  it('answers a switched-off line 404 on its views, its layer, the register filtered to it and the 燃气 routes', async () => {
    const off = await api('admin').put('/api/lines/settings', {
      enabled: ALL.filter((l) => l !== 'gas' && l !== 'muck'),
      floodSeason: SEASON,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await api('leader').get('/api/lines/settings')).json().enabled).not.toContain('gas');
    for (const url of [
      '/api/lines/gas/summary',
      '/api/lines/muck/items?typeCode=MUCK-SITE',
      '/api/lines/gas/layer',
      '/api/assets/items?line=muck',
      '/api/assets/layer?line=gas',
      '/api/gas/hazards',
    ]) {
      const res = await api('admin').get(url);
      expect(res.statusCode, url).toBe(404);
      expect(code(res.body), url).toBe('LINE_SWITCHED_OFF');
    }
    // the lines still on, and the whole register, answer as before
    expect((await api('admin').get('/api/lines/sanitation/summary')).statusCode).toBe(200);
    expect((await api('admin').get('/api/assets/items?line=drainage')).statusCode).toBe(200);
    expect((await api('admin').get('/api/assets/items')).statusCode).toBe(200);
    const audit = await api('admin').get('/api/audit?action=setting.update');
    expect(JSON.stringify(audit.json())).toContain('lines');
    // on again
    const on = await api('admin').put('/api/lines/settings', { enabled: ALL, floodSeason: SEASON });
    expect(on.statusCode).toBe(200);
    expect((await api('admin').get('/api/gas/hazards')).statusCode).toBe(200);
  });
});

describe('a line view', () => {
  const dayLog = async (assetId: string, date: string) => {
    const res = await api('admin').get(`/api/assets/logs?assetId=${assetId}&from=${date}&to=${date}`);
    return ((res.json().items as { quantity: number }[])[0]?.quantity ?? 0) as number;
  };

  it("counts a line's assets per type and this month's logged tonnage, per type and per station", async () => {
    const before = (await api('leader').get('/api/lines/sanitation/summary')).json();
    expect(before.month).toBe('2024-03');
    const transfer = before.types.find((t: { code: string }) => t.code === 'SAN-TRANSFER');
    expect(transfer).toMatchObject({ logUnit: 't' });
    expect(transfer.count).toBeGreaterThan(0);
    const page = (await api('leader').get('/api/lines/sanitation/items?typeCode=SAN-TRANSFER')).json();
    expect(page.items.length).toBe(transfer.count);
    const station = page.items[0];
    const own = page.figures.find((f: { id: string }) => f.id === station.id);
    // a second entry for a day replaces the first, so the change is the new figure less the day's old one
    const replaced = await dayLog(station.id, '2024-03-11');
    const logged = await api('admin').post('/api/assets/logs', {
      assetId: station.id,
      logDate: '2024-03-11',
      quantity: 12.5,
    });
    expect(logged.statusCode, logged.body).toBeLessThan(300);
    // a day of another month counts in neither
    await api('admin').post('/api/assets/logs', { assetId: station.id, logDate: '2024-02-28', quantity: 99 });
    const after = (await api('leader').get('/api/lines/sanitation/summary')).json();
    const t2 = after.types.find((t: { code: string }) => t.code === 'SAN-TRANSFER');
    expect(t2.monthQuantity).toBeCloseTo(transfer.monthQuantity + 12.5 - replaced, 3);
    const page2 = (await api('leader').get('/api/lines/sanitation/items?typeCode=SAN-TRANSFER')).json();
    const own2 = page2.figures.find((f: { id: string }) => f.id === station.id);
    expect(own2.monthQuantity).toBeCloseTo(own.monthQuantity + 12.5 - replaced, 3);
    // a user without assets.read sees no line
    expect((await api('inspector').get('/api/lines/sanitation/summary')).statusCode).toBe(403);
  });

  it('shows a 易涝点 with the latest depth of the water-level sensor it names, and none where it names none', async () => {
    const types = (await api('admin').get('/api/assets/types?line=drainage')).json().items as {
      id: string;
      code: string;
      attributeSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[] };
    }[];
    const flood = types.find((t) => t.code === 'DRN-FLOOD')!;
    const schema = {
      ...flood.attributeSchema,
      properties: {
        ...flood.attributeSchema.properties,
        deviceCode: { type: 'string', title: '水位计编码', maxLength: 40 },
      },
    };
    expect((await api('admin').patch(`/api/assets/types/${flood.id}`, { attributeSchema: schema })).statusCode).toBe(
      200,
    );
    const points = (await api('admin').get('/api/lines/drainage/items?typeCode=DRN-FLOOD')).json();
    const point = points.items[0] as { id: string; attributes: Record<string, unknown> };
    const made = await api('admin').post('/api/devices', {
      code: 'YL-SW-01',
      type: 'water_level',
      name: '积水水位计',
      lng: 114.98,
      lat: 30.1,
    });
    expect(made.statusCode, made.body).toBe(201);
    const key = made.json().key as string;
    const bound = await api('admin').patch(`/api/assets/items/${point.id}`, {
      attributes: { ...point.attributes, deviceCode: 'YL-SW-01' },
    });
    expect(bound.statusCode, bound.body).toBe(200);
    const at = Date.parse(TEST_NOW) - 60_000;
    for (const [i, cm] of [12, 17].entries()) {
      const ts = new Date(at + i * 1000).toISOString();
      const values = { water_cm: cm };
      const sig = createHmac('sha256', key)
        .update(signingString({ tenant: '420281', device: 'YL-SW-01', kind: 'telemetry', ts, seq: i + 1, values }))
        .digest('hex');
      const payload = Buffer.from(JSON.stringify({ v: 1, ts, seq: i + 1, values, sig }));
      expect(await ctx.app.services.telemetry.ingest('cityloop/420281/YL-SW-01/telemetry', payload)).toEqual({
        accepted: true,
      });
    }
    const page = (await api('leader').get('/api/lines/drainage/items?typeCode=DRN-FLOOD')).json();
    const figures = page.figures as { id: string; waterCm: number | null }[];
    expect(figures.find((f) => f.id === point.id)!.waterCm).toBe(17);
    expect(figures.filter((f) => f.id !== point.id).every((f) => f.waterCm === null)).toBe(true);
    const summary = (await api('leader').get('/api/lines/drainage/summary')).json();
    expect(summary.flood.points.find((p: { id: string }) => p.id === point.id)).toMatchObject({ waterCm: 17 });
  });
});

describe('the 防汛 duty roster', () => {
  it('is kept per day by assets.manage, read in a range, shown on the panel in the flood season only', async () => {
    const body = { leader: '张科长', staff: ['李工', '王工', '李工'], phone: '0714-8888888', note: '夜间加强巡查' };
    expect((await api('leader').put('/api/lines/drainage/duty/2024-03-12', body)).statusCode).toBe(403);
    const put = await api('admin').put('/api/lines/drainage/duty/2024-03-12', body);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ date: '2024-03-12', leader: '张科长', staff: ['李工', '王工'] });
    await api('admin').put('/api/lines/drainage/duty/2024-03-13', { leader: '赵科长', staff: [] });
    const range = await api('leader').get('/api/lines/drainage/duty?from=2024-03-01&to=2024-03-31');
    expect(range.json().items.map((d: { date: string }) => d.date)).toEqual(['2024-03-12', '2024-03-13']);
    const bad = await api('admin').put('/api/lines/drainage/duty/2024-02-30x', body);
    expect(bad.statusCode).toBe(400);
    const empty = await api('admin').put('/api/lines/drainage/duty/2024-03-14', { leader: '  ', staff: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('body.leader');
    const backwards = await api('leader').get('/api/lines/drainage/duty?from=2024-03-31&to=2024-03-01');
    expect(backwards.statusCode).toBe(400);

    // March is outside the default season; the panel says so and still names today's duty
    const outside = (await api('leader').get('/api/lines/drainage/summary')).json();
    expect(outside.flood).toMatchObject({ season: false, today: { leader: '张科长' } });
    await api('admin').put('/api/lines/settings', { enabled: ALL, floodSeason: { from: '03-01', to: '10-31' } });
    expect((await api('leader').get('/api/lines/drainage/summary')).json().flood.season).toBe(true);

    expect((await api('admin').delete('/api/lines/drainage/duty/2024-03-13')).statusCode).toBe(204);
    const audit = await api('admin').get('/api/audit?entity=flood_duty');
    const actions = (audit.json().items as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['flood_duty.update', 'flood_duty.delete']));

    await api('admin').put('/api/lines/settings', {
      enabled: ALL.filter((l) => l !== 'drainage'),
      floodSeason: SEASON,
    });
    expect((await api('leader').get('/api/lines/drainage/duty?from=2024-03-01&to=2024-03-31')).statusCode).toBe(404);
    expect((await api('admin').put('/api/lines/drainage/duty/2024-03-15', body)).statusCode).toBe(404);
  });
});
