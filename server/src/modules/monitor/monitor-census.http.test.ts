import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, firstSignIn, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Per-inspector 漏报 and 专项普查 over HTTP on the demo city (clock frozen at 2024-03-12 10:00 +08).
 * The demo inspector holds grids A and B, a second inspector grid C. Filed today, by hand:
 *   1  the inspector in A                  → his own find, not 漏报
 *   2  a citizen (随手拍) in A             → 漏报 of the inspector
 *   3  the second inspector in B           → 漏报 of the inspector
 *   4  an operator in B                    → 漏报 of the inspector
 *   5  a citizen in A, accepted, not filed → nothing (not a confirmed problem)
 *   6  the inspector in C                  → 漏报 of the second inspector
 * So 漏报: inspector 3 (cases 2, 3, 4), second inspector 1 (case 6); none on the next day.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const ids: Record<string, string> = {};
const api = (who: string) => as(ctx.app, s[who] ?? null);
const spots: { code: string; lng: number; lat: number; streetId: string }[] = [];
const err = (body: string) => {
  const e = (JSON.parse(body) as { error: { code: string; details: { field: string }[] } }).error;
  return [e.code, e.details?.[0]?.field];
};
const cases: Record<number, string> = {};

async function staffReport(who: string, spot: { lng: number; lat: number }, description: string) {
  const res = await api(who).post('/api/cases', { matterCode: '09006', description, lng: spot.lng, lat: spot.lat });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function citizenReport(spot: { lng: number; lat: number }, description: string) {
  const tenantId = (await ctx.app.services.org.publicTenant())!.id;
  const input = {
    channel: 'public' as const,
    matterCode: '09006',
    description,
    lng: spot.lng,
    lat: spot.lat,
    reporterName: '张三',
    reporterPhone: '13912345678',
    source: '市民随手拍',
  };
  return (await ctx.app.services.cases.intake(tenantId, input, { scope: 'test', key: null })).caseId;
}
async function file(id: string) {
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
}

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  ids.inspector = users.find((u) => u.username === 'inspector')!.id;
  const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as { id: string; code: string }[];
  const command = units.find((u) => u.code === 'COMMAND')!.id;
  const created = await api('admin').post('/api/org/users', {
    username: 'second',
    displayName: '第二监督员',
    password: 'Temp#2024x',
    grants: [{ role: 'inspector', unitId: command }],
  });
  expect(created.statusCode, created.body).toBe(201);
  ids.second = created.json().id;
  s.second = await firstSignIn(ctx.app, 'second', 'Temp#2024x', 'Chosen#2024x');
  for (let lng = 114.955; spots.length < 3 && lng < 115.02; lng += 0.004) {
    const res = await api('admin').get(`/api/geo/locate?lng=${lng.toFixed(4)}&lat=30.095`);
    const at = res.statusCode === 200 ? (res.json() as { gridCode: string | null; street: { id: string } }) : null;
    if (at?.gridCode && !spots.some((x) => x.code === at.gridCode))
      spots.push({ code: at.gridCode, lng: Number(lng.toFixed(4)), lat: 30.095, streetId: at.street.id });
  }
  expect(spots).toHaveLength(3);
  const [A, B, C] = spots as [(typeof spots)[0], (typeof spots)[0], (typeof spots)[0]];
  for (const [who, grids] of [
    ['inspector', [A.code, B.code]],
    ['second', [C.code]],
  ] as const) {
    const res = await api('shiftleader').put(`/api/monitor/inspectors/${ids[who]}/grids`, { gridCodes: grids });
    expect(res.statusCode, res.body).toBe(200);
  }
  cases[1] = await staffReport('inspector', A, '1 自己发现');
  cases[2] = await citizenReport(A, '2 市民发现');
  cases[3] = await staffReport('second', B, '3 别的监督员发现');
  cases[4] = await staffReport('operator', B, '4 受理员登记');
  cases[5] = await citizenReport(A, '5 未立案');
  cases[6] = await staffReport('inspector', C, '6 在别人的网格');
  for (const n of [1, 2, 3, 4, 6]) await file(cases[n]!);
  await step(ctx.app, s, 'operator', cases[5]!, { action: 'accept' });
}, 180_000);
afterAll(async () => ctx?.close());

