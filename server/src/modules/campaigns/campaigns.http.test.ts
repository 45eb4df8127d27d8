import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../testing/app-parts.ts';
import { uploadPhoto } from '../../testing/photo.fixtures.ts';
import { seedUnits } from '../org/index.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 专项行动 over HTTP on the seeded demo city (clock frozen at 2024-03-12 10:00 +08:00): a campaign split into unit
 * tasks whose quantity reports sum to the campaign's figure, the ceiling of a target, progress over 100 %, a unit of
 * another city, negative quantities, problem-list rectification, permissions, the audit rows and the report's
 * sentences for the seeded 2023 and for the year under test.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string | null) => as(ctx.app, who ? (sessions[who] ?? null) : null);
const units: Record<string, string> = {};
interface Detail {
  field: string;
  rule: string;
}
const error = (body: string) => (JSON.parse(body) as { error: { code: string; details: Detail[] } }).error;
const count = async (table: 'cp_tasks' | 'cp_reports' | 'cp_problem_lists' | 'cp_problems' | 'cp_campaigns') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = async (action: string) =>
  (await ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'handler', 'operator', 'bureauleader'])
    sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const list = (await api('admin').get('/api/org/units?pageSize=200')).json().items as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
}, 60_000);
afterAll(async () => ctx.close());

const photo = (who: string) => uploadPhoto(ctx.app, sessions[who]!);

interface Campaign {
  id: string;
  campaignNo: string;
  targets: { id: string; name: string; reported: number; target: number; percent: number | null }[];
  taskCount: number;
  doneTasks: number;
}
let campaign: Campaign;
const target = (name: string) => campaign.targets.find((t) => t.name === name)!.id;
const tasks: Record<string, string> = {};

