import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adReminders, addDays } from '../../../../common/domain/outdoor-ads.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 户外广告 over HTTP on the seeded demo city (clock frozen at 2024-03-12): the seeded 2023 removals make the report's
 * sentence, the inventory keeps permits and inspections, reminders and the pre-flood sweep pick the right signs,
 * removals mark the sign, and the owner's phone is masked everywhere.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
let town: string;
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'operator']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const regions = (await api('admin').get('/api/org/regions?pageSize=200')).json().items as {
    id: string;
    kind: string;
  }[];
  town = regions.find((r) => r.kind === 'street')!.id;
});
afterAll(async () => ctx.close());

const sign = (over: Record<string, unknown> = {}) => ({
  adType: 'high',
  regionId: town,
  address: '新冶大道1号楼顶',
  lng: 114.98,
  lat: 30.1,
  sizeM2: 96.5,
  content: '楼顶广告（测试）',
  ownerName: '测试广告公司',
  ownerPhone: '13912345678',
  permitNo: '大城管广字〔2024〕第900号',
  permitFrom: '2023-04-01',
  permitTo: '2024-04-01',
  ...over,
});

describe('the yearly report', () => {
  it('says how many signs of each type were removed, in both languages', async () => {
    const zh = (await api('leader').get('/api/reports/statistics?period=year&at=2023')).json();
    const s = zh.sections.find((x: { key: string }) => x.key === 'outdoorAds');
    expect(s.paragraphs[0]).toBe(
      '2023年度，拆除户外广告774块，其中墙体广告牌18块、高空广告牌12块、路铭牌6块、灯箱广告730块、雨棚8组。',
    );
    const en = (await api('leader').get('/api/reports/statistics?period=year&at=2023&lang=en')).json();
    const e = en.sections.find((x: { key: string }) => x.key === 'outdoorAds');
    expect(e.paragraphs[0]).toContain('774 outdoor signs removed: 18 wall signs, 12 high-altitude signs');
    expect(e.paragraphs[0]).toContain('8 groups of awnings');
    const table = s.tables[0].rows as { type: string; removed: number }[];
    expect(table.find((r) => r.type === '灯箱广告')?.removed).toBe(730);
  });
});

