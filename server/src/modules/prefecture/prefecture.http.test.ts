import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_COUNTERS } from '../../../../common/domain/kpi.ts';
import { hashPassword } from '../auth/index.ts';
import { addDailyRows } from '../kpi/index.ts';
import { seedUser } from '../org/index.ts';
import { driveToClosed, staffSessions } from '../../testing/case-loop.ts';
import { createTenant } from '../../testing/app-parts.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The 地级市 view (docs/prefecture.md): 黄石市 (420200) over 大冶市 (the demo city, real cases through the loop) and
 * 阳新县 (420222, roll-up rows only), with a county 黄石港区 (420202) that is not linked.
 */
let ctx: TestContext;
let s: Record<string, Session>;
let pref: Session;
let yangxin: Session;
let daye: Session;
let caseId = '';
const PERIOD = 'period=month&at=2024-03';

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  daye = s.admin!;
  for (const description of ['路面垃圾堆积', '占道经营']) {
    const res = await as(ctx.app, s.inspector!).post('/api/cases', {
      matterCode: '09006',
      description,
      lng: 114.97,
      lat: 30.1,
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().id;
  }
  await driveToClosed(ctx.app, s, caseId);
  const db = ctx.database.db;
  const hs = await createTenant(
    db,
    ctx.clock,
    { code: '420200', name: '黄石市' },
    { username: 'admin', password: 'Pref#2024x' },
  );
  const yx = await createTenant(
    db,
    ctx.clock,
    { code: '420222', name: '阳新县' },
    { username: 'admin', password: 'Yang#2024x' },
  );
  await createTenant(
    db,
    ctx.clock,
    { code: '420202', name: '黄石港区' },
    { username: 'admin', password: 'Port#2024x' },
  );
  await seedUser(db, hs.tenantId, ctx.clock, {
    username: 'prefecture',
    displayName: '黄石市城管委',
    phone: null,
    passwordHash: await hashPassword('Demo@12345'),
    unitId: null,
    role: 'prefectureViewer',
    unitBound: false,
  });
  await addDailyRows(db, yx.tenantId, [
    {
      dim: 'all',
      dimId: '',
      day: '2024-03-04',
      counts: { reported: 5, filed: 4, closed: 3, closedOnTime: 2, handled: 3, handledOnTime: 3 },
    },
    { dim: 'all', dimId: '', day: '2024-02-10', counts: { reported: 2, filed: 2, closed: 2, closedOnTime: 2 } },
  ]);
  pref = await login(ctx.app, 'prefecture', 'Demo@12345', '420200');
  yangxin = await login(ctx.app, 'admin', 'Yang#2024x', '420222');
  // each county's administrator names its prefecture
  for (const who of [daye, yangxin]) {
    const res = await as(ctx.app, who).put('/api/prefecture/link', { prefectureCode: '420200' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().prefecture).toEqual({ code: '420200', name: '黄石市' });
  }
}, 120_000);
afterAll(async () => ctx.close());

describe('prefecture figures', () => {
  it('lists the linked counties only, each equal to its own KPI page, and the total is their sum', async () => {
    const res = await as(ctx.app, pref).get(`/api/prefecture/kpi?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.prefecture).toEqual({ code: '420200', name: '黄石市' });
    expect(body.counties.map((r: { id: string }) => r.id)).toEqual(['420222', '420281']);
    for (const [code, session] of [
      ['420281', daye],
      ['420222', yangxin],
    ] as const) {
      const own = (await as(ctx.app, session).get(`/api/kpi?subject=tenant&${PERIOD}`)).json().total;
      const row = body.counties.find((r: { id: string }) => r.id === code);
      expect(row.counts).toEqual(own.counts);
      expect(row.indicators).toEqual(own.indicators);
      expect(row.score).toBe(own.score);
      expect(row.grade).toBe(own.grade);
    }
    expect(body.counties.find((r: { id: string }) => r.id === '420281').counts.reported).toBeGreaterThanOrEqual(2);
    for (const k of KPI_COUNTERS) {
      const sum = body.counties.reduce((n: number, r: { counts: Record<string, number> }) => n + r.counts[k]!, 0);
      expect(body.total.counts[k], k).toBeCloseTo(sum, 2);
    }
  });

  it('ranks the counties by score and sorts by any indicator; a county without data has no rank', async () => {
    const ranked = (await as(ctx.app, pref).get(`/api/prefecture/ranking?${PERIOD}`)).json();
    expect(ranked.rows).toHaveLength(2);
    expect(ranked.rows.every((r: { rank: number | null }) => r.rank !== null)).toBe(true);
    const byName = (await as(ctx.app, pref).get(`/api/prefecture/ranking?${PERIOD}&sort=name&order=asc`)).json();
    expect(byName.rows.map((r: { name: string }) => r.name)).toEqual(['大冶市', '阳新县']);
    const empty = (await as(ctx.app, pref).get('/api/prefecture/ranking?period=month&at=2023-01')).json();
    expect(empty.rows.map((r: { noData: boolean; rank: number | null }) => [r.noData, r.rank])).toEqual([
      [true, null],
      [true, null],
    ]);
  });

  it('gives a monthly trend of the summed figures', async () => {
    const res = await as(ctx.app, pref).get('/api/prefecture/trend?to=2024-03&months=3');
    expect(res.statusCode, res.body).toBe(200);
    const months = res.json().months as { id: string; counts: Record<string, number> }[];
    expect(months.map((m) => m.id)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(months[1]!.counts.reported).toBe(2);
    const march = (await as(ctx.app, pref).get(`/api/prefecture/kpi?${PERIOD}`)).json().total.counts;
    expect(months[2]!.counts).toEqual(march);
  });

  it('carries no personal data: no names, phones, addresses or case numbers', async () => {
    const bodies = await Promise.all(
      [`/api/prefecture/kpi?${PERIOD}`, `/api/prefecture/ranking?${PERIOD}`, '/api/prefecture/trend?to=2024-03'].map(
        async (url) => (await as(ctx.app, pref).get(url)).body,
      ),
    );
    const caseNo = (await as(ctx.app, s.operator!).get(`/api/cases/${caseId}`)).json().caseNo as string;
    for (const body of bodies) {
      expect(body).not.toContain(caseNo);
      expect(body).not.toMatch(/1[3-9]\d{9}|\d{3}\*{4}\d{4}/);
      expect(body).not.toMatch(/"(address|phone|displayName|reporter|description|lng|lat|caseNo)"/);
      expect(body).not.toContain('路面垃圾');
    }
  });

  it('refuses bad periods with a field', async () => {
    const res = await as(ctx.app, pref).get('/api/prefecture/kpi?period=month&at=2024-13');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('query.at');
  });
});

describe('what the prefecture may not do', () => {
  const raw = (id: string) => [
    '/api/cases',
    `/api/cases/${id}`,
    '/api/cases/map',
    '/api/cases/counts',
    '/api/kpi?subject=tenant&period=month&at=2024-03',
    '/api/kpi/drill?subject=tenant&counter=reported&period=month&at=2024-03',
    '/api/kpi/lists/overdue',
    '/api/kpi/lists/overdue.xlsx',
    '/api/kpi/rankings?month=2024-03&subject=unit',
    '/api/exports/cases.xlsx',
    '/api/org/users',
    '/api/dashboard',
    '/api/analysis/hotspots?period=month&at=2024-03',
  ];

  it('gets 403 on every raw case, list and export route', async () => {
    for (const url of raw(caseId)) {
      const res = await as(ctx.app, pref).get(url);
      expect([403, 404], `${url}: ${res.statusCode}`).toContain(res.statusCode);
      if (res.statusCode === 404) expect(res.json().error?.code, url).toBe('NOT_FOUND');
    }
    for (const url of raw(caseId).slice(0, 5)) expect((await as(ctx.app, pref).get(url)).statusCode, url).toBe(403);
    expect(
      (await as(ctx.app, pref).post(`/api/cases/${caseId}/transitions`, { action: 'accept', version: 1 })).statusCode,
    ).toBe(403);
  });

  it('cannot change links (a county decides its own)', async () => {
    const res = await as(ctx.app, pref).put('/api/prefecture/link', { prefectureCode: null });
    expect(res.statusCode).toBe(403);
  });
});

describe('what a county may not do', () => {
  it('cannot read the prefecture view, nor a sibling county’s cases', async () => {
    for (const who of [daye, yangxin, s.leader!])
      for (const url of [`/api/prefecture/kpi?${PERIOD}`, `/api/prefecture/ranking?${PERIOD}`, '/api/prefecture/trend'])
        expect((await as(ctx.app, who).get(url)).statusCode, url).toBe(403);
    expect((await as(ctx.app, yangxin).get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    const list = (await as(ctx.app, yangxin).get('/api/cases')).json();
    expect(list.total).toBe(0);
  });

  it('an unlinked county is not in the view; links are two levels and name an existing tenant', async () => {
    const port = await login(ctx.app, 'admin', 'Port#2024x', '420202');
    const bad = await as(ctx.app, port).put('/api/prefecture/link', { prefectureCode: '429999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'body.prefectureCode', rule: 'exists' });
    const chain = await as(ctx.app, port).put('/api/prefecture/link', { prefectureCode: '420222' });
    expect(chain.json().error.details[0]).toMatchObject({ rule: 'levels' });
    const self = await as(ctx.app, port).put('/api/prefecture/link', { prefectureCode: '420202' });
    expect(self.json().error.details[0]).toMatchObject({ rule: 'self' });
    const ok = await as(ctx.app, port).put('/api/prefecture/link', { prefectureCode: '420200' });
    expect(ok.statusCode, ok.body).toBe(200);
    const codes = async () =>
      (await as(ctx.app, pref).get(`/api/prefecture/kpi?${PERIOD}`)).json().counties.map((r: { id: string }) => r.id);
    expect(await codes()).toEqual(['420202', '420222', '420281']);
    // a prefecture with counties reports to nobody
    const hsAdmin = await login(ctx.app, 'admin', 'Pref#2024x', '420200');
    const up = await as(ctx.app, hsAdmin).put('/api/prefecture/link', { prefectureCode: '420202' });
    expect(up.json().error.details[0]).toMatchObject({ rule: 'levels' });
    expect((await as(ctx.app, hsAdmin).get('/api/prefecture/link')).json().counties).toHaveLength(3);
    const gone = await as(ctx.app, port).put('/api/prefecture/link', { prefectureCode: null });
    expect(gone.json().prefecture).toBeNull();
    expect(await codes()).toEqual(['420222', '420281']);
    // the county's own audit trail records its decision
    const audit = (await as(ctx.app, yangxin).get('/api/audit')).json().items as { action: string }[];
    expect(audit.some((a) => a.action === 'prefecture.link')).toBe(true);
  });
});
