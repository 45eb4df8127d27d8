import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { as, createTestApp, firstSignIn, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 查违控违 over HTTP on the seeded demo city (clock frozen at 2024-03-12): the seeded 2023 figures come back out of
 * the records, a site moves reported → stopped → demolished through its notice and demolition, bad input names
 * its field, and a township-bound grant sees only its township.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
let towns: { id: string; name: string }[] = [];
let community: string;
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'inspector']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const regions = (await api('admin').get('/api/org/regions?pageSize=200')).json().items as {
    id: string;
    name: string;
    kind: string;
  }[];
  towns = regions.filter((r) => r.kind === 'street' || r.kind === 'town');
  community = regions.find((r) => r.kind === 'community')!.id;
});
afterAll(async () => ctx.close());

const site = (over: Record<string, unknown> = {}) => ({
  source: 'patrol',
  regionId: towns[0]!.id,
  address: '金湖大道88号',
  lng: 114.97,
  lat: 30.1,
  description: '屋顶加盖彩钢棚',
  areaM2: 120.5,
  reportedOn: '2024-03-01',
  ...over,
});

describe('statistics from the seeded 2023 records', () => {
  it("gives the bureau's 2023 totals, the bureau's own and assisted actions apart, by township and month", async () => {
    const res = await api('leader').get('/api/illegal-construction/stats?year=2023');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.totals).toEqual({
      reports: 45,
      instructions: 12,
      stopNotices: 25,
      letters: 23,
      demolitions: 210,
      bureauDemolitions: 188,
      bureauAreaM2: 46574,
      assistDemolitions: 22,
      assistAreaM2: 20000,
      areaM2: 66574,
    });
    expect(s.byRegion).toHaveLength(towns.length);
    const sum = (rows: { demolitions: number; areaM2: number }[]) => ({
      demolitions: rows.reduce((n, r) => n + r.demolitions, 0),
      area: Math.round(rows.reduce((n, r) => n + r.areaM2, 0) * 100) / 100,
    });
    expect(sum(s.byRegion)).toEqual({ demolitions: 210, area: 66574 });
    expect(s.byMonth).toHaveLength(12);
    expect(sum(s.byMonth)).toEqual({ demolitions: 210, area: 66574 });
  });

  it('writes the sentence of the yearly report in both languages', async () => {
    const zh = (await api('leader').get('/api/reports/statistics?period=year&at=2023')).json();
    const section = zh.sections.find((x: { key: string }) => x.key === 'illegalConstruction');
    expect(section.paragraphs[0]).toBe(
      '2023年度，组织拆违行动188次，拆除违建46574平方米；配合乡镇（街道）拆除行动22次，拆除面积20000平方米。',
    );
    expect(section.paragraphs[1]).toContain(
      '下发停工通知书25份、交办函/督办函23份；受理违法建设举报45起，其中领导批示件12件',
    );
    expect(section.tables[0].rows.length).toBeGreaterThan(0);
    const en = (await api('leader').get('/api/reports/statistics?period=year&at=2023&lang=en')).json();
    const enSection = en.sections.find((x: { key: string }) => x.key === 'illegalConstruction');
    expect(enSection.paragraphs[0]).toContain(
      'the bureau led 188 demolition actions that removed 46574 m² of illegal construction, and assisted townships in 22 more over 20000 m²',
    );
    // a period without records has no such section
    const empty = (await api('leader').get('/api/reports/statistics?period=year&at=2019')).json();
    expect(empty.sections.some((x: { key: string }) => x.key === 'illegalConstruction')).toBe(false);
  });
});

