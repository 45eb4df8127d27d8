import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGREEMENT_TEMPLATE } from '../../../../common/domain/frontage-template.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 门前三包 files over HTTP on the demo city (clock frozen at 2024-03-12): the drawn responsibility area (checked,
 * measured in m², printed), the tenant's 责任书 template (edit, unknown placeholders, reset, audit) and the XLSX/CSV
 * exports of the 门前三包 and 文明黄线 lists with the list's filters, masked phones and permissions.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
let street = '';
const ids: Record<string, string> = {};
const details = (body: string) =>
  (JSON.parse(body) as { error: { code: string; details: { field: string; rule: string; message: string }[] } }).error;

const PIN = { lng: 114.97, lat: 30.1 };
/** ~9.6 m along the street by ~5.5 m deep, the first corner on the pin */
const STRIP = [
  [114.97, 30.1],
  [114.9701, 30.1],
  [114.9701, 30.09995],
  [114.97, 30.09995],
  [114.97, 30.1],
];
const polygon = (ring: number[][]) => ({ type: 'Polygon', coordinates: [ring] });
const agreement = (over: Record<string, unknown> = {}) => ({
  shopName: '文件测试商店',
  operatorName: '文件测试人',
  operatorPhone: '13800138000',
  address: '新冶大道888号',
  regionId: street,
  ...PIN,
  area: polygon(STRIP),
  scope: '门店外墙至路沿石',
  periodFrom: '2023-01-01',
  periodTo: '2023-12-31',
  signedOn: '2023-05-04',
  ...over,
});

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
const docxText = async (payload: Buffer) =>
  (await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'officer', 'operator']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const regions = (await api('admin').get('/api/org/regions?pageSize=200')).json().items as {
    id: string;
    kind: string;
  }[];
  street = regions.find((r) => r.kind === 'street')!.id;
}, 120_000);
afterAll(async () => ctx.close());

describe('the drawn responsibility area', () => {
  it('measures a drawn polygon in m² and keeps agreements without an area readable', async () => {
    const a = await api('officer').post('/api/frontage/agreements', agreement());
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().areaM2).toBeGreaterThan(50);
    expect(a.json().areaM2).toBeLessThan(56);
    ids.drawn = a.json().id;
    ids.drawnNo = a.json().agreementNo;
    const none = await api('officer').post(
      '/api/frontage/agreements',
      agreement({ shopName: '文件测试无区域', area: null }),
    );
    expect(none.statusCode, none.body).toBe(201);
    expect(none.json()).toMatchObject({ area: null, areaM2: null });
    // the demo agreements were stored as rectangles (width × depth) before drawing: they read with their size
    const demo = (await api('leader').get('/api/frontage/agreements?pageSize=5&q=路')).json().items as {
      area: unknown;
      areaM2: number | null;
    }[];
    expect(demo.length).toBeGreaterThan(0);
    for (const d of demo.filter((x) => x.area)) expect(d.areaM2).toBeGreaterThan(0);
  });

  it('refuses a ring that is open, crosses itself, is too large or lies away from the shop, writing nothing', async () => {
    const bad: [number[][], string][] = [
      [STRIP.slice(0, 4), 'closed'],
      [
        [
          [114.97, 30.1],
          [114.9701, 30.09995],
          [114.9701, 30.1],
          [114.97, 30.09995],
          [114.97, 30.1],
        ],
        'shape',
      ],
      [
        [
          [114.97, 30.1],
          [114.972, 30.1],
          [114.972, 30.098],
          [114.97, 30.098],
          [114.97, 30.1],
        ],
        'size',
      ],
      [STRIP.map(([x, y]) => [x! + 0.01, y!]), 'reach'],
    ];
    for (const [ring, rule] of bad) {
      const res = await api('officer').post(
        '/api/frontage/agreements',
        agreement({ shopName: '文件测试坏区域', area: polygon(ring) }),
      );
      expect(res.statusCode, rule).toBe(400);
      const e = details(res.body);
      expect(e.code).toBe('FR_INVALID');
      expect(e.details[0]?.field).toMatch(/^body\.area/);
      expect(e.details[0]?.rule).toBe(rule);
    }
    expect((await api('leader').get('/api/frontage/agreements?q=文件测试坏区域')).json().total).toBe(0);
  });
});

