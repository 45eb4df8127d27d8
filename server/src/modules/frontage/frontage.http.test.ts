import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 门前三包 over HTTP on the seeded demo city (clock frozen at 2024-03-12), in May 2023 so the demo records (2024)
 * stay out of the way: agreements in a street and a township with the printable 责任书, inspections, the month's red
 * and black lists under the tenant rule and their public view, 城管体验岗 sign-up on the citizen route with shifts and
 * hours, a street committee with its self-inspection report, the report sentence, every bad input named by the line
 * (score out of range, a shift ending before it starts, a duplicate agreement) and the permission checks.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const pub = () => as(ctx.app, null);
let street = '';
let town = '';
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const ids: Record<string, string> = {};

const agreement = (over: Record<string, unknown> = {}) => ({
  shopName: '测试便民超市',
  operatorName: '测试人',
  operatorPhone: '13912345678',
  address: '新冶大道999号',
  regionId: street,
  lng: 114.97,
  lat: 30.1,
  area: {
    type: 'Polygon',
    coordinates: [
      [
        [114.97, 30.1],
        [114.9701, 30.1],
        [114.9701, 30.09995],
        [114.97, 30.09995],
        [114.97, 30.1],
      ],
    ],
  },
  scope: '门店外墙至路沿石',
  periodFrom: '2023-01-01',
  periodTo: '2023-12-31',
  signedOn: '2023-05-04',
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'squadleader', 'officer', 'operator']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const regions = (await api('admin').get('/api/org/regions?pageSize=200')).json().items as {
    id: string;
    kind: string;
  }[];
  street = regions.find((r) => r.kind === 'street')!.id;
  town = regions.find((r) => r.kind === 'town')!.id;
}, 120_000);
afterAll(async () => ctx.close());

