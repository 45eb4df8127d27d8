import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { uploadPhoto } from '../../testing/photo.fixtures.ts';
import { as, createTestApp, firstSignIn, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 巡检 and 服务外包考核 over HTTP on the demo city (clock at 2024-03-12, a Tuesday): checklist errors per item, the
 * schedule generating each inspection once, a failed item opening a work order for the contractor (and a replayed
 * submit opening nothing more), a failed city-management item filing a case, the contractor closing the order with
 * photos, and the month's deductions counted by hand.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, s[who] ?? null);
const IN = [114.98, 30.1] as const;
const ids: Record<string, string> = {};
interface Detail {
  field: string;
  message: string;
}
const details = (body: string) => (JSON.parse(body) as { error: { details: Detail[] } }).error.details;

const checklist = [
  { key: 'pumpRuns', label: '水泵运转正常', kind: 'check', onFail: 'work_order', workDays: 2, photoRequired: true },
  { key: 'wellLevel', label: '前池水位', kind: 'number', min: 0, max: 3, unit: 'm', onFail: 'none' },
  { key: 'garbage', label: '泵站周边垃圾', kind: 'check', onFail: 'case', matterCode: '01001' },
  { key: 'remark', label: '其他情况', kind: 'text', onFail: 'none' },
];

beforeAll(async () => {
  ctx = await createTestApp();
  s.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['inspector', 'leader', 'operator']) s[u] = await login(ctx.app, u, 'Demo@12345');
  const unit = await api('admin').post('/api/org/units', {
    code: 'QJ-BAOJIE',
    name: '清洁养护公司',
    kind: 'contractor',
  });
  expect(unit.statusCode, unit.body).toBe(201);
  ids.contractor = unit.json().id;
  const user = await api('admin').post('/api/org/users', {
    username: 'qj_worker',
    displayName: '外包师傅',
    password: 'Temp@123456',
    unitId: ids.contractor,
    grants: [{ role: 'unitHandler', unitId: ids.contractor, regionId: null }],
  });
  expect(user.statusCode, user.body).toBe(201);
  s.contractor = await firstSignIn(ctx.app, 'qj_worker', 'Temp@123456', 'Chosen@123456');
  const type = await api('admin').post('/api/assets/types', {
    code: 'T-PUMP',
    nameZh: '测试泵站',
    nameEn: 'Test pump',
    line: 'drainage',
    geometryKind: 'point',
    attributeSchema: { type: 'object', properties: {} },
  });
  expect(type.statusCode, type.body).toBe(201);
  ids.type = type.json().id;
  for (const code of ['TP-01', 'TP-02']) {
    const a = await api('admin').post('/api/assets/items', {
      code,
      name: `${code}泵站`,
      typeCode: 'T-PUMP',
      geometry: { type: 'Point', coordinates: [...IN] },
      unitId: ids.contractor,
      attributes: {},
    });
    expect(a.statusCode, a.body).toBe(201);
  }
  const matter = (await api('admin').get('/api/catalog/entries?kind=matter&pageSize=1')).json().items[0];
  checklist[2]!.matterCode = matter.code;
  ids.street = (await api('admin').get(`/api/geo/locate?lng=${IN[0]}&lat=${IN[1]}`)).json().street.id;
}, 180_000);
afterAll(async () => ctx.close());

