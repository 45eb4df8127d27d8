import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** Exports hold exactly what the list shows for the same filters, page through every page, and guard like the list. */
let ctx: TestContext;
const s: Record<string, Session> = {};
const POINT = { lng: 114.975, lat: 30.1 };

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['inspector', 'operator', 'leader', 'handler']) s[u] = await login(ctx.app, u, 'Demo@12345');
  s.admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

const api = (who: string) => as(ctx.app, s[who] ?? null);

async function rowsOf(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

describe('console list exports', () => {
  it('cases: same rows as the list for the same filters and search, labels translated', async () => {
    for (const d of ['导出测试占道一', '导出测试占道二', '其它案件描述']) {
      expect(
        (await api('inspector').post('/api/cases', { matterCode: '09006', description: d, ...POINT })).statusCode,
      ).toBe(201);
    }
    const query = `inbox=reported&channel=inspector&q=${encodeURIComponent('导出测试')}&sort=caseNo&order=desc`;
    const list = (await api('operator').get(`/api/cases?${query}`)).json();
    expect(list.total).toBe(2);
    const res = await api('operator').get(`/api/exports/cases.xlsx?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('案件列表.xlsx'));
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['案件编号', '状态', '来源']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((c: { caseNo: string }) => c.caseNo));
    expect(rows[1]?.[1]).toBe('待受理');
    expect(rows[1]?.[2]).toBe('监督员上报');

    const en = await api('operator').get(`/api/exports/cases.xlsx?${query}`, { 'accept-language': 'en' });
    const enRows = await rowsOf(en.rawPayload);
    expect(enRows[0]?.[0]).toBe('Case no.');
    expect(enRows[1]?.[1]).toBe('Reported');
  });

  it('pages through more than one list page (catalog: hundreds of entries)', async () => {
    const list = (await api('admin').get('/api/catalog/entries?kind=matter&pageSize=1')).json();
    expect(list.total).toBeGreaterThan(200);
    const rows = await rowsOf((await api('admin').get('/api/exports/catalog.xlsx?kind=matter')).rawPayload);
    expect(rows.length - 1).toBe(list.total);
    expect(new Set(rows.slice(1).map((r) => r[1])).size).toBe(list.total);
  });

  it('users: filters apply and phones stay masked as in the list', async () => {
    const list = (await api('admin').get('/api/org/users?role=inspector')).json();
    const rows = await rowsOf((await api('admin').get('/api/exports/users.xlsx?role=inspector')).rawPayload);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(list.items.map((u: { username: string }) => u.username).sort());
    for (const r of rows.slice(1)) if (r[2]) expect(r[2]).toMatch(/\*/);
  });

  it('units, regions, audit and routing rules export their lists', async () => {
    for (const [path, list] of [
      ['units', '/api/org/units'],
      ['regions', '/api/org/regions?kind=street'],
      ['audit', '/api/audit'],
      ['routing-rules', '/api/routing/rules'],
    ] as const) {
      const total = (await api('admin').get(list)).json().total as number;
      const filters = list.includes('?') ? list.slice(list.indexOf('?')) : '';
      const res = await api('admin').get(`/api/exports/${path}.xlsx${filters}`);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      expect((await rowsOf(res.rawPayload)).length - 1, path).toBe(total);
    }
  });

  it('asks the list permission, answers bad filters with field errors as JSON, and needs a session', async () => {
    const forbidden = await api('operator').get('/api/exports/users.xlsx');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBeTruthy();
    expect((await api('handler').get('/api/exports/audit.xlsx')).statusCode).toBe(403);
    const badSort = await api('admin').get('/api/exports/users.xlsx?sort=password');
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error.details[0].field).toBe('query.sort');
    const badFilter = await api('operator').get('/api/exports/cases.xlsx?channel=pigeon');
    expect(badFilter.statusCode).toBe(400);
    expect((await as(ctx.app, null).get('/api/exports/cases.xlsx')).statusCode).toBe(401);
  });

  it('a handler exports only the cases the list shows them', async () => {
    const list = (await api('handler').get('/api/cases?inbox=all')).json();
    const rows = await rowsOf((await api('handler').get('/api/exports/cases.xlsx?inbox=all')).rawPayload);
    expect(rows.length - 1).toBe(list.total);
  });
});