describe('per-inspector 漏报', () => {
  it('counts problems in an inspector’s grids that others found and filed', async () => {
    const res = await api('shiftleader').get('/api/monitor/missed?from=2024-03-12&to=2024-03-12');
    expect(res.statusCode, res.body).toBe(200);
    const of = (id: string) =>
      (res.json().items as { inspectorId: string; missed: number }[]).find((i) => i.inspectorId === id);
    expect(of(ids.inspector!)?.missed).toBe(3);
    expect(of(ids.second!)?.missed).toBe(1);
    const next = await api('shiftleader').get('/api/monitor/missed?from=2024-03-13&to=2024-03-31');
    expect((next.json().items as { missed: number }[]).every((i) => i.missed === 0)).toBe(true);
  });

  it('drills down to exactly those cases, with the total from the roll-up', async () => {
    const res = await api('shiftleader').get(
      `/api/monitor/inspectors/${ids.inspector}/missed?from=2024-03-12&to=2024-03-12&pageSize=2`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(3);
    const page2 = await api('shiftleader').get(
      `/api/monitor/inspectors/${ids.inspector}/missed?from=2024-03-12&to=2024-03-12&pageSize=2&page=2`,
    );
    const seen = [...res.json().items, ...page2.json().items].map((c: { id: string }) => c.id).sort();
    expect(seen).toEqual([cases[2], cases[3], cases[4]].sort());
  });

  it('keeps the grid × reporter roll-up equal to what migration 0040 back-fills from the facts', async () => {
    const db = ctx.database.db;
    const live = await db
      .selectFrom('kpi_daily')
      .select(['day', 'dim_id', 'filed'])
      .where('dim', '=', 'grid_reporter')
      .where('filed', '>', 0)
      .orderBy('dim_id')
      .orderBy('day')
      .execute();
    const backfill = await sql<{ day: string; dim_id: string; filed: number }>`
      select filed_day as day, grid_code || '/' || reporter_id as dim_id, sum(filed) as filed
      from kpi_case_facts
      where filed > 0 and grid_code is not null and reporter_id is not null and filed_day is not null
      group by tenant_id, filed_day, grid_code, reporter_id
      order by 2, 1`.execute(db);
    const norm = (rows: { day: string; dim_id: string; filed: number | string }[]) =>
      rows.map((r) => `${r.dim_id} ${r.day} ${Number(r.filed)}`);
    expect(norm(live)).toEqual(norm(backfill.rows));
    expect(live.map((r) => r.dim_id)).toContain(`${spots[0]!.code}/${ids.inspector}`);
  });

  it('refuses a reversed window with the field and hides it from non-supervisors', async () => {
    const bad = await api('shiftleader').get('/api/monitor/missed?from=2024-03-12&to=2024-03-01');
    expect([bad.statusCode, ...err(bad.body)]).toEqual([400, 'MONITOR_DATE_RANGE', 'query.to']);
    expect((await api('inspector').get('/api/monitor/missed?from=2024-03-12&to=2024-03-12')).statusCode).toBe(403);
    const other = await api('shiftleader').get(
      `/api/monitor/inspectors/00000000-0000-7000-8000-000000000000/missed?from=2024-03-12&to=2024-03-12`,
    );
    expect(other.statusCode).toBe(404);
  });
});

describe('专项普查', () => {
  let classCode = '';
  let campaignId = '';
  let taskId = '';
  let codes: string[] = [];

  it('refuses a bad campaign with field messages', async () => {
    // three registered manhole covers (上水井盖) in grid A, beside whatever the demo city holds there
    classCode = '01001';
    for (const d of [0.0001, 0.0002, 0.0003]) {
      const res = await api('admin').post('/api/components', {
        classCode,
        deptName: '市政所',
        lng: spots[0]!.lng + d,
        lat: spots[0]!.lat,
        gridCode: spots[0]!.code,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const badClass = await api('shiftleader').post('/api/monitor/census', {
      name: '井盖普查',
      classCode: '99999',
      regionIds: [spots[0]!.streetId],
    });
    expect([badClass.statusCode, ...err(badClass.body)]).toEqual([
      400,
      'MONITOR_CENSUS_UNKNOWN_CLASS',
      'body.classCode',
    ]);
    const badRegion = await api('shiftleader').post('/api/monitor/census', {
      name: '井盖普查',
      classCode,
      regionIds: ['00000000-0000-7000-8000-000000000000'],
    });
    expect([badRegion.statusCode, ...err(badRegion.body)]).toEqual([
      400,
      'MONITOR_CENSUS_UNKNOWN_REGION',
      'body.regionIds.0',
    ]);
    const empty = await api('shiftleader').post('/api/monitor/census', { name: '', classCode, regionIds: [] });
    expect(empty.statusCode).toBe(400);
  });

  it('splits a campaign into grid tasks for the grids’ inspectors', async () => {
    const res = await api('shiftleader').post('/api/monitor/census', {
      name: '井盖普查',
      classCode,
      regionIds: [spots[0]!.streetId],
    });
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().campaign.id;
    const tasks = res.json().tasks as { id: string; gridCode: string; inspectorId: string | null; expected: number }[];
    const taskA = tasks.find((t) => t.gridCode === spots[0]!.code)!;
    expect(taskA.inspectorId).toBe(ids.inspector);
    const inGrid = await api('admin').get(
      `/api/components?gridCode=${spots[0]!.code}&classCode=${classCode}&pageSize=100`,
    );
    expect(taskA.expected).toBe(inGrid.json().total);
    expect(res.json().campaign.expected).toBe(tasks.reduce((n, t) => n + t.expected, 0));
    taskId = taskA.id;
    const mine = await api('inspector').get('/api/monitor/census-tasks/mine');
    expect((mine.json() as { id: string }[]).map((t) => t.id)).toContain(taskId);
    const detail = await api('inspector').get(`/api/monitor/census-tasks/${taskId}`);
    codes = (detail.json().components as { code: string }[]).map((c) => c.code);
    expect(codes).toHaveLength(taskA.expected);
  });

  it('refuses bad records with the field of each', async () => {
    const post = (records: unknown[], who = 'inspector') =>
      api(who).post(`/api/monitor/census-tasks/${taskId}/records`, { records });
    const cases_: [unknown[], string, string][] = [
      [[{ outcome: 'ok' }], 'MONITOR_CENSUS_RECORD_INVALID', 'body.records.0.componentCode'],
      [
        [
          { outcome: 'ok', componentCode: codes[0] },
          { outcome: 'new', lng: 115 },
        ],
        'MONITOR_CENSUS_RECORD_INVALID',
        'body.records.1.lat',
      ],
      [
        [{ outcome: 'new', lng: spots[2]!.lng, lat: spots[2]!.lat }],
        'MONITOR_CENSUS_RECORD_INVALID',
        'body.records.0.lng',
      ],
      [
        [{ outcome: 'damaged', componentCode: '42028199999999999' }],
        'MONITOR_CENSUS_RECORD_INVALID',
        'body.records.0.componentCode',
      ],
    ];
    for (const [records, code, field] of cases_) {
      const res = await post(records);
      expect([res.statusCode, ...err(res.body)], JSON.stringify(records)).toEqual([400, code, field]);
    }
    expect((await post([{ outcome: 'broken', componentCode: codes[0] }])).statusCode).toBe(400);
    expect((await post([{ outcome: 'ok', componentCode: codes[0] }], 'second')).statusCode).toBe(404);
    // nothing of a refused batch was kept
    const c0 = (await api('admin').get(`/api/components/${codes[0]}`)).json();
    expect(c0.state).not.toBe('damaged');
  });

  it('updates the registry and the progress per grid and campaign', async () => {
    const res = await api('inspector').post(`/api/monitor/census-tasks/${taskId}/records`, {
      records: [
        { outcome: 'damaged', componentCode: codes[0], note: '井盖破损' },
        { outcome: 'missing', componentCode: codes[1] },
        { outcome: 'new', lng: spots[0]!.lng, lat: spots[0]!.lat },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().task).toMatchObject({ checked: 2, damaged: 1, missing: 1, added: 1 });
    const added = res.json().added[0] as string;
    expect((await api('admin').get(`/api/components/${codes[0]}`)).json()).toMatchObject({
      state: 'damaged',
      changeDate: '2024-03-12',
    });
    expect((await api('admin').get(`/api/components/${codes[1]}`)).json().state).toBe('lost');
    expect((await api('admin').get(`/api/components/${added}`)).json()).toMatchObject({
      classCode,
      gridCode: spots[0]!.code,
      state: 'intact',
      source: 'census',
    });
    // a second look replaces the first record of that component
    const again = await api('inspector').post(`/api/monitor/census-tasks/${taskId}/records`, {
      records: [{ outcome: 'ok', componentCode: codes[0] }],
    });
    expect(again.json().task).toMatchObject({ checked: 2, ok: 1, damaged: 0, missing: 1, added: 1 });
    expect((await api('admin').get(`/api/components/${codes[0]}`)).json().state).toBe('intact');
    const campaign = (await api('shiftleader').get(`/api/monitor/census/${campaignId}`)).json().campaign;
    expect(campaign).toMatchObject({ checked: 2, ok: 1, missing: 1, added: 1, status: 'open' });
    const list = (await api('shiftleader').get('/api/monitor/census')).json() as { id: string }[];
    expect(list.map((c) => c.id)).toContain(campaignId);
  });

  it('records a batch sent again with the same Idempotency-Key once (the app’s offline queue retries)', async () => {
    const url = `/api/monitor/census-tasks/${taskId}/records`;
    const body = { records: [{ outcome: 'new', lng: spots[0]!.lng, lat: spots[0]!.lat }] };
    const headers = { 'idempotency-key': 'census-offline-0001' };
    const before = (await api('inspector').get(`/api/monitor/census-tasks/${taskId}`)).json().task.added as number;
    const first = await api('inspector').post(url, body, headers);
    expect(first.statusCode, first.body).toBe(200);
    const again = await api('inspector').post(url, body, headers);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().added).toEqual(first.json().added);
    expect(again.json().task.added).toBe(before + 1);
    const other = await api('inspector').post(url, { records: [{ outcome: 'ok', componentCode: codes[0] }] }, headers);
    expect([other.statusCode, other.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const fresh = await api('inspector').post(url, body, { 'idempotency-key': 'census-offline-0002' });
    expect(fresh.json().task.added).toBe(before + 2);
  });
});
