import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadPhoto } from '../../testing/photo.fixtures.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 目标任务 over HTTP on the seeded demo city (clock at 2024-03-12 +08:00 unless a test moves it): each bad field
 * refused with its own message, a figure target's progress following the records behind its figure, manual progress
 * with evidence photos, the statuses on fixed days, who may do what, and the report's 完成/未完成 sentence.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const units: Record<string, string> = {};
let town = '';
const NOW = new Date('2024-03-12T02:00:00.000Z');
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string; message: string }[] } }).error.details.map((d) => d.field);

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'unitmanager', 'operator']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const list = (await api('admin').get('/api/org/units?pageSize=200')).json().items as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
  const regions = (await api('admin').get('/api/org/regions?pageSize=200')).json().items as {
    id: string;
    kind: string;
  }[];
  town = regions.find((r) => r.kind === 'street' || r.kind === 'town')!.id;
  // a fresh PostgreSQL schema from the template, on a shared machine, can take longer than the default
}, 120_000);
afterAll(async () => ctx.close());

let seq = 0;
const create = async (over: Record<string, unknown> = {}, who = 'leader') => {
  seq += 1;
  const res = await api(who).post('/api/targets', {
    year: 2024,
    code: `X${seq}`,
    title: `测试目标${seq}`,
    unitId: units.SANITATION,
    kind: 'manual',
    comparison: 'gte',
    measureUnit: '个',
    targetValue: 10,
    dueOn: '2024-12-31',
    ...over,
  });
  return res;
};
const created = async (over: Record<string, unknown> = {}) => {
  const res = await create(over);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; value: number | null; status: string; quarters: { value: number | null }[] };
};
/** Moves the clock and signs the leader in again (a session does not outlive months of frozen time). */
const moveTo = async (at: string | Date) => {
  ctx.clock.set(new Date(at));
  sessions.leader = await login(ctx.app, 'leader', 'Demo@12345');
};
const get = async (id: string) => (await api('leader').get(`/api/targets/${id}`)).json();