describe('a site from report to demolition', () => {
  let id: string;

  it('records a report, stops the site with a notice, and refuses the same notice number twice', async () => {
    const created = await api('admin').post('/api/illegal-construction/reports', site());
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'reported', regionName: towns[0]!.name, areaM2: 120.5 });

    const notice = await api('admin').post('/api/illegal-construction/stop-notices', {
      reportId: id,
      noticeNo: '大城管停字〔2024〕第1号',
      issuedOn: '2024-03-02',
    });
    expect(notice.statusCode, notice.body).toBe(201);
    expect(notice.json()).toMatchObject({ reportAddress: '金湖大道88号', enforcementCaseId: null });
    expect((await api('admin').get(`/api/illegal-construction/reports/${id}`)).json()).toMatchObject({
      status: 'stopped',
      statusOn: '2024-03-02',
    });

    const again = await api('admin').post('/api/illegal-construction/stop-notices', {
      reportId: id,
      noticeNo: '大城管停字〔2024〕第1号',
      issuedOn: '2024-03-02',
    });
    expect(again.statusCode).toBe(409);
    expect(fields(again.body)).toEqual(['body.noticeNo']);
  });

  it('a linked demolition demolishes the site; a closed site takes no notice and no way back', async () => {
    const d = await api('admin').post('/api/illegal-construction/demolitions', {
      reportId: id,
      demolishedOn: '2024-03-10',
      regionId: towns[0]!.id,
      address: '金湖大道88号',
      lng: 114.97,
      lat: 30.1,
      areaM2: 118.25,
      structure: 'steel',
      lead: 'bureau',
      units: '城管执法大队、住建局',
      people: 24,
    });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json()).toMatchObject({ areaM2: 118.25, lead: 'bureau', people: 24 });
    expect((await api('admin').get(`/api/illegal-construction/reports/${id}`)).json()).toMatchObject({
      status: 'demolished',
      statusOn: '2024-03-10',
    });

    const late = await api('admin').post('/api/illegal-construction/stop-notices', {
      reportId: id,
      noticeNo: '大城管停字〔2024〕第2号',
      issuedOn: '2024-03-11',
    });
    expect(late.statusCode).toBe(400);
    expect(code(late.body)).toBe('IC_SITE_CLOSED');
    const back = await api('admin').patch(`/api/illegal-construction/reports/${id}`, { status: 'reported' });
    expect(back.statusCode).toBe(400);
    expect(code(back.body)).toBe('IC_STATUS_NOT_ALLOWED');
    expect(fields(back.body)).toEqual(['body.status']);

    // every step left an audit row
    const audit = (await api('admin').get(`/api/audit?entityId=${id}&pageSize=50`)).json().items as {
      action: string;
    }[];
    expect(audit.map((a) => a.action).sort()).toEqual(['ic_report.create', 'ic_report.status', 'ic_report.status']);
  });

  it('answers bad input with 400 naming each field, and writes nothing', async () => {
    const before = (await api('admin').get('/api/illegal-construction/reports?pageSize=1')).json().total;
    const bad = await api('admin').post('/api/illegal-construction/reports', {
      ...site(),
      address: '',
      lng: 200,
      areaM2: 0.001,
      source: 'rumour',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.body)).toEqual(
      expect.arrayContaining(['body.address', 'body.lng', 'body.areaM2', 'body.source']),
    );
    const inCommunity = await api('admin').post('/api/illegal-construction/reports', site({ regionId: community }));
    expect(inCommunity.statusCode).toBe(400);
    expect(fields(inCommunity.body)).toEqual(['body.regionId']);
    const future = await api('admin').post('/api/illegal-construction/reports', site({ reportedOn: '2024-03-13' }));
    expect(future.statusCode).toBe(400);
    expect(code(future.body)).toBe('IC_FUTURE_DATE');
    const badDate = await api('admin').post('/api/illegal-construction/reports', site({ reportedOn: '2024-02-30' }));
    expect(badDate.statusCode).toBe(400);
    expect((await api('admin').get('/api/illegal-construction/reports?pageSize=1')).json().total).toBe(before);
  });
});