describe('the inventory', () => {
  let id: string;

  it('adds a sign with its permit; the phone is masked in the answer, the list and the export', async () => {
    const res = await api('admin').post('/api/outdoor-ads/ads', sign());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'active', sizeM2: 96.5, ownerPhone: '139****5678', inspections: [] });
    const list = await api('leader').get(`/api/outdoor-ads/ads?q=${encodeURIComponent('测试广告公司')}`);
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain('13912345678');
    const csv = await api('leader').get(`/api/exports/outdoor-ads.csv?q=${encodeURIComponent('测试广告公司')}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('139****5678');
    expect(csv.body).not.toContain('13912345678');
  });

  it('names the field of bad input: permit dates, geometry, type, size', async () => {
    const backwards = await api('admin').post('/api/outdoor-ads/ads', sign({ permitTo: '2023-01-01' }));
    expect(backwards.statusCode).toBe(400);
    expect(fields(backwards.body)).toEqual(['body.permitTo']);
    const noEnd = await api('admin').post('/api/outdoor-ads/ads', sign({ permitTo: null }));
    expect(fields(noEnd.body)).toEqual(['body.permitTo']);
    const bowtie = await api('admin').post(
      '/api/outdoor-ads/ads',
      sign({
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [114.98, 30.1],
              [114.981, 30.101],
              [114.981, 30.1],
              [114.98, 30.101],
              [114.98, 30.1],
            ],
          ],
        },
      }),
    );
    expect(bowtie.statusCode).toBe(400);
    expect(code(bowtie.body)).toBe('OA_BAD_GEOMETRY');
    const wrong = await api('admin').post('/api/outdoor-ads/ads', sign({ adType: 'blimp', sizeM2: 0 }));
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong.body)).toEqual(['body.adType', 'body.sizeM2']);
    const line = await api('admin').post(
      '/api/outdoor-ads/ads',
      sign({
        permitNo: null,
        permitTo: null,
        geometry: {
          type: 'LineString',
          coordinates: [
            [114.98, 30.1],
            [114.9805, 30.1],
          ],
        },
      }),
    );
    expect(line.statusCode, line.body).toBe(201);
    expect(line.json().geometry.type).toBe('LineString');
  });

  it('records inspections; the latest sets the result and the next date (180 days by default)', async () => {
    const first = await api('admin').post(`/api/outdoor-ads/ads/${id}/inspections`, {
      inspectedOn: '2024-03-05',
      result: 'hazard',
      inspector: '李队员',
      note: '固定螺栓锈蚀',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      lastInspectedOn: '2024-03-05',
      lastResult: 'hazard',
      nextInspectionOn: addDays('2024-03-05', 180),
    });
    // an older inspection entered later does not replace the latest
    const older = await api('admin').post(`/api/outdoor-ads/ads/${id}/inspections`, {
      inspectedOn: '2024-01-10',
      result: 'pass',
    });
    expect(older.json()).toMatchObject({ lastInspectedOn: '2024-03-05', lastResult: 'hazard' });
    expect(older.json().inspections.map((i: { inspectedOn: string }) => i.inspectedOn)).toEqual([
      '2024-03-05',
      '2024-01-10',
    ]);
    const future = await api('admin').post(`/api/outdoor-ads/ads/${id}/inspections`, {
      inspectedOn: '2024-03-20',
      result: 'pass',
    });
    expect(future.statusCode).toBe(400);
    expect(code(future.body)).toBe('OA_FUTURE_DATE');
  });

  it('reminds of permits and inspections by date, and sweeps the unsafe signs before the flood season', async () => {
    const r = (await api('leader').get('/api/outdoor-ads/reminders?withinDays=30')).json();
    expect(r.today).toBe('2024-03-12');
    const mine = r.items.filter((x: { ad: { id: string } }) => x.ad.id === id);
    expect(mine.map((x: { kind: string; date: string }) => [x.kind, x.date])).toEqual([
      ['permit_expiring', '2024-04-01'],
    ]);
    // every reminder is what the rule says for its sign
    for (const x of r.items)
      expect(adReminders(x.ad, '2024-03-12', 30).some((y) => y.kind === x.kind && y.date === x.date)).toBe(true);
    expect(r.items.some((x: { kind: string }) => x.kind === 'permit_expired')).toBe(true);

    const sweep = (await api('leader').get('/api/outdoor-ads/flood-sweep?year=2024')).json();
    expect(sweep.since).toBe('2024-03-01');
    const ids = sweep.items.map((a: { id: string }) => a.id);
    // inspected on 5 March, but with a hazard: still on the list
    expect(ids).toContain(id);
    expect(
      sweep.items.every(
        (a: { adType: string; lastInspectedOn: string | null; lastResult: string | null }) =>
          ['high', 'pole', 'wall', 'light_box', 'awning', 'shop_sign'].includes(a.adType) &&
          (a.lastInspectedOn === null || a.lastInspectedOn < '2024-03-01' || a.lastResult !== 'pass'),
      ),
    ).toBe(true);
  });

  it('a removal marks the sign removed, once; it then leaves the reminders', async () => {
    const removed = await api('admin').post('/api/outdoor-ads/removals', {
      adId: id,
      removedOn: '2024-03-11',
      mode: 'enforced',
      enforcementCaseId: 'case-link-later',
    });
    expect(removed.statusCode, removed.body).toBe(201);
    expect(removed.json()).toMatchObject({ adType: 'high', quantity: 1, mode: 'enforced', address: '新冶大道1号楼顶' });
    expect((await api('leader').get(`/api/outdoor-ads/ads/${id}`)).json().status).toBe('removed');
    const twice = await api('admin').post('/api/outdoor-ads/removals', {
      adId: id,
      removedOn: '2024-03-11',
      mode: 'enforced',
    });
    expect(twice.statusCode).toBe(409);
    expect(fields(twice.body)).toEqual(['body.adId']);
    const r = (await api('leader').get('/api/outdoor-ads/reminders')).json();
    expect(r.items.some((x: { ad: { id: string } }) => x.ad.id === id)).toBe(false);
  });

  it('a removal without an inventory sign names its type and place, and counts its quantity', async () => {
    const missing = await api('admin').post('/api/outdoor-ads/removals', {
      removedOn: '2024-03-11',
      mode: 'voluntary',
    });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing.body)).toEqual(['body.adType']);
    const batch = await api('admin').post('/api/outdoor-ads/removals', {
      adType: 'light_box',
      quantity: 12,
      removedOn: '2024-03-11',
      mode: 'voluntary',
      regionId: town,
      address: '码头路沿街',
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const list = (await api('leader').get('/api/outdoor-ads/removals?adType=light_box&from=2024-01-01')).json();
    expect(list.items.map((x: { quantity: number }) => x.quantity)).toEqual([12]);
    const all = (await api('leader').get('/api/outdoor-ads/removals?sort=quantity&order=desc&pageSize=3')).json();
    expect(all.items[0].quantity).toBe(12);
  });

  it('refuses roles without the verbs', async () => {
    expect((await api('operator').get('/api/outdoor-ads/ads')).statusCode).toBe(403);
    expect((await api('leader').post('/api/outdoor-ads/ads', sign())).statusCode).toBe(403);
    expect((await api('leader').get('/api/outdoor-ads/ads/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});
