import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadPhoto } from '../../testing/photo.fixtures.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { projectRef } from './index.ts';

/**
 * Projects and funds over HTTP on the seeded demo city (clock frozen at 2024-03-12 +08:00): the 2023 figures of the
 * work report from the demo data, the roll-up of progress by weights, every bad input refused with its field and
 * nothing written, the audit of each change, photos on a progress report, and who may do what.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const units: Record<string, string> = {};
interface Detail {
  field: string;
  rule: string;
  message: string;
}
const details = (body: string) => (JSON.parse(body) as { error: { details: Detail[] } }).error.details;
const fields = (body: string) => details(body).map((d) => d.field);

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'operator', 'unitmanager', 'bureauleader'])
    sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const list = (await api('admin').get('/api/org/units?pageSize=200')).json().items as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
});
afterAll(async () => ctx.close());

const project = async (over: Record<string, unknown> = {}) => {
  const res = await api('admin').post('/api/projects', {
    name: `测试项目${Math.random().toString(36).slice(2, 8)}`,
    shortName: '测试项目',
    startOn: '2023-01-01',
    endOn: '2024-12-31',
    // 赵所长 (unitmanager) works for 环卫所 and reports on its projects
    unitId: units.SANITATION,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
};
const detail = async (id: string) => (await api('leader').get(`/api/projects/${id}`)).json();
const addSub = async (id: string, name: string, weightBp: number) => {
  const res = await api('admin').post(`/api/projects/${id}/subprojects`, { name, weightBp });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const addMilestone = async (id: string, sub: string, body: Record<string, unknown>) => {
  const res = await api('admin').post(`/api/projects/${id}/subprojects/${sub}/milestones`, {
    name: '节点',
    plannedOn: '2023-06-30',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

describe('the demo city', () => {
  it('says the 2023 figures of the work report in the bureau’s words', async () => {
    const zh = (await api('leader').get('/api/reports/statistics?period=year&at=2023')).json();
    const s = zh.sections.find((x: { key: string }) => x.key === 'projects');
    expect(s.paragraphs[0]).toBe('共争取各类资金2641万元；燃气老化管网改造项目23个子项目已完工22个，总体进度60%');
    expect(s.tables[0].rows).toEqual([
      { source: '专项债', count: 1, amountWan: '800' },
      { source: '中央预算内', count: 1, amountWan: '1841' },
    ]);
    const en = (await api('leader').get('/api/reports/statistics?period=year&at=2023&lang=en')).json();
    expect(en.sections.find((x: { key: string }) => x.key === 'projects').paragraphs[0]).toBe(
      'Funds won from all sources: 2641 × 10,000 yuan; 燃气老化管网改造项目: 22 of 23 subprojects finished, 60% overall',
    );
  });

  it('serves the same figures as KPI cards and the points for the map', async () => {
    const f = (await api('leader').get('/api/projects/figures?from=2023-01-01&to=2023-12-31')).json();
    expect(f.fundsFen).toBe(2_641_000_000);
    expect(f.projectsFunded).toBe(2);
    expect([f.subprojects, f.subprojectsDone]).toEqual([23, 22]);
    const gas = f.projects.find((p: { shortName: string }) => p.shortName === '燃气老化管网改造项目');
    expect(gas.progressPct).toBe(60);
    const map = (await api('leader').get('/api/projects/map')).json();
    expect(map.items.filter((p: { kind: string }) => p.kind === 'subproject')).toHaveLength(23);
    expect(map.items.filter((p: { done: boolean; kind: string }) => p.kind === 'subproject' && p.done)).toHaveLength(
      22,
    );
    const list = (await api('leader').get('/api/projects?q=燃气')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      subprojects: 23,
      subprojectsDone: 22,
      progressPct: 60,
      weightsComplete: true,
    });
  });
});

describe('the roll-up by weights', () => {
  it('weights milestones into a subproject and subprojects into the project; unallotted weight counts as not done', async () => {
    const p = await project();
    const a = await addSub(p.id, '甲', 6000);
    const b = await addSub(p.id, '乙', 3000);
    await addMilestone(p.id, a, { weightBp: 5000, progressPct: 100, completedOn: '2023-05-01' });
    await addMilestone(p.id, a, { weightBp: 5000, progressPct: 40 });
    const m = await addMilestone(p.id, b, { weightBp: 10000, progressPct: 0 });
    let d = await detail(p.id);
    // 甲 = 50 % + 50 % × 40 % = 70 %; project = 60 % × 70 % + 30 % × 0 = 42 %, the missing 10 % counts as not done
    expect(d.subprojectList.map((s: { progressPct: number }) => s.progressPct)).toEqual([70, 0]);
    expect(d.progressPct).toBe(42);
    expect(d.weightsComplete).toBe(false);
    const done = await api('unitmanager').put(`/api/projects/${p.id}/subprojects/${b}/milestones/${m}/progress`, {
      progressPct: 100,
      completedOn: '2024-03-01',
    });
    expect(done.statusCode, done.body).toBe(200);
    const w = await api('admin').put(`/api/projects/${p.id}/weights`, {
      weights: [
        { id: a, weightBp: 5000 },
        { id: b, weightBp: 5000 },
      ],
    });
    expect(w.statusCode, w.body).toBe(200);
    d = await detail(p.id);
    expect(d.progressPct).toBe(85);
    expect([d.subprojects, d.subprojectsDone, d.weightsComplete]).toEqual([2, 1, true]);
    // lowering progress clears the completion date
    await api('unitmanager').put(`/api/projects/${p.id}/subprojects/${b}/milestones/${m}/progress`, {
      progressPct: 90,
    });
    d = await detail(p.id);
    expect(d.subprojectList[1].milestones[0]).toMatchObject({ progressPct: 90, completedOn: null });
  });
});

describe('bad input', () => {
  it('refuses each mistake with its field and writes nothing', async () => {
    const p = await project();
    const a = await addSub(p.id, '甲', 6000);
    const audits = async () =>
      (await api('admin').get(`/api/audit?entity=project&entityId=${p.id}&pageSize=100`)).json().total as number;
    const before = JSON.stringify(await detail(p.id));
    const auditsBefore = await audits();

    const over = await api('admin').post(`/api/projects/${p.id}/subprojects`, { name: '乙', weightBp: 5000 });
    expect(over.statusCode).toBe(400);
    expect(details(over.body)[0]).toMatchObject({ field: 'body.weightBp', rule: 'sum' });
    expect(details(over.body)[0]!.message).toContain('110%');

    const pct = await api('admin').post(`/api/projects/${p.id}/subprojects/${a}/milestones`, {
      name: '节点',
      weightBp: 1000,
      plannedOn: '2023-06-30',
      progressPct: 120,
    });
    expect(pct.statusCode).toBe(400);
    expect(fields(pct.body)).toContain('body.progressPct');

    const negative = await api('admin').post(`/api/projects/${p.id}/funds`, {
      source: 'provincial',
      amountFen: -100,
      wonOn: '2023-05-01',
    });
    expect(negative.statusCode).toBe(400);
    expect(fields(negative.body)).toContain('body.amountFen');

    const outside = await api('admin').post(`/api/projects/${p.id}/subprojects/${a}/milestones`, {
      name: '节点',
      weightBp: 1000,
      plannedOn: '2025-02-01',
      progressPct: 100,
    });
    expect(outside.statusCode).toBe(400);
    expect(details(outside.body)).toEqual([
      expect.objectContaining({ field: 'body.plannedOn', rule: 'range' }),
      expect.objectContaining({ field: 'body.completedOn', rule: 'requiredAtFull' }),
    ]);
    expect(details(outside.body)[0]!.message).toBe('日期须在项目建设期 2023-01-01 至 2024-12-31 之内');

    const sum = await api('admin').put(`/api/projects/${p.id}/weights`, { weights: [{ id: a, weightBp: 9000 }] });
    expect(sum.statusCode).toBe(400);
    expect(details(sum.body)).toEqual([expect.objectContaining({ field: 'body.weights', rule: 'sum' })]);

    const ends = await api('admin').post('/api/projects', { name: '倒序', startOn: '2024-01-01', endOn: '2023-01-01' });
    expect(ends.statusCode).toBe(400);
    expect(fields(ends.body)).toEqual(['body.endOn']);

    expect(JSON.stringify(await detail(p.id))).toBe(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it('keeps a project’s dates around its milestones, and speaks English when asked', async () => {
    const p = await project();
    const a = await addSub(p.id, '甲', 5000);
    await addMilestone(p.id, a, { name: '六月节点', weightBp: 5000, plannedOn: '2024-06-30' });
    const shrink = await api('admin').patch(
      `/api/projects/${p.id}`,
      { endOn: '2024-03-01' },
      { 'accept-language': 'en' },
    );
    expect(shrink.statusCode).toBe(400);
    expect(details(shrink.body)[0]).toMatchObject({ field: 'body.endOn', rule: 'range' });
    expect(details(shrink.body)[0]!.message).toBe('Milestone “六月节点” would fall outside the project period');
    expect((await detail(p.id)).endOn).toBe('2024-12-31');
  });
});

describe('funds, reports and the audit', () => {
  it('records funds, a dated report with photos, and audits every change', async () => {
    const p = await project();
    const fund = await api('bureauleader').post(`/api/projects/${p.id}/funds`, {
      source: 'provincial',
      amountFen: 123_456_789,
      wonOn: '2023-05-01',
      documentNo: '鄂财建〔2023〕1号',
    });
    expect(fund.statusCode, fund.body).toBe(201);
    expect(fund.json().fundsFen).toBe(123_456_789);
    const photoId = await uploadPhoto(ctx.app, sessions.unitmanager!);
    const future = await api('unitmanager').post(`/api/projects/${p.id}/reports`, {
      reportedOn: '2024-04-01',
      text: '进展',
      photoIds: [photoId],
    });
    expect(future.statusCode).toBe(400);
    expect(fields(future.body)).toEqual(['body.reportedOn']);
    const report = await api('unitmanager').post(`/api/projects/${p.id}/reports`, {
      reportedOn: '2024-03-10',
      text: '管道敷设完成三成',
      photoIds: [photoId],
    });
    expect(report.statusCode, report.body).toBe(201);
    const d = await detail(p.id);
    expect(d.reports[0]).toMatchObject({ reportedOn: '2024-03-10', photoIds: [photoId], createdBy: '赵所长' });
    expect((await api('leader').get(`/api/photos/${photoId}/thumb`)).statusCode).toBe(200);
    const stolen = await api('admin').post(`/api/projects/${p.id}/reports`, {
      reportedOn: '2024-03-10',
      text: '再用一次',
      photoIds: [photoId],
    });
    expect(stolen.statusCode).toBe(400);
    expect(fields(stolen.body)).toEqual(['body.photoIds.0']);
    const removed = await api('admin').delete(`/api/projects/${p.id}/funds/${d.funds[0].id}`);
    expect(removed.json().fundsFen).toBe(0);
    const audit = (await api('admin').get(`/api/audit?entity=project&entityId=${p.id}&pageSize=100`)).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual(
      ['project.create', 'project.fund.add', 'project.fund.remove', 'project.report.create'].sort(),
    );
  });
});

describe('exports', () => {
  it('exports the list as CSV with amounts in 万元, audited', async () => {
    const csv = await api('leader').get('/api/exports/projects.csv?q=燃气');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('项目名称');
    expect(csv.body).toContain('大冶市2023年城市燃气管道等老化更新改造项目');
    expect(csv.body).toContain('1841');
    expect((await api('operator').get('/api/exports/projects.csv')).statusCode).toBe(403);
  });
});

describe('the read function for other modules', () => {
  it('names a project of the city and nothing for an unknown id', async () => {
    const p = await project();
    const tenantId = (await api('admin').get('/api/auth/me')).json().user.tenantId as string;
    expect(await projectRef(ctx.database.db, tenantId, p.id)).toEqual({ id: p.id, name: p.name });
    expect(await projectRef(ctx.database.db, tenantId, 'missing')).toBeNull();
    expect(await projectRef(ctx.database.db, 'another-city', p.id)).toBeNull();
  });
});

describe('permissions', () => {
  it('answers 401 without a session and 403 without the grant', async () => {
    expect((await as(ctx.app, null).get('/api/projects')).statusCode).toBe(401);
    expect((await api('operator').get('/api/projects')).statusCode).toBe(403);
    expect((await api('operator').get('/api/projects/figures?from=2023-01-01&to=2023-12-31')).statusCode).toBe(403);
    expect(
      (await api('leader').post('/api/projects', { name: 'x', startOn: '2023-01-01', endOn: '2023-12-31' })).statusCode,
    ).toBe(403);
    const p = await project();
    const a = await addSub(p.id, '甲', 5000);
    const m = await addMilestone(p.id, a, { weightBp: 5000 });
    // the building unit reports progress but does not re-plan
    const replan = await api('unitmanager').patch(`/api/projects/${p.id}/subprojects/${a}/milestones/${m}`, {
      weightBp: 4000,
    });
    expect(replan.statusCode).toBe(403);
    // the bureau leader re-plans it, and only an administrator or the unit reports progress
    const planned = await api('bureauleader').patch(`/api/projects/${p.id}/subprojects/${a}/milestones/${m}`, {
      name: '管道敷设',
      weightBp: 4000,
    });
    expect(planned.statusCode, planned.body).toBe(200);
    expect((await detail(p.id)).subprojectList[0].milestones[0]).toMatchObject({ name: '管道敷设', weightBp: 4000 });
    const progress = `/api/projects/${p.id}/subprojects/${a}/milestones/${m}/progress`;
    expect((await api('bureauleader').put(progress, { progressPct: 10 })).statusCode).toBe(403);
    const over = await api('unitmanager').put(progress, { progressPct: 101 });
    expect(over.statusCode).toBe(400);
    expect(fields(over.body)).toContain('body.progressPct');
    expect(
      (await api('leader').post(`/api/projects/${p.id}/reports`, { reportedOn: '2024-03-01', text: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (
        await api('unitmanager').post(`/api/projects/${p.id}/funds`, {
          source: 'local',
          amountFen: 1,
          wonOn: '2023-05-01',
        })
      ).statusCode,
    ).toBe(403);
  });
});