describe('agreements', () => {
  it('signs agreements in a street and a township, numbered by year, phones masked', async () => {
    const a = await api('officer').post('/api/frontage/agreements', agreement());
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ status: 'active', operatorPhone: '139****5678' });
    expect(a.json().agreementNo).toMatch(/^MQSB2023-\d{4}$/);
    ids.no1 = a.json().agreementNo;
    expect(a.body).not.toContain('13912345678');
    ids.shop1 = a.json().id;
    for (const [i, name] of ['测试茶楼', '测试五金店', '测试餐馆'].entries()) {
      const r = await api('officer').post(
        '/api/frontage/agreements',
        agreement({
          shopName: name,
          address: `金牛镇正街${i + 1}号`,
          regionId: town,
          area: null,
          signedOn: '2023-05-05',
        }),
      );
      expect(r.statusCode, r.body).toBe(201);
      ids[`shop${i + 2}`] = r.json().id;
    }
    const list = await api('leader').get(`/api/frontage/agreements?regionId=${town}&q=测试`);
    expect(list.json().total).toBe(3);
    expect(list.json().items[0].regionName).toBeTruthy();
  });

  it('refuses a second agreement for the same shop and an overlapping period, and writes nothing', async () => {
    const dup = await api('officer').post(
      '/api/frontage/agreements',
      agreement({ address: ' 新冶大道 999号', periodFrom: '2023-06-01', periodTo: '2024-05-31' }),
    );
    expect(dup.statusCode).toBe(409);
    expect(code(dup.body)).toBe('FR_DUPLICATE_AGREEMENT');
    expect(fields(dup.body)).toEqual(['body.periodFrom']);
    expect(dup.body).toContain(ids.no1);
    const list = await api('leader').get('/api/frontage/agreements?q=测试便民超市');
    expect(list.json().total).toBe(1);
    // the next year is a new period
    const next = await api('officer').post(
      '/api/frontage/agreements',
      agreement({ periodFrom: '2024-01-01', periodTo: '2024-12-31', signedOn: '2024-01-02' }),
    );
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().agreementNo).toMatch(/^MQSB2024-\d{4}$/);
  });

  it('names the field of every other bad input', async () => {
    const post = (over: Record<string, unknown>) => api('officer').post('/api/frontage/agreements', agreement(over));
    const bad = [
      [{ periodTo: '2022-12-31' }, 'body.periodTo'],
      [{ signedOn: '2024-03-13' }, 'body.signedOn'],
      [{ regionId: 'nope' }, 'body.regionId'],
      [{ operatorPhone: 'x' }, 'body.operatorPhone'],
      [
        {
          area: {
            type: 'Polygon',
            coordinates: [
              [
                [114.97, 30.1],
                [114.98, 30.1],
                [114.98, 30.2],
              ],
            ],
          },
        },
        'body.area',
      ],
    ] as const;
    for (const [over, field] of bad) {
      const res = await post({ shopName: '坏数据商户', ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(fields(res.body)[0]).toContain(field);
    }
    expect((await api('leader').get('/api/frontage/agreements?q=坏数据')).json().total).toBe(0);
  });

  it('prints the 责任书 as .docx and exports the list as CSV with masked phones', async () => {
    const doc = await api('leader').get(`/api/frontage/agreements/${ids.shop1}/docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(String(doc.headers['content-disposition'])).toContain(ids.no1);
    const csv = await api('leader').get('/api/exports/frontage-agreements.csv?q=测试');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('责任书编号');
    expect(csv.body).toContain('139****5678');
    expect(csv.body).not.toContain('13912345678');
  });
});

describe('inspections and the monthly lists', () => {
  it('refuses a score out of range with a field message and records nothing', async () => {
    for (const score of [101, -1]) {
      const res = await api('officer').post('/api/frontage/inspections', {
        agreementId: ids.shop1,
        inspectedOn: '2023-05-10',
        score,
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res.body)).toContain('body.score');
    }
    const outside = await api('officer').post('/api/frontage/inspections', {
      agreementId: ids.shop1,
      inspectedOn: '2022-12-10',
      score: 80,
    });
    expect(outside.statusCode).toBe(400);
    expect(fields(outside.body)).toEqual(['body.inspectedOn']);
    expect((await api('leader').get(`/api/frontage/inspections?agreementId=${ids.shop1}`)).json().total).toBe(0);
  });

  it('scores the shops and ranks the month under the tenant rule', async () => {
    const scores: [string, number][] = [
      ['shop1', 96],
      ['shop1', 92],
      ['shop2', 90],
      ['shop3', 55],
      ['shop4', 75],
    ];
    for (const [i, [shop, score]] of scores.entries()) {
      const res = await api('officer').post('/api/frontage/inspections', {
        agreementId: ids[shop],
        inspectedOn: `2023-05-${String(10 + i).padStart(2, '0')}`,
        score,
        findings: score < 60 ? '门前堆放杂物' : null,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().inspectorName).toBe('黄队员');
    }
    const rule = await api('squadleader').put('/api/frontage/lists/rule', {
      redMinScore: 90,
      redMaxShops: 5,
      blackMaxScore: 60,
      blackMaxShops: 5,
      minInspections: 1,
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const crossed = await api('squadleader').put('/api/frontage/lists/rule', {
      ...(rule.json() as object),
      redMinScore: 50,
    });
    expect(crossed.statusCode).toBe(400);
    expect(fields(crossed.body)).toEqual(['body.redMinScore']);
    const preview = (await api('leader').get('/api/frontage/lists/month?month=2023-05')).json();
    expect(preview.publishedAt).toBeNull();
    expect(preview.red.map((e: { shopName: string }) => e.shopName)).toEqual(['测试便民超市', '测试茶楼']);
    expect(preview.red[0]).toMatchObject({ rank: 1, average: 94, inspections: 2 });
    expect(preview.black.map((e: { shopName: string }) => e.shopName)).toEqual(['测试五金店']);
  });

  it('publishes a finished month once; the citizen page shows shop names only', async () => {
    expect((await api('officer').post('/api/frontage/lists', { month: '2023-05' })).statusCode).toBe(403);
    const open = await api('squadleader').post('/api/frontage/lists', { month: '2024-03' });
    expect(open.statusCode).toBe(409);
    expect(code(open.body)).toBe('FR_MONTH_NOT_OVER');
    const p = await api('squadleader').post('/api/frontage/lists', { month: '2023-05' });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ month: '2023-05', publishedByName: '孙中队长' });
    const again = await api('squadleader').post('/api/frontage/lists', { month: '2023-05' });
    expect(again.statusCode).toBe(409);
    expect(code(again.body)).toBe('FR_MONTH_PUBLISHED');
    // an inspection added later does not change what was published
    await api('officer').post('/api/frontage/inspections', {
      agreementId: ids.shop4,
      inspectedOn: '2023-05-30',
      score: 20,
    });
    const fixed = (await api('leader').get('/api/frontage/lists/month?month=2023-05')).json();
    expect(fixed.black.map((e: { shopName: string }) => e.shopName)).toEqual(['测试五金店']);

    const shown = await pub().get('/api/public/frontage/lists');
    expect(shown.statusCode).toBe(200);
    const may = shown.json().items.find((m: { month: string }) => m.month === '2023-05');
    expect(may.red).toEqual([
      { rank: 1, shopName: '测试便民超市', area: expect.any(String) },
      { rank: 2, shopName: '测试茶楼', area: expect.any(String) },
    ]);
    expect(shown.body).not.toContain('测试人');
    expect(shown.body).not.toContain('1391234');
    expect(shown.body).not.toContain('agreementId');
  });
});

describe('城管体验岗', () => {
  it('signs up on the citizen route once per phone; staff see the phone masked', async () => {
    const res = await pub().post(
      '/api/public/frontage/volunteers',
      { name: '体验志愿者', phone: '13700001111' },
      { 'x-device-id': 'fr-device-1' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json())).toEqual(['volunteerNo']);
    const again = await pub().post(
      '/api/public/frontage/volunteers',
      { name: '体验志愿者', phone: '13700001111' },
      { 'x-device-id': 'fr-device-2' },
    );
    expect(again.statusCode).toBe(409);
    expect(fields(again.body)).toEqual(['body.phone']);
    const badPhone = await pub().post(
      '/api/public/frontage/volunteers',
      { name: 'x', phone: '12345' },
      { 'x-device-id': 'fr-device-3' },
    );
    expect(badPhone.statusCode).toBe(400);
    const list = await api('leader').get('/api/frontage/volunteers?q=体验志愿者');
    expect(list.json().items[0]).toMatchObject({ phone: '137****1111', status: 'applied' });
    expect(list.body).not.toContain('13700001111');
    ids.volunteer = list.json().items[0].id;
  });

  it('schedules shifts for confirmed volunteers, refuses one ending before it starts, counts hours served', async () => {
    const shift = (over: Record<string, unknown> = {}) => ({
      volunteerId: ids.volunteer,
      regionId: street,
      place: '新冶大道沿线',
      startsAt: '2023-05-20T08:00:00+08:00',
      endsAt: '2023-05-20T11:00:00+08:00',
      ...over,
    });
    const early = await api('officer').post('/api/frontage/shifts', shift());
    expect(early.statusCode).toBe(409);
    expect(code(early.body)).toBe('FR_VOLUNTEER_NOT_ACTIVE');
    const ok = await api('officer').post(`/api/frontage/volunteers/${ids.volunteer}/status`, { status: 'active' });
    expect(ok.statusCode, ok.body).toBe(200);
    const backwards = await api('officer').post(
      '/api/frontage/shifts',
      shift({ startsAt: '2023-05-20T11:00:00+08:00', endsAt: '2023-05-20T08:00:00+08:00' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(fields(backwards.body)).toEqual(['body.endsAt']);
    expect((await api('leader').get(`/api/frontage/shifts?volunteerId=${ids.volunteer}`)).json().total).toBe(0);
    const s = await api('officer').post('/api/frontage/shifts', shift());
    expect(s.statusCode, s.body).toBe(201);
    const served = await api('officer').post(`/api/frontage/shifts/${s.json().id}/record`, { status: 'served' });
    expect(served.json()).toMatchObject({ status: 'served', minutesServed: 180 });
    const twice = await api('officer').post(`/api/frontage/shifts/${s.json().id}/record`, { status: 'absent' });
    expect(twice.statusCode).toBe(409);
    const future = await api('officer').post(
      '/api/frontage/shifts',
      shift({ startsAt: '2024-03-20T08:00:00+08:00', endsAt: '2024-03-20T10:00:00+08:00' }),
    );
    const notOver = await api('officer').post(`/api/frontage/shifts/${future.json().id}/record`, { status: 'served' });
    expect(notOver.statusCode).toBe(409);
    expect(code(notOver.body)).toBe('FR_SHIFT_NOT_OVER');
    const v = (await api('leader').get('/api/frontage/volunteers?q=体验志愿者')).json().items[0];
    expect(v).toMatchObject({ shiftsServed: 1, minutesServed: 180 });
  });
});

describe('商街自治', () => {
  it('registers a committee in a township and takes its self-inspection report', async () => {
    const c = await api('officer').post('/api/frontage/committees', {
      name: '测试正街商街自治委员会',
      streetName: '金牛镇正街',
      regionId: town,
      chairName: '测试主任',
      chairPhone: '13600002222',
      shopCount: 30,
      foundedOn: '2023-05-01',
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().chairPhone).toBe('136****2222');
    const bad = await api('officer').post(`/api/frontage/committees/${c.json().id}/self-reports`, {
      reportedOn: '2023-05-25',
      shopsChecked: 30,
      problemsFound: 2,
      problemsFixed: 3,
      summary: '自查',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.body)).toEqual(['body.problemsFixed']);
    const r = await api('officer').post(`/api/frontage/committees/${c.json().id}/self-reports`, {
      reportedOn: '2023-05-25',
      shopsChecked: 30,
      problemsFound: 4,
      problemsFixed: 3,
      summary: '商户自查门前卫生，发现4处问题，已整改3处',
    });
    expect(r.statusCode, r.body).toBe(201);
    const list = (await api('leader').get(`/api/frontage/committees?regionId=${town}&q=测试`)).json();
    expect(list.items[0]).toMatchObject({ reports: 1, lastReportedOn: '2023-05-25' });
  });
});

describe('figures and the report', () => {
  it('serves the figures of the period and the sentence in both languages', async () => {
    const f = (await api('leader').get('/api/frontage/figures?from=2023-05-01&to=2023-05-31')).json();
    expect(f).toMatchObject({
      agreementsSigned: 4,
      inspections: 6,
      redListed: 2,
      blackListed: 1,
      volunteers: 1,
      hoursServed: 3,
      committees: 1,
      selfReports: 1,
    });
    const zh = (await api('leader').get('/api/reports/statistics?period=month&at=2023-05')).json();
    const s = zh.sections.find((x: { key: string }) => x.key === 'frontage');
    expect(s.paragraphs[0]).toBe(
      '2023年5月，签订门前三包责任书4份，开展检查6次，发布红榜2家、黑榜1家；城管体验岗志愿者1人，服务3小时。',
    );
    expect(s.paragraphs[1]).toBe('推行商街自治，成立商街自治委员会1个，提交自查报告1份。');
    const en = (await api('leader').get('/api/reports/statistics?period=month&at=2023-05&lang=en')).json();
    expect(en.sections.find((x: { key: string }) => x.key === 'frontage').paragraphs[0]).toContain(
      '4 frontage agreements signed, 6 inspections, 2 shops on the red list and 1 on the black list',
    );
    const backwards = await api('leader').get('/api/frontage/figures?from=2023-05-31&to=2023-05-01');
    expect(backwards.statusCode).toBe(400);
  });

  it('has demo records for a new user', async () => {
    const f = (await api('leader').get('/api/frontage/figures?from=2024-01-01&to=2024-03-12')).json();
    expect(f.inspections).toBeGreaterThan(0);
    expect(f.redListed + f.blackListed).toBeGreaterThan(0);
    expect(f.hoursServed).toBeGreaterThan(0);
  });
});

describe('permissions', () => {
  it('answers 401 without a session and 403 without the grant', async () => {
    expect((await pub().get('/api/frontage/agreements')).statusCode).toBe(401);
    expect((await api('operator').get('/api/frontage/agreements')).statusCode).toBe(403);
    expect((await api('leader').post('/api/frontage/agreements', agreement())).statusCode).toBe(403);
    expect((await api('leader').put('/api/frontage/lists/rule', {})).statusCode).toBe(403);
    expect((await api('officer').put('/api/frontage/lists/rule', {})).statusCode).toBe(403);
  });
});
