import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveToClosed, staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { createKpiService } from '../kpi/index.ts';
import { createReportService } from './report.service.ts';
import { translate } from '../../platform/messages.ts';

/**
 * The statistics report on a hand-made month: three cases reported by the demo inspector on 2024-03-12,
 * two driven to 结案 through 环卫所 on time, one voided. By hand: 受理 3, 立案 2, 作废 1, 应结案 2, 结案 2 (100%),
 * 按期结案 2 (100%), 监督员上报 3 (100%).
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who] ?? null);
const Q = 'period=month&at=2024-03';

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  for (const d of ['占道经营一', '占道经营二', '重复上报']) {
    const res = await api('inspector').post('/api/cases', {
      matterCode: '09006',
      description: d,
      lng: 114.975,
      lat: 30.1,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    if (d === '重复上报')
      await step(ctx.app, s, 'operator', id, { action: 'void', note: '重复', voidReason: 'invalid' });
    else await driveToClosed(ctx.app, s, id);
  }
});
afterAll(async () => ctx?.close());

const text = (xml: string) => xml.replace(/<[^>]+>/g, '');

describe('statistics report', () => {
  it('says the numbers in sentences (JSON for the screen)', async () => {
    const res = await api('leader').get(`/api/reports/statistics?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.title).toContain('2024年3月');
    expect(r.noData).toBe(false);
    expect(r.sections.map((x: { key: string }) => x.key)).toEqual([
      'overview',
      'channels',
      'classes',
      'regions',
      'units',
      'quality',
      'overdue',
      // the demo city's open enforcement cases and recent 查违控违 reports fall in this month too
      // (modules/enforcement/enforcement.demo.ts, seed/demo-lines.ts)
      'enforcement',
      'illegalConstruction',
      // every line with entries on its register has a section, saying its inventory (seed/demo-assets.ts);
      // the transfer stations' tonnage of this year, the pump stations' orders finished before the seed's day
      'assets.sanitation',
      'assets.parks',
      'assets.municipal',
      'assets.drainage',
      'assets.muck',
      'assets.gas',
      // the rounds due in the month (seed/demo-inspections.ts)
      'inspections',
      // this year's gas safety checks and 三件套 installations (seed/demo-gas.ts)
      'gasSafety',
      // the demo city's 门前三包 agreements and inspections of the last months (seed/demo-frontage.ts)
      'frontage',
      // the 文明黄线 in force at the end of the month (seed/demo-yellow-line.ts)
      'yellowLine',
      // the approval window's open applications around today (seed/demo-approvals.ts)
      'approvals',
      // the demo city's 政协提案 registered three days before (seed/demo-proposals.ts)
      'proposals',
      // the demo gas-pipe project runs through 2024 (seed/demo-projects.ts): its progress is said every period
      'projects',
      // the 2024 plan items (seed/demo-targets.ts): 完成/未完成 as of the period
      'targets',
    ]);
    const overview = r.sections[0].paragraphs.join('');
    expect(overview).toContain('共受理问题3件，其中立案2件，作废1件');
    expect(overview).toContain('结案2件，结案率100%');
    expect(overview).toContain('监督员巡查上报3件，占受理总数的100%');
    const units = r.sections.find((x: { key: string }) => x.key === 'units').tables[0];
    const sanitation = units.rows.find((row: { name: string }) => row.name.includes('环卫'));
    expect(sanitation).toMatchObject({ dispatched: 2, closed: 2, closeRate: 100 });
    expect(res.body).not.toContain('NaN');
  });

  it('says English counts with plural rules: 1 case, 2 cases, never "1 cases"', async () => {
    const r = (await api('leader').get(`/api/reports/statistics?${Q}&lang=en`)).json();
    const all = r.sections.flatMap((x: { paragraphs: string[] }) => x.paragraphs).join(' ');
    expect(all).toContain('3 problems were received, 2 filed and 1 voided; of 2 cases due, 2 were closed');
    expect(all).not.toMatch(/\b1 (cases|problems|revisits|hours)\b|\b1 \w+ were\b|plural/);
    const units = (dispatched: number) =>
      translate('en', 'report.text.units', {
        dispatched,
        handled: 1,
        handleRate: '-',
        onTimeHandleRate: '-',
        extended: 0,
        suspended: 0,
      });
    expect(units(1)).toMatch(/^1 case was dispatched;/);
    expect(units(2)).toMatch(/^2 cases were dispatched;/);
  });

  it('writes a Word document carrying the same sentences', async () => {
    const res = await api('leader').get(`/api/reports/statistics.docx?${Q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const body = text(await zip.file('word/document.xml')!.async('string'));
    expect(body).toContain('大冶市数字城管运行情况统计报告（2024年3月）');
    expect(body).toContain('共受理问题3件，其中立案2件，作废1件');
    expect(body).toContain('按处置单位统计');
  });

  it('dates the document in the city time zone, not the server one', async () => {
    // At TEST_NOW (02:00 UTC on 03-12) it is 16:00 on 03-11 in a city ten hours behind UTC.
    const tenants = () => ctx.database.db.updateTable('tenants').where('code', '=', '420281');
    await tenants().set({ timezone: 'Pacific/Honolulu' }).execute();
    try {
      const res = await api('leader').get(`/api/reports/statistics.docx?${Q}`);
      const body = text(await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string'));
      expect(body).toContain('生成时间：2024-03-11 16:00');
      expect((await api('leader').get(`/api/reports/statistics?${Q}`)).json().timeZone).toBe('Pacific/Honolulu');
    } finally {
      await tenants().set({ timezone: 'Asia/Shanghai' }).execute();
    }
  });

  it('writes an Excel workbook of its tables', async () => {
    const res = await api('leader').get(`/api/reports/statistics.xlsx?${Q}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('按处置单位统计');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(2).values as unknown[]).slice(1);
    const row = sheet!.getRows(3, sheet!.rowCount - 2)!.find((r) => String(r.getCell(1).value).includes('环卫'));
    expect(row).toBeDefined();
    expect(row!.getCell(header.indexOf('结案数') + 1).value).toBe(2);
    expect(row!.getCell(header.indexOf('结案率（%）') + 1).value).toBe(100);
    const channels = wb.getWorksheet('按来源统计')!;
    expect(String(channels.getRow(3).getCell(1).value)).toBe('监督员上报');
    expect(channels.getRow(3).getCell(2).value).toBe(3);
  });

  it('gives "no data" for an empty period and 400 for a malformed one', async () => {
    const empty = await api('leader').get('/api/reports/statistics?period=year&at=2019');
    expect(empty.statusCode).toBe(200);
    expect(empty.json().noData).toBe(true);
    expect(empty.json().sections[0].paragraphs).toEqual(['本期暂无案件数据。']);
    expect(empty.body).not.toContain('NaN');
    expect((await api('leader').get('/api/reports/statistics.docx?period=year&at=2019')).statusCode).toBe(200);
    expect((await api('leader').get('/api/reports/statistics?period=quarter&at=2024-03')).statusCode).toBe(400);
    expect((await api('inspector').get(`/api/reports/statistics?${Q}`)).statusCode).toBe(403);
  });

  it("takes a business module's section through the one interface, in order", async () => {
    const kpi = createKpiService(ctx.database, ctx.clock, ctx.app.services.settings);
    const reports = createReportService(ctx.database, ctx.clock, kpi, [
      {
        key: 'petition',
        order: 800,
        build: async (c) => ({
          key: 'petition',
          title: '八、信访工作',
          paragraphs: [`${c.periodText}共处理各类投诉594件，办结率${c.pct(100)}、满意率${c.pct(100)}。`],
          tables: [],
        }),
      },
    ]);
    const tenantId = (
      await ctx.database.db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow()
    ).id;
    const r = await reports.build(tenantId, { period: 'month', at: '2024-03' });
    expect(r.sections.at(-1)).toEqual({
      key: 'petition',
      title: '八、信访工作',
      paragraphs: ['2024年3月共处理各类投诉594件，办结率100%、满意率100%。'],
      tables: [],
    });
  });
});

describe('command dashboard', () => {
  it('summarises open cases, today, rates, overdue, ranking and a 30-day trend', async () => {
    const open = await api('inspector').post('/api/cases', {
      matterCode: '09006',
      description: '大屏待受理',
      lng: 114.975,
      lat: 30.1,
    });
    const res = await api('leader').get('/api/dashboard/summary');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.openCases.map((c: { id: string }) => c.id)).toContain(open.json().id);
    expect(d.openCases[0]).toMatchObject({ status: 'reported', sla: 'green' });
    expect(d.openTotal).toBe(1);
    expect(d.todayByChannel).toEqual([{ channel: 'inspector', count: 4 }]);
    expect(d.today).toEqual({ reported: 4, closed: 2 });
    expect(d.rates.monthCloseRate).toBe(100);
    expect(d.trend).toHaveLength(30);
    expect(d.trend.at(-1)).toEqual({ date: '2024-03-12', reported: 4, closed: 2 });
    expect(d.unitRanking[0].name).toContain('环卫');
    expect((await api('unitmanager').get('/api/dashboard/summary')).statusCode).toBe(403);
  });
});