describe('a campaign, its tasks and the quantities the units report', () => {
  it('is created with its targets by the keeper and audited', async () => {
    const res = await api('leader').post('/api/campaigns', {
      name: '测试线缆整治行动',
      kind: 'special',
      verb: '整治',
      startDate: '2024-03-01',
      targets: [
        { name: '道路', measure: '条', target: 3 },
        { name: '线缆', measure: '米', target: 1000, overrunPct: 10 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json();
    expect(campaign.campaignNo).toMatch(/^ZX2024-\d{3}$/);
    expect(campaign.targets.map((t) => [t.name, t.target, t.reported])).toEqual([
      ['道路', 3, 0],
      ['线缆', 1000, 0],
    ]);
    expect(await audits('campaign.create')).toBe(1);
    // a campaign of a year the demo seeded takes the next number of that year's sequence
    const earlier = await api('leader').post('/api/campaigns', {
      name: '补录行动',
      kind: 'creation',
      startDate: '2023-05-22',
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    expect(earlier.json().campaignNo).toBe('ZX2023-003');
  });

  it('splits into tasks for units, due on working days of the calendar', async () => {
    const a = await api('leader').post(`/api/campaigns/${campaign.id}/tasks`, {
      title: '环卫所辖区线缆整治',
      unitId: units.SANITATION,
      dueDate: '2024-03-29',
    });
    expect(a.statusCode, a.body).toBe(201);
    tasks.sanitation = a.json().id;
    const b = await api('leader').post(`/api/campaigns/${campaign.id}/tasks`, {
      title: '园林所辖区线缆整治',
      unitId: units.PARKS,
      workDays: 5,
    });
    expect(b.statusCode, b.body).toBe(201);
    // five working days from Tuesday 12 March 2024
    expect(b.json().dueDate).toBe('2024-03-19');
    tasks.parks = b.json().id;
    expect(await audits('campaign.task.create')).toBe(2);
  });

  it('sums the units’ reports, with photos as evidence, into the campaign figure', async () => {
    const evidence = await photo('handler');
    const own = await api('handler').post(`/api/campaigns/tasks/${tasks.sanitation}/reports`, {
      targetId: target('道路'),
      quantity: 2,
      onDate: '2024-03-11',
      photoIds: [evidence],
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().photoIds).toEqual([evidence]);
    // the evidence is seen by those who see the report, not by a role without the campaign grant
    expect((await api('leader').get(`/api/photos/${evidence}/thumb`)).statusCode).toBe(200);
    expect((await api('operator').get(`/api/photos/${evidence}/thumb`)).statusCode).toBe(404);
    const parks = await api('admin').post(`/api/campaigns/tasks/${tasks.parks}/reports`, {
      targetId: target('道路'),
      quantity: 1,
      onDate: '2024-03-12',
    });
    expect(parks.statusCode, parks.body).toBe(201);
    for (const q of [600, 500])
      expect(
        (
          await api('handler').post(`/api/campaigns/tasks/${tasks.sanitation}/reports`, {
            targetId: target('线缆'),
            quantity: q,
            onDate: '2024-03-12',
          })
        ).statusCode,
      ).toBe(201);
    campaign = (await api('leader').get(`/api/campaigns/${campaign.id}`)).json();
    expect(campaign.targets.map((t) => [t.name, t.reported, t.percent])).toEqual([
      ['道路', 3, 100],
      ['线缆', 1100, 110],
    ]);
    const reports = (await api('leader').get(`/api/campaigns/${campaign.id}/reports`)).json();
    expect(reports.total).toBe(4);
    // the unit sees its own reports only
    expect((await api('handler').get(`/api/campaigns/${campaign.id}/reports`)).json().total).toBe(3);
    expect(await audits('campaign.report.create')).toBe(4);
  });

  it('refuses a report past the target and its allowance, whole', async () => {
    const before = await count('cp_reports');
    const road = await api('admin').post(`/api/campaigns/tasks/${tasks.parks}/reports`, {
      targetId: target('道路'),
      quantity: 1,
      onDate: '2024-03-12',
    });
    expect(road.statusCode).toBe(400);
    expect(error(road.body).code).toBe('CAMPAIGN_OVER_TARGET');
    expect(error(road.body).details).toEqual([expect.objectContaining({ field: 'body.quantity', rule: 'ceiling' })]);
    // 1000 m with 10 % allowance: 1100 is reached, one metre more is refused
    const cable = await api('handler').post(`/api/campaigns/tasks/${tasks.sanitation}/reports`, {
      targetId: target('线缆'),
      quantity: 1,
      onDate: '2024-03-12',
    });
    expect(cable.statusCode).toBe(400);
    expect(await count('cp_reports')).toBe(before);
  });

  it('refuses negative and zero quantities, progress over 100 % and another unit’s task', async () => {
    const before = await count('cp_reports');
    for (const quantity of [-5, 0]) {
      const res = await api('handler').post(`/api/campaigns/tasks/${tasks.sanitation}/reports`, {
        targetId: target('线缆'),
        quantity,
        onDate: '2024-03-12',
      });
      expect(res.statusCode).toBe(400);
      expect(error(res.body).details).toEqual([expect.objectContaining({ field: 'body.quantity' })]);
    }
    expect(await count('cp_reports')).toBe(before);
    const over = await api('handler').post(`/api/campaigns/tasks/${tasks.sanitation}/progress`, { progressPct: 101 });
    expect(over.statusCode).toBe(400);
    expect(error(over.body).details).toEqual([expect.objectContaining({ field: 'body.progressPct' })]);
    expect((await api('handler').get(`/api/campaigns/tasks/${tasks.sanitation}`)).json().progressPct).toBe(0);
    // the parks task is not the handler's: the same 404 as a missing one
    const other = await api('handler').post(`/api/campaigns/tasks/${tasks.parks}/progress`, { progressPct: 50 });
    expect(other.statusCode).toBe(404);
    const done = await api('handler').post(`/api/campaigns/tasks/${tasks.sanitation}/progress`, { progressPct: 100 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', progressPct: 100 });
    expect(await audits('campaign.task.progress')).toBe(1);
  });

  it('refuses a task for a unit outside the city or due on a rest day, writing nothing', async () => {
    const { tenantId } = await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '420202', name: '黄石港区' },
      { username: 'admin', password: 'Other#2024x' },
    );
    const foreign = await seedUnits(ctx.database.db, tenantId, ctx.clock, [
      { code: 'OTHER', name: '外市环卫所', kind: 'sanitation', regionId: null, synthetic: true },
    ]);
    const before = await count('cp_tasks');
    const res = await api('leader').post(`/api/campaigns/${campaign.id}/tasks`, {
      title: '外市任务',
      unitId: foreign.get('OTHER'),
      dueDate: '2024-03-29',
    });
    expect(res.statusCode).toBe(400);
    expect(error(res.body)).toMatchObject({
      code: 'CAMPAIGN_UNKNOWN_UNIT',
      details: [expect.objectContaining({ field: 'body.unitId' })],
    });
    const saturday = await api('leader').post(`/api/campaigns/${campaign.id}/tasks`, {
      title: '周六到期',
      unitId: units.PARKS,
      dueDate: '2024-03-16',
    });
    expect(saturday.statusCode).toBe(400);
    expect(error(saturday.body).details).toEqual([
      expect.objectContaining({ field: 'body.dueDate', rule: 'workingDay' }),
    ]);
    expect(await count('cp_tasks')).toBe(before);
  });
});

describe('problem lists and their rectification', () => {
  let listId = '';
  it('refuses a 巡察 list whose item has no class, writing nothing', async () => {
    const [lists, items] = [await count('cp_problem_lists'), await count('cp_problems')];
    const res = await api('leader').post('/api/problem-lists', {
      kind: 'inspection',
      name: '测试巡察反馈',
      issuedOn: '2024-03-01',
      items: [{ className: '甲类', title: '问题一' }, { title: '问题二' }],
    });
    expect(res.statusCode).toBe(400);
    expect(error(res.body).details).toEqual([expect.objectContaining({ field: 'body.items.1.className' })]);
    expect([await count('cp_problem_lists'), await count('cp_problems')]).toEqual([lists, items]);
  });

  it('takes items open → rectifying → rectified with measures, and a rectified item no further', async () => {
    const res = await api('leader').post('/api/problem-lists', {
      kind: 'inspection',
      name: '测试巡察反馈',
      issuedOn: '2024-03-01',
      source: '测试巡察组',
      items: [
        { className: '甲类', title: '问题一', unitId: units.SANITATION },
        { className: '甲类', title: '问题二', unitId: units.SANITATION },
        { className: '乙类', title: '问题三', unitId: units.PARKS },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ itemCount: 3, classCount: 2, counts: { open: 3 } });
    listId = res.json().id;
    const items = (await api('handler').get(`/api/problem-lists/${listId}/items`)).json().items as { id: string }[];
    const first = items[0]!.id;
    const step = (who: string, body: unknown, id = first) => api(who).post(`/api/problems/${id}/step`, body);
    expect((await step('handler', { action: 'finish', measures: '已整改' })).statusCode).toBe(409);
    expect((await step('handler', { action: 'start' })).json().status).toBe('rectifying');
    const bare = await step('handler', { action: 'finish' });
    expect(bare.statusCode).toBe(400);
    expect(error(bare.body).details).toEqual([expect.objectContaining({ field: 'body.measures' })]);
    const evidence = await photo('handler');
    const done = await step('handler', { action: 'finish', measures: '建立台账，逐项销号', photoIds: [evidence] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'rectified', rectifiedOn: '2024-03-12', photoIds: [evidence] });
    for (const action of ['start', 'finish']) {
      const again = await step('handler', { action, measures: '再次整改' });
      expect(again.statusCode).toBe(409);
      expect(error(again.body).code).toBe('CAMPAIGN_PROBLEM_TRANSITION');
    }
    // the parks item is not the handler's unit's
    expect((await step('handler', { action: 'start' }, items[2]!.id)).statusCode).toBe(403);
    expect([await audits('campaign.problem.start'), await audits('campaign.problem.finish')]).toEqual([1, 1]);
    const list = (await api('leader').get(`/api/problem-lists/${listId}`)).json();
    expect(list.counts).toEqual({ open: 2, rectifying: 0, rectified: 1 });
  });
});

describe('permissions', () => {
  it('asks for a session, then for the grant', async () => {
    expect((await api(null).get('/api/campaigns')).statusCode).toBe(401);
    expect((await api('operator').get('/api/campaigns')).statusCode).toBe(403);
    expect((await api('operator').get('/api/publicity')).statusCode).toBe(403);
    expect(
      (await api('handler').post('/api/campaigns', { name: 'x', kind: 'special', startDate: '2024-03-01' })).statusCode,
    ).toBe(403);
    expect(
      (
        await api('bureauleader').post('/api/honours', {
          name: 'x',
          level: 'city',
          awardedOn: '2024-03-01',
          issuer: 'y',
        })
      ).statusCode,
    ).toBe(403);
    expect((await api('bureauleader').get('/api/campaigns')).statusCode).toBe(200);
  });
});

describe('records and the report', () => {
  it('records honours and publicity with their level, refusing dates to come', async () => {
    const future = await api('leader').post('/api/publicity', {
      outlet: '湖北日报',
      level: 'provincial',
      publishedOn: '2024-04-01',
      title: '测试稿件',
    });
    expect(future.statusCode).toBe(400);
    expect(error(future.body).details).toEqual([expect.objectContaining({ field: 'body.publishedOn' })]);
    for (const [outlet, level] of [
      ['湖北日报', 'provincial'],
      ['今日大冶', 'county'],
    ] as const)
      expect(
        (await api('leader').post('/api/publicity', { outlet, level, publishedOn: '2024-03-05', title: '测试稿件' }))
          .statusCode,
      ).toBe(201);
    const honour = await api('leader').post('/api/honours', {
      name: '测试流动红旗',
      level: 'county',
      awardedOn: '2024-03-08',
      issuer: '大冶市人民政府',
    });
    expect(honour.statusCode, honour.body).toBe(201);
    const page = (await api('leader').get('/api/publicity?level=provincial&from=2024-01-01&to=2024-12-31')).json();
    expect(page.total).toBe(1);
    // the log exports with the list's filters; a role without the grant gets none
    const csv = await api('leader').get('/api/exports/publicity.csv?level=provincial&from=2024-01-01&to=2024-12-31');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('湖北日报');
    expect(csv.body).not.toContain('今日大冶');
    expect((await api('operator').get('/api/exports/publicity.csv')).statusCode).toBe(403);
  });

  const sentences = async (year: number, lang: string) => {
    const r = (await api('leader').get(`/api/reports/statistics?period=year&at=${year}&lang=${lang}`)).json();
    return (r.sections as { key: string; paragraphs: string[] }[]).find((s) => s.key === 'campaigns')!.paragraphs;
  };

  it('says the seeded 2023 figures in the bureau’s words', async () => {
    const zh = await sentences(2023, 'zh-CN');
    expect(zh).toContain('开展线缆整治专项行动，整治道路25条、小区40个、线缆25万米');
    expect(zh).toContain('巡察反馈4大类26个问题已全部整改');
    expect(zh).toContain('“一下三民”先后2批次认领问题清单共12个，已全部整改');
    expect(zh).toContain('开展课题研究5个，已结题5个');
    expect(zh).toContain('在省级以上媒体发表宣传稿件63篇、本地媒体83篇，获得荣誉10项');
    const en = await sentences(2023, 'en');
    expect(en).toContain('Carried out the 线缆整治专项行动; completed 道路 25 条, 小区 40 个, 线缆 250,000 米');
    expect(en).toContain('All 26 problems in 4 classes of the inspection feedback have been rectified');
    expect(en).toContain(
      '63 articles published in provincial or national media and 83 in local media; 10 honours received',
    );
  });

  it('says this year’s figures from what was reported, and serves them as figures', async () => {
    const zh = await sentences(2024, 'zh-CN');
    expect(zh).toContain('开展测试线缆整治行动，整治道路3条、线缆1100米');
    expect(zh).toContain('巡察反馈2大类3个问题，已整改1个，整改率33.3%');
    expect(zh).toContain('在省级以上媒体发表宣传稿件1篇、本地媒体1篇，获得荣誉1项');
    const f = (await api('leader').get('/api/campaigns/figures?from=2024-01-01&to=2024-12-31')).json();
    expect(f.campaigns.find((c: { id: string }) => c.id === campaign.id).targets).toEqual([
      { name: '道路', code: null, measure: '条', target: 3, reported: 3 },
      { name: '线缆', code: null, measure: '米', target: 1000, reported: 1100 },
    ]);
    expect(f.inspection).toMatchObject({ lists: 1, classes: 2, items: 3, rectified: 1 });
    expect(f.publicity).toEqual({ provincialOrAbove: 1, local: 1, total: 2 });
    expect((await api('leader').get('/api/campaigns/figures?from=2024-12-31&to=2024-01-01')).statusCode).toBe(400);
  });
});

describe('editing a campaign', () => {
  it('corrects the name, texts and dates with field messages, audits it, and refuses once closed', async () => {
    const created = await api('leader').post('/api/campaigns', {
      name: '编辑测试行动',
      kind: 'special',
      startDate: '2024-03-01',
    });
    const id = created.json().id as string;
    const edited = await api('leader').patch(`/api/campaigns/${id}`, {
      name: ' 编辑后的行动 ',
      description: '范围扩大到城区主干道',
      endDate: '2024-06-30',
      verb: '整治',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: '编辑后的行动',
      description: '范围扩大到城区主干道',
      endDate: '2024-06-30',
    });
    expect(await audits('campaign.update')).toBe(1);

    const before = await count('cp_campaigns');
    for (const [body, field] of [
      [{ endDate: '2024-02-01' }, 'body.endDate'],
      [{ name: '   ' }, 'body.name'],
      [{ startDate: '2024-13-01' }, 'body.startDate'],
      [{}, undefined],
    ] as const) {
      const bad = await api('leader').patch(`/api/campaigns/${id}`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(error(bad.body).details.map((d) => d.field)).toContain(field);
    }
    // the number is not editable: an unknown field is dropped at the edge and leaves nothing to change
    expect((await api('leader').patch(`/api/campaigns/${id}`, { campaignNo: 'ZX1999-001' })).statusCode).toBe(400);
    expect(await count('cp_campaigns')).toBe(before);
    expect(await audits('campaign.update')).toBe(1);
    expect((await api('handler').patch(`/api/campaigns/${id}`, { name: '越权' })).statusCode).toBe(403);
    expect((await api('leader').patch('/api/campaigns/nope', { name: '不存在' })).statusCode).toBe(404);

    expect((await api('leader').post(`/api/campaigns/${id}/close`)).statusCode).toBe(200);
    const closed = await api('leader').patch(`/api/campaigns/${id}`, { name: '关闭后修改' });
    expect(closed.statusCode).toBe(409);
    expect(error(closed.body).code).toBe('CAMPAIGN_CLOSED');
  });
});