describe('the 责任书 template', () => {
  it('prints the default wording with the area', async () => {
    const state = (await api('leader').get('/api/frontage/template')).json();
    expect(state).toMatchObject({ isDefault: true, template: DEFAULT_AGREEMENT_TEMPLATE });
    expect(state.placeholders).toContain('shopName');
    const doc = await api('leader').get(`/api/frontage/agreements/${ids.drawn}/docx`);
    expect(doc.statusCode).toBe(200);
    const text = await docxText(doc.rawPayload);
    expect(text).toContain('包市容');
    expect(text).toContain('责任区面积');
    expect(text).toMatch(/5\d\.\d平方米/);
  });

  it('names every unknown placeholder and unpaired brace by its field, and stores nothing', async () => {
    const res = await api('officer').put('/api/frontage/template', {
      ...DEFAULT_AGREEMENT_TEMPLATE,
      duties: '一、{{shopName}}保持门前整洁；{{ownerAge}}',
      closing: '签订日期：{{signedOn}',
    });
    expect(res.statusCode).toBe(400);
    const e = details(res.body);
    expect(e.code).toBe('FR_INVALID');
    expect(e.details.map((d) => [d.field, d.rule])).toEqual([
      ['body.duties', 'placeholder'],
      ['body.closing', 'braces'],
    ]);
    expect(e.details[0]?.message).toContain('ownerAge');
    const empty = await api('officer').put('/api/frontage/template', { ...DEFAULT_AGREEMENT_TEMPLATE, title: ' ' });
    expect(details(empty.body).details[0]).toMatchObject({ field: 'body.title', rule: 'required' });
    expect((await api('leader').get('/api/frontage/template')).json().isDefault).toBe(true);
  });

  it('prints the edited wording, audits the edit, refuses readers and resets to the default', async () => {
    expect(
      (await api('leader').put('/api/frontage/template', { ...DEFAULT_AGREEMENT_TEMPLATE, title: '责任书' }))
        .statusCode,
    ).toBe(403);
    const edited = {
      ...DEFAULT_AGREEMENT_TEMPLATE,
      title: '门前三包责任书（试行）',
      intro: '{{shopName}}在{{address}}门前责任区（{{area}}）内履行以下责任：',
      duties: '一、门前无乱摆乱放。\n\n二、{{ shopName }}每日清扫，责任期{{periodFrom}}至{{periodTo}}。',
    };
    const put = await api('officer').put('/api/frontage/template', edited);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ isDefault: false, template: edited });
    const text = await docxText((await api('leader').get(`/api/frontage/agreements/${ids.drawn}/docx`)).rawPayload);
    expect(text).toContain('门前三包责任书（试行）');
    expect(text).toMatch(/文件测试商店在新冶大道888号门前责任区（5\d\.\d平方米）内履行以下责任：/);
    expect(text).toContain('二、文件测试商店每日清扫，责任期2023-01-01至2023-12-31。');
    expect(text).not.toContain('包市容');
    const audit = (await api('admin').get('/api/audit?entity=setting&entityId=frontage.agreementTemplate')).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({ action: 'setting.update' });

    const reset = await api('officer').delete('/api/frontage/template');
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ isDefault: true, template: DEFAULT_AGREEMENT_TEMPLATE });
    const again = await docxText((await api('leader').get(`/api/frontage/agreements/${ids.drawn}/docx`)).rawPayload);
    expect(again).toContain('包市容');
    expect((await api('admin').get('/api/audit?entity=setting&entityId=frontage.agreementTemplate')).json().total).toBe(
      2,
    );
  });
});

describe('exports', () => {
  it('agreements as XLSX and CSV: the list rows for the same filters, phones masked, the area in m²', async () => {
    const query = `regionId=${street}&q=${encodeURIComponent('文件测试')}&status=active`;
    const list = (await api('leader').get(`/api/frontage/agreements?${query}`)).json();
    expect(list.total).toBe(2);
    const res = await api('leader').get(`/api/exports/frontage-agreements.xlsx?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]?.slice(0, 5)).toEqual(['责任书编号', '商户名称', '统一社会信用代码', '责任人', '手机号']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((a: { agreementNo: string }) => a.agreementNo));
    const drawn = rows.find((r) => r[0] === ids.drawnNo)!;
    expect(drawn[4]).toBe('138****8000');
    expect(Number(drawn[8])).toBeGreaterThan(50);
    expect(drawn[12]).toBe('履行中');
    expect(JSON.stringify(rows)).not.toContain('13800138000');

    const csv = await api('leader').get(`/api/exports/frontage-agreements.csv?${query}`, { 'accept-language': 'en' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Agreement no.');
    expect(csv.body).toContain('138****8000');
    expect(csv.body).not.toContain('13800138000');
    expect(csv.body.trim().split('\r\n')).toHaveLength(3);
  });

  it('inspections and a month of red and black lists as on screen', async () => {
    const month = '2024-02';
    const ins = (
      await api('leader').get('/api/frontage/inspections?from=2024-02-01&to=2024-02-29&pageSize=100')
    ).json();
    expect(ins.total).toBeGreaterThan(0);
    const insRows = await rowsOf(
      (await api('leader').get('/api/exports/frontage-inspections.xlsx?from=2024-02-01&to=2024-02-29')).rawPayload,
    );
    expect(insRows).toHaveLength(ins.total + 1);
    expect(insRows[0]?.[0]).toBe('检查日期');
    expect(insRows.slice(1).every((r) => r[0]! >= '2024-02-01' && r[0]! <= '2024-02-29')).toBe(true);

    const lists = (await api('leader').get(`/api/frontage/lists/month?month=${month}`)).json();
    const res = await api('leader').get(`/api/exports/frontage-lists.xlsx?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await rowsOf(res.rawPayload);
    expect(rows.slice(1).map((r) => [r[1], r[3]])).toEqual([
      ...lists.red.map((e: { agreementNo: string }) => ['红榜', e.agreementNo]),
      ...lists.black.map((e: { agreementNo: string }) => ['黑榜', e.agreementNo]),
    ]);
    expect((await api('leader').get('/api/exports/frontage-lists.csv')).statusCode).toBe(400);
  });

  it('文明黄线 permits with the list filters, contact phones masked', async () => {
    const list = (await api('leader').get('/api/yellow-line/zones?holderKind=stall&pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    const res = await api('leader').get('/api/exports/yellow-line-zones.xlsx?holderKind=stall');
    expect(res.statusCode, res.body).toBe(200);
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['黄线编号', '类型', '门店/摊位名称']);
    expect(rows).toHaveLength(list.total + 1);
    expect(rows.slice(1).every((r) => r[1] === '摊位')).toBe(true);
    for (const r of rows.slice(1)) expect(r[4] ?? '').toMatch(/^(\d{3}\*{4}\d{4})?$/);
    const csv = await api('leader').get('/api/exports/yellow-line-zones.csv?holderKind=stall');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split('\r\n')).toHaveLength(list.total + 1);
  });

  it('follows the list permission', async () => {
    for (const path of ['frontage-agreements.xlsx', 'frontage-inspections.csv', 'yellow-line-zones.xlsx'])
      expect((await api('operator').get(`/api/exports/${path}`)).statusCode, path).toBe(403);
  });
});