describe('targets', () => {
  it('lists the demo plan with figure and manual targets', async () => {
    const page = (await api('leader').get('/api/targets?year=2024&pageSize=50')).json();
    const codes = page.items.map((t: { code: string }) => t.code);
    expect(codes.slice(0, 7)).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07']);
    const t06 = page.items.find((t: { code: string }) => t.code === 'T06');
    expect(t06).toMatchObject({ kind: 'manual', value: 2, share: 20, unitName: '环卫所' });
    const t01 = page.items.find((t: { code: string }) => t.code === 'T01');
    expect(t01).toMatchObject({ kind: 'figure', figureLabel: expect.any(String), figureUnit: 'm2' });
    // the list's search and the computed status filter
    const found = (await api('leader').get('/api/targets?year=2024&q=垃圾分类')).json();
    expect(found.items.map((t: { code: string }) => t.code)).toEqual(['T06']);
    const statuses = (await api('leader').get('/api/targets?year=2024&status=behind&pageSize=50')).json();
    expect(statuses.items.every((t: { status: string }) => t.status === 'behind')).toBe(true);
  });

  it('refuses each bad field with its own message and writes nothing', async () => {
    const before = (await api('leader').get('/api/targets?pageSize=1')).json().total;
    const figure = await create({
      kind: 'figure',
      figureKey: 'nothing.here',
      unitId: '01900000-0000-7000-8000-000000000000',
      dueOn: '2025-01-31',
    });
    expect(figure.statusCode).toBe(400);
    expect(fields(figure.body).sort()).toEqual(['body.dueOn', 'body.figureKey', 'body.unitId']);
    const manual = await create({ measureUnit: ' ', title: '  ' });
    expect(fields(manual.body).sort()).toEqual(['body.measureUnit', 'body.title']);
    const noFigure = await create({ kind: 'figure' });
    expect(fields(noFigure.body)).toEqual(['body.figureKey']);
    // a target's own section is not a measure
    const self = await create({ kind: 'figure', figureKey: 'targets.met' });
    expect(fields(self.body)).toEqual(['body.figureKey']);
    const schema = await create({ targetValue: -1, year: 1999 });
    expect(schema.statusCode).toBe(400);
    expect(fields(schema.body)).toEqual(expect.arrayContaining(['body.targetValue', 'body.year']));
    const dup = await create({ code: 'T01' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('TARGET_DUPLICATE_CODE');
    expect((await api('leader').get('/api/targets?pageSize=1')).json().total).toBe(before);
  });

  it("follows the figure: a demolition moves a target's progress", async () => {
    const t = await created({
      kind: 'figure',
      figureKey: 'illegalConstruction.bureauAreaM2',
      unitId: units.ENFORCE,
      targetValue: 1_000_000,
    });
    const start = (await get(t.id)).value as number;
    const dem = await api('admin').post('/api/illegal-construction/demolitions', {
      demolishedOn: '2024-03-10',
      regionId: town,
      address: '金湖大道88号',
      lng: 114.97,
      lat: 30.1,
      areaM2: 321,
      structure: 'steel',
      lead: 'bureau',
      units: '执法局',
      people: 5,
    });
    expect(dem.statusCode, dem.body).toBe(201);
    const after = await get(t.id);
    expect(after.value).toBe(start + 321);
    // the report's own figure for the same range says the same
    const report = (
      await api('leader').get('/api/reports/statistics?period=custom&from=2024-01-01&to=2024-03-12')
    ).json();
    const fig = report.sections
      .flatMap((s: { figures?: { key: string; value: number }[] }) => s.figures ?? [])
      .find((f: { key: string }) => f.key === 'illegalConstruction.bureauAreaM2');
    expect(fig.value).toBe(after.value);
    expect(after.quarters[0].value).toBe(after.value);
    expect(after.quarters[1].value).toBeNull();
  });

  it('takes the latest progress report with its evidence, from the owner unit only', async () => {
    const t = await created({ targetValue: 8 });
    const photo = await uploadPhoto(ctx.app, sessions.unitmanager!);
    const res = await api('unitmanager').post(`/api/targets/${t.id}/reports`, {
      value: 3,
      reportedOn: '2024-03-01',
      note: '完成3个',
      photoIds: [photo],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ value: 3, share: 37.5 });
    expect(res.json().reports[0]).toMatchObject({ value: 3, photoIds: [photo], createdByName: '赵所长' });
    // the evidence is visible to a reader of the targets
    expect((await api('leader').get(`/api/photos/${photo}`)).statusCode).toBe(200);
    // an earlier-dated report does not replace the latest value
    const older = await api('unitmanager').post(`/api/targets/${t.id}/reports`, { value: 1, reportedOn: '2024-02-01' });
    expect(older.json().value).toBe(3);
    // a photo already used, a future date, a date before the year
    const bad = await api('unitmanager').post(`/api/targets/${t.id}/reports`, {
      value: 4,
      reportedOn: '2024-03-13',
    });
    expect(fields(bad.body)).toEqual(['body.reportedOn']);
    const reused = await api('unitmanager').post(`/api/targets/${t.id}/reports`, {
      value: 4,
      reportedOn: '2024-03-12',
      photoIds: [photo],
    });
    expect(reused.statusCode).toBe(400);
    expect(fields(reused.body)).toEqual(['body.photoIds.0']);
    // a figure target takes no reports
    const fig = await created({ kind: 'figure', figureKey: 'outdoorAds.removed', unitId: units.SANITATION });
    const none = await api('unitmanager').post(`/api/targets/${fig.id}/reports`, {
      value: 1,
      reportedOn: '2024-03-01',
    });
    expect(fields(none.body)).toEqual(['body.value']);
  });

  it('lets a unit report on its own targets only, and never edit one', async () => {
    const other = await created({ unitId: units.GAS });
    const own = await created({ unitId: units.SANITATION });
    expect(
      (await api('unitmanager').post(`/api/targets/${other.id}/reports`, { value: 1, reportedOn: '2024-03-01' }))
        .statusCode,
    ).toBe(403);
    expect((await api('unitmanager').patch(`/api/targets/${own.id}`, { targetValue: 1 })).statusCode).toBe(403);
    expect((await api('unitmanager').patch(`/api/targets/${other.id}`, { targetValue: 1 })).statusCode).toBe(403);
    expect((await create({}, 'unitmanager')).statusCode).toBe(403);
    // the unit sees the whole plan and which targets it may report on
    const list = (await api('unitmanager').get('/api/targets?pageSize=200')).json();
    const mine = list.items.find((t: { id: string }) => t.id === own.id);
    const theirs = list.items.find((t: { id: string }) => t.id === other.id);
    expect([mine.canReport, theirs.canReport]).toEqual([true, false]);
    // no targets.read: the operator gets nothing
    expect((await api('operator').get('/api/targets')).statusCode).toBe(403);
    // an edit by a leader is audited
    const patched = await api('leader').patch(`/api/targets/${other.id}`, { targetValue: 12, notes: '调整' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ targetValue: 12, notes: '调整' });
    const audit = (await api('admin').get(`/api/audit?entity=target&pageSize=50`)).json();
    const actions = audit.items
      .filter((a: { entityId: string }) => a.entityId === other.id)
      .map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['target.create', 'target.update']));
  });

  it('says 已完成, 进行中, 滞后 and 未完成 by the rule, on fixed days', async () => {
    const t = await created({ targetValue: 10, dueOn: '2024-06-30' });
    const report = (value: number, reportedOn: string) =>
      api('leader').post(`/api/targets/${t.id}/reports`, { value, reportedOn });
    try {
      // 2024-03-12: 72 of the 182 days to the due date have passed (39.6 %)
      expect((await report(4, '2024-03-10')).json()).toMatchObject({ status: 'onTrack', elapsed: 39.6 });
      expect((await report(3, '2024-03-11')).json().status).toBe('behind');
      await moveTo('2024-05-01T02:00:00.000Z');
      expect((await report(10, '2024-05-01')).json().status).toBe('done');
      await moveTo('2024-07-02T02:00:00.000Z');
      const after = await get(t.id);
      expect(after).toMatchObject({ status: 'done', asOf: '2024-06-30', value: 10 });
      expect(after.quarters.map((q: { value: number | null }) => q.value)).toEqual([3, 10, 10, null]);
      expect(after.quarters.map((q: { share: number | null }) => q.share)).toEqual([30, 100, 100, null]);
      const late = await created({ targetValue: 5, dueOn: '2024-06-30' });
      expect((await get(late.id)).status).toBe('missed');
      // the export carries the quarterly view
      const csv = await api('leader').get('/api/exports/targets.csv?year=2024&pageSize=200');
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('一季度末');
      expect(csv.body).toContain('已完成');
    } finally {
      await moveTo(NOW);
    }
  });

  it("writes the year's 完成/未完成 into the report, bound as {{targets.met|2024}}", async () => {
    try {
      await moveTo('2025-01-15T02:00:00.000Z');
      const report = (await api('leader').get('/api/reports/statistics?period=year&at=2024')).json();
      const s = report.sections.find((x: { key: string }) => x.key === 'targets');
      const list = (await api('leader').get('/api/targets?year=2024&pageSize=200')).json();
      const met = list.items.filter((t: { status: string }) => t.status === 'done').length;
      expect(s.title).toBe('目标任务完成情况');
      expect(s.paragraphs[0]).toContain(`2024年确定目标任务${list.total}项，完成${met}项：`);
      expect(s.paragraphs[0]).toContain('创建垃圾分类示范小区和示范湾组10个（未完成）');
      const figures = new Map(s.figures.map((f: { key: string; value: number }) => [f.key, f.value]));
      expect(figures.get('targets.total')).toBe(list.total);
      expect(figures.get('targets.met')).toBe(met);
      const yb = (await api('leader').get('/api/yearbook/figures?year=2024')).json();
      expect(yb.find((f: { key: string }) => f.key === 'targets.met')).toMatchObject({ value: met });
      const en = (await api('leader').get('/api/reports/statistics?period=year&at=2024&lang=en')).json();
      expect(en.sections.find((x: { key: string }) => x.key === 'targets').paragraphs[0]).toContain(
        'Create 10 waste-sorting model communities and villages (not achieved)',
      );
    } finally {
      await moveTo(NOW);
    }
  });
});