describe('letters to townships', () => {
  it('sends a letter, records the reply once, and flags unreplied letters past their deadline', async () => {
    const bad = await api('admin').post('/api/illegal-construction/letters', {
      kind: 'assign',
      letterNo: '大城管交字〔2024〕第1号',
      regionId: towns[1]!.id,
      subject: '交办违建线索',
      issuedOn: '2024-03-05',
      deadline: '2024-03-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.body)).toEqual(['body.deadline']);
    const letter = await api('admin').post('/api/illegal-construction/letters', {
      kind: 'assign',
      letterNo: '大城管交字〔2024〕第1号',
      regionId: towns[1]!.id,
      subject: '交办违建线索',
      issuedOn: '2024-03-01',
      deadline: '2024-03-08',
    });
    expect(letter.statusCode, letter.body).toBe(201);
    expect(letter.json()).toMatchObject({ overdue: true, repliedOn: null, regionName: towns[1]!.name });
    const id = letter.json().id;
    const reply = await api('admin').post(`/api/illegal-construction/letters/${id}/reply`, {
      repliedOn: '2024-03-09',
      reply: '已拆除',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ overdue: false, repliedOn: '2024-03-09', reply: '已拆除' });
    const twice = await api('admin').post(`/api/illegal-construction/letters/${id}/reply`, {
      repliedOn: '2024-03-10',
      reply: '再次回复',
    });
    expect(twice.statusCode).toBe(409);
    const open = (await api('leader').get('/api/illegal-construction/letters?replied=false&pageSize=50')).json();
    expect(open.items.every((l: { repliedOn: string | null }) => l.repliedOn === null)).toBe(true);
    expect(open.total).toBe(3);
  });
});

describe('lists, map and exports', () => {
  it('pages, filters, searches and sorts; an unknown sort names query.sort', async () => {
    const page = (await api('leader').get('/api/illegal-construction/demolitions?pageSize=10&page=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.total).toBe(211);
    const byArea = (await api('leader').get('/api/illegal-construction/demolitions?sort=area&order=desc&pageSize=5'))
      .json()
      .items.map((d: { areaM2: number }) => d.areaM2);
    expect(byArea).toEqual([...byArea].sort((a, b) => b - a));
    const assisted = (await api('leader').get('/api/illegal-construction/demolitions?lead=assist&pageSize=200')).json();
    expect(assisted.items.every((d: { lead: string }) => d.lead === 'assist')).toBe(true);
    const stopped = (await api('leader').get('/api/illegal-construction/reports?status=stopped&pageSize=100')).json();
    expect(stopped.total).toBe(5);
    const found = (await api('leader').get(`/api/illegal-construction/reports?q=${encodeURIComponent('彩钢')}`)).json();
    expect(found.items.every((r: { description: string }) => r.description.includes('彩钢'))).toBe(true);
    const bad = await api('leader').get('/api/illegal-construction/reports?sort=secret');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.body)).toEqual(['query.sort']);
  });

  it('draws the sites by status as GeoJSON', async () => {
    const all = (await api('leader').get('/api/illegal-construction/map')).json();
    expect(all.type).toBe('FeatureCollection');
    const statuses = new Set(all.features.map((f: { properties: { status: string } }) => f.properties.status));
    expect([...statuses].sort()).toEqual(['demolished', 'legalised', 'reported', 'stopped']);
    const stopped = (await api('leader').get('/api/illegal-construction/map?status=stopped')).json();
    expect(stopped.features).toHaveLength(5);
    expect(stopped.features[0].geometry.type).toBe('Point');
  });

  it('exports the demolitions as .xlsx and .csv with the same rows', async () => {
    const xlsx = await api('leader').get('/api/exports/demolitions.xlsx?lead=bureau');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const csv = await api('leader').get('/api/exports/demolitions.csv?lead=bureau');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF拆除日期,乡镇（街道）,地址')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines.length).toBe(sheet.rowCount);
    expect(lines.slice(1).every((l) => l.includes('本局组织'))).toBe(true);
  });
});

describe('who may do what', () => {
  it('refuses roles without the verbs; a leader reads but does not write', async () => {
    expect((await api('inspector').get('/api/illegal-construction/reports')).statusCode).toBe(403);
    expect((await api('leader').get('/api/illegal-construction/reports')).statusCode).toBe(200);
    expect((await api('leader').post('/api/illegal-construction/reports', site())).statusCode).toBe(403);
  });

  it("a township-bound grant lists its township only; another township's site is the same 404 as a missing one", async () => {
    const [mine, other] = [towns[2]!, towns[3]!];
    const created = await api('admin').post('/api/org/users', {
      username: 'townleader',
      displayName: '乡镇领导',
      password: 'Town#2024ok',
      grants: [{ role: 'leader', regionId: mine.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const me = as(ctx.app, await firstSignIn(ctx.app, 'townleader', 'Town#2024ok', 'Town#Chosen2024'));
    const listed = (await me.get('/api/illegal-construction/reports?pageSize=200')).json();
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.items.every((r: { regionId: string }) => r.regionId === mine.id)).toBe(true);
    const theirs = (await api('leader').get(`/api/illegal-construction/reports?regionId=${other.id}&pageSize=1`)).json()
      .items[0];
    const hidden = await me.get(`/api/illegal-construction/reports/${theirs.id}`);
    const missing = await me.get('/api/illegal-construction/reports/01900000-0000-7000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(code(hidden.body)).toBe(code(missing.body));
  });
});