describe('plans', () => {
  it('refuses a checklist with every problem named on its item', async () => {
    const res = await api('admin').post('/api/assets/inspection-plans', {
      name: '坏计划',
      typeId: ids.type,
      scheduleKind: 'weekly',
      schedule: {},
      checklist: [
        { key: 'a', label: '甲', kind: 'number', onFail: 'none' },
        { key: 'a', label: '乙', kind: 'check', onFail: 'case' },
        { key: 'c', label: '丙', kind: 'text', onFail: 'work_order' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const fields = details(res.body).map((d) => d.field);
    expect(fields).toEqual([
      'body.checklist.0.min',
      'body.checklist.1.key',
      'body.checklist.1.matterCode',
      'body.checklist.2.onFail',
      'body.schedule.weekday',
    ]);
    expect(details(res.body)[0]!.message).toBe('数值项「甲」须设下限或上限');
  });

  it('generates each asset\u2019s inspection once per due date', async () => {
    const plan = await api('admin').post('/api/assets/inspection-plans', {
      name: '泵站周检',
      typeId: ids.type,
      scheduleKind: 'weekly',
      schedule: { weekday: 2 },
      checklist,
    });
    expect(plan.statusCode, plan.body).toBe(201);
    ids.plan = plan.json().id;
    const gen = () => api('admin').post('/api/assets/inspection-plans/generate?from=2024-03-11&to=2024-03-24', {});
    // the demo city's own plans generate theirs too; this plan adds its four, and a second run adds nothing
    expect((await gen()).json().added).toBeGreaterThanOrEqual(4);
    expect((await gen()).json()).toEqual({ added: 0 });
    const mine = (await api('inspector').get(`/api/assets/my-inspections?planId=${ids.plan}`)).json();
    expect(mine.items.map((i: { dueDate: string; assetCode: string }) => `${i.dueDate} ${i.assetCode}`)).toEqual([
      '2024-03-12 TP-01',
      '2024-03-12 TP-02',
      '2024-03-19 TP-01',
      '2024-03-19 TP-02',
    ]);
    ids.first = mine.items[0].id;
    ids.second = mine.items[1].id;
  });
  it('names an inspector only among the active users who inspect', async () => {
    const people = await api('admin').get('/api/assets/inspection-plans/inspectors');
    expect(people.statusCode, people.body).toBe(200);
    const items = people.json().items as { id: string; displayName: string }[];
    const inspector = (await api('inspector').get('/api/auth/me')).json().user.id as string;
    const operator = (await api('operator').get('/api/auth/me')).json().user.id as string;
    expect(items.map((u) => u.id)).toContain(inspector);
    expect(items.map((u) => u.id)).not.toContain(operator);
    expect((await api('operator').get('/api/assets/inspection-plans/inspectors')).statusCode).toBe(403);
    const body = { name: '指定巡检员', typeId: ids.type, scheduleKind: 'daily', schedule: {}, checklist };
    const refused = await api('admin').post('/api/assets/inspection-plans', { ...body, inspectorId: operator });
    expect(refused.statusCode).toBe(400);
    expect(details(refused.body).map((d) => d.field)).toEqual(['body.inspectorId']);
    const named = await api('admin').post('/api/assets/inspection-plans', {
      ...body,
      inspectorId: inspector,
      active: false,
    });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({
      inspectorId: inspector,
      inspectorName: items.find((u) => u.id === inspector)!.displayName,
    });
  });
});

describe('an inspection', () => {
  it('names the missing results and the missing photo', async () => {
    const res = await api('inspector').post(`/api/assets/inspections/${ids.first}/submit`, {
      results: [{ key: 'pumpRuns', ok: false }],
    });
    expect(res.statusCode).toBe(400);
    expect(details(res.body).map((d) => d.field)).toEqual([
      'body.results.0.photoIds',
      'body.results.1.value',
      'body.results.1.ok',
    ]);
  });

  it('fails into a work order for the contractor and a case, once however often it is sent', async () => {
    const photo = await uploadPhoto(ctx.app, s.inspector!);
    const body = {
      results: [
        { key: 'pumpRuns', ok: false, photoIds: [photo], text: '2号泵异响' },
        { key: 'wellLevel', value: 1.2 },
        { key: 'garbage', ok: false, text: '泵站门口堆放垃圾' },
      ],
    };
    const send = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/assets/inspections/${ids.first}/submit`,
        payload: body,
        headers: { cookie: s.inspector!.cookie, 'x-csrf-token': s.inspector!.csrf, 'idempotency-key': 'insp-key-0001' },
      });
    const res = await send();
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json();
    expect(done.state).toBe('done');
    expect(done.failedCount).toBe(2);
    const [pump, level, garbage] = done.items;
    expect(level.failed).toBe(false);
    expect(pump.orderNo).toMatch(/^YH2024-\d{5}$/);
    expect(garbage.caseNo).toMatch(/^\d{6}-20240312-\d{5}$/);
    expect((await send()).json().items[0].orderNo).toBe(pump.orderNo);
    const orders = (await api('admin').get('/api/assets/work-orders?pageSize=100')).json().items as {
      id: string;
      inspectionId: string | null;
      unitId: string;
      beforePhotoIds: string[];
    }[];
    const fromInspection = orders.filter((o) => o.inspectionId === ids.first);
    expect(fromInspection).toHaveLength(1);
    expect(fromInspection[0]!.unitId).toBe(ids.contractor);
    expect(fromInspection[0]!.beforePhotoIds).toEqual([photo]);
    ids.order = fromInspection[0]!.id;
    const c = await api('operator').get(`/api/cases/${garbage.caseId}`);
    expect(c.json().channel).toBe('inspector');
    const again = await api('inspector').post(`/api/assets/inspections/${ids.first}/submit`, body);
    expect(again.statusCode).toBe(409);
  });

  it('is closed by the contractor with after-photos', async () => {
    await api('contractor').post(`/api/assets/work-orders/${ids.order}/steps`, { action: 'start' });
    const photo = await uploadPhoto(ctx.app, s.contractor!);
    const res = await api('contractor').post(`/api/assets/work-orders/${ids.order}/steps`, {
      action: 'finish',
      afterPhotoIds: [photo],
      quantity: 1,
      quantityUnit: 'unit',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('done');
    const neg = await api('contractor').post(`/api/assets/work-orders/${ids.order}/steps`, {
      action: 'finish',
      quantity: -1,
      quantityUnit: 'unit',
    });
    expect(neg.statusCode).toBe(400);
  });
});

describe('the monthly assessment', () => {
  it('deducts per overdue case in the area, failed item and overdue order, as configured', async () => {
    const contract = await api('admin').post('/api/assets/contracts', {
      contractNo: 'WB-2024-01',
      name: '泵站养护外包',
      unitId: ids.contractor,
      line: 'drainage',
      regionIds: [ids.street],
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      rules: [
        { kind: 'overdue_case', points: 2 },
        { kind: 'failed_item', points: 1 },
        { kind: 'overdue_work_order', points: 3 },
      ],
    });
    expect(contract.statusCode, contract.body).toBe(201);
    const id = contract.json().id;
    const sheet = async () => (await api('leader').get(`/api/assets/contracts/${id}/assessment?month=2024-03`)).json();
    const before = await sheet();
    expect(before.deductions.map((d: { count: number }) => d.count)).toEqual([0, 2, 0]);
    // two more cases reported in the street, dispatched, and left past their handling deadline
    const staff = await staffSessions(ctx.app);
    const sanitation = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0].id;
    for (const d of ['路面破损一处', '井盖缺失一处']) {
      const r = await api('inspector').post('/api/cases', {
        matterCode: checklist[2]!.matterCode,
        description: d,
        lng: IN[0],
        lat: IN[1],
      });
      expect(r.statusCode, r.body).toBe(201);
      const caseId = r.json().id;
      await step(ctx.app, staff, 'operator', caseId, { action: 'accept' });
      const conditions = (
        await api('admin').get(`/api/catalog/conditions?matterCode=${checklist[2]!.matterCode}`)
      ).json().items;
      await step(ctx.app, staff, 'shiftleader', caseId, {
        action: 'file',
        ...(conditions[0] ? { filingConditionId: conditions[0].id } : {}),
      });
      await step(ctx.app, staff, 'dispatcher', caseId, { action: 'dispatch', unitId: sanitation });
    }
    ctx.clock.set(new Date('2024-03-29T02:00:00Z'));
    await ctx.app.services.cases.sweep(ctx.clock.now());
    s.leader = await login(ctx.app, 'leader', 'Demo@12345');
    const after = await sheet();
    const [cases, items, orders] = after.deductions;
    expect(cases.count).toBe(2);
    // the pump item and the garbage item failed in the street; the order was finished before its deadline (the
    // case the garbage item filed waits for acceptance, within no handling deadline)
    expect(items.count).toBe(2);
    expect(orders.count).toBe(0);
    // 100 − 2 cases × 2 − 2 items × 1
    expect(after.score).toBe(94);
    expect(after.deductions.map((d: { deducted: number }) => d.deducted)).toEqual([4, 2, 0]);
    const pdf = await api('leader').get(`/api/assets/contracts/${id}/assessment.pdf?month=2024-03`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await api('leader').get(`/api/assets/contracts/${id}/assessment.xlsx?month=2024-03`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it('reports completion and on-time rates', async () => {
    const k = (await api('leader').get('/api/assets/inspection-kpis?from=2024-03-01&to=2024-03-31')).json();
    expect(k.inspectionsDone).toBeGreaterThanOrEqual(1);
    expect(k.workOrdersOnTime).toBeGreaterThanOrEqual(1);
    expect(k.onTimeRate).not.toBeNull();
  });
});

describe('the console lists', () => {
  it('pages, searches and sorts the plans and the contracts', async () => {
    const plans = (await api('leader').get('/api/assets/inspection-plans?q=泵站&sort=name&pageSize=2')).json();
    // the demo city's weekly pump-station round and this file's 泵站周检 (seed/demo-inspections.ts)
    expect(plans.total).toBeGreaterThanOrEqual(2);
    expect(plans.items).toHaveLength(2);
    const names = plans.items.map((p: { name: string }) => p.name);
    expect([...names].sort()).toEqual(names);
    const byType = (await api('leader').get('/api/assets/inspection-plans?q=T-PUMP')).json();
    expect(byType.items.map((p: { name: string }) => p.name).sort()).toEqual(['指定巡检员', '泵站周检'].sort());
    const bad = await api('leader').get('/api/assets/inspection-plans?sort=secret');
    expect(bad.statusCode).toBe(400);
    const contracts = (await api('leader').get('/api/assets/contracts?q=wb-2024')).json();
    expect(contracts.items.map((c: { contractNo: string }) => c.contractNo)).toEqual(['WB-2024-01']);
    const none = (await api('leader').get('/api/assets/contracts?q=不存在的合同')).json();
    expect(none).toMatchObject({ items: [], total: 0 });
    const found = (await api('leader').get('/api/assets/inspections?q=TP-01&pageSize=50')).json();
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((i: { assetCode: string }) => i.assetCode === 'TP-01')).toBe(true);
  });

  it('exports the plans and the contracts as the lists show them, to readers of the registers only', async () => {
    const list = (await api('leader').get('/api/assets/inspection-plans?q=T-PUMP&sort=name')).json();
    const csv = await api('leader').get('/api/exports/inspection-plans.csv?q=T-PUMP&sort=name');
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('计划名称');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(list.items.map((p: { name: string }) => p.name));
    expect(lines.some((l) => l.includes('指定巡检员') && l.includes('测试泵站'))).toBe(true);
    const contracts = await api('leader').get('/api/exports/contracts.xlsx?q=wb-2024');
    expect(contracts.statusCode).toBe(200);
    expect(contracts.headers['content-type']).toContain('spreadsheetml');
    const en = await api('leader').get('/api/exports/contracts.csv?q=wb-2024', { 'accept-language': 'en' });
    expect(en.body).toContain('Contract no.');
    expect(en.body).toContain('WB-2024-01');
    // the sessions of the morning ended when the assessment moved the clock on a month
    s.operator = await login(ctx.app, 'operator', 'Demo@12345');
    expect((await api('operator').get('/api/exports/contracts.csv')).statusCode).toBe(403);
  });

  it('gives the report its inspection figures, the same as the KPIs', async () => {
    const k = (await api('leader').get('/api/assets/inspection-kpis?from=2024-03-01&to=2024-03-31')).json();
    const r = (await api('leader').get('/api/reports/statistics?period=month&at=2024-03')).json();
    const section = r.sections.find((x: { key: string }) => x.key === 'inspections');
    const figure = (name: string) =>
      section.figures.find((f: { key: string }) => f.key === `inspections.${name}`)?.value as number | null;
    expect(figure('completionRate')).toBe(k.completionRate);
    expect(figure('onTimeRate')).toBe(k.onTimeRate);
    expect(figure('done')).toBe(k.inspectionsDone);
    expect(section.paragraphs.join('')).toContain('完成率');
    // the yearbook's figure picker offers them
    const picker = await api('leader').get('/api/yearbook/figures?year=2024');
    expect(picker.statusCode, picker.body).toBe(200);
    const keys = picker.json().map((f: { key: string }) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['inspections.completionRate', 'inspections.onTimeRate']));
  });
});
