import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAfterPhoto } from '../../testing/after-photo.ts';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, firstSignIn, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The workflow options matrix (docs/workflow-options.md): every combination of 核实 on the inspector channel
 * (optional / required / skip), 受理即派遣 for the case's class (off / on) and who takes the 核查 (assigned / reporter /
 * grid on duty) drives one inspector report to 结案 and checks the path it took and the steps refused on the way.
 * The unclosable set (核查 by the grid while nobody holds a grid) is refused naming the option.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const ids: Record<string, string> = {};
const POINT = { lng: 114.975, lat: 30.1 };
const MATTER = '09006';
const DEFAULT_PHOTOS: never[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  ids.sanitation = (await as(ctx.app, s.admin!).get('/api/org/units?q=SANITATION')).json().items[0].id;
  ids.inspector = (await as(ctx.app, s.inspector!).get('/api/auth/me')).json().user.id;
  const created = await as(ctx.app, s.admin!).post('/api/org/users', {
    username: 'gridless',
    displayName: '无网格监督员',
    password: 'Temp#2024x',
    grants: [{ role: 'inspector' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  ids.gridless = created.json().id;
  s.gridless = await firstSignIn(ctx.app, 'gridless', 'Temp#2024x', 'Chosen#2024x');
  // 受派合一: a command-centre seat granted 受理, 立案 and 派遣, for whom 受理即派遣 runs the whole chain
  const centre = await as(ctx.app, s.admin!).post('/api/org/users', {
    username: 'centre',
    displayName: '受派合一坐席',
    password: 'Temp#2024x',
    grants: [{ role: 'operator' }, { role: 'shiftLeader' }, { role: 'dispatcher' }],
  });
  expect(centre.statusCode, centre.body).toBe(201);
  s.centre = await firstSignIn(ctx.app, 'centre', 'Temp#2024x', 'Chosen#2024x');
}, 120_000);
afterAll(async () => ctx.close());

type Verify = 'optional' | 'required' | 'skip';
type CheckBy = 'assigned' | 'reporter' | 'grid_on_duty';

const options = (o: { verify?: Verify; fast?: boolean; checkBy?: CheckBy; selfHandle?: string[] | null }) => ({
  verification: {
    inspector: o.verify ?? 'optional',
    operator: 'optional',
    leader: 'optional',
    public: 'optional',
    hotline: 'optional',
    petition: 'optional',
    sensor: 'optional',
    camera: 'optional',
    transfer: 'optional',
  },
  dispatchOnAccept: o.fast ? ['09'] : [],
  selfHandle: o.selfHandle ?? null,
  checkBy: o.checkBy ?? 'assigned',
  photos: DEFAULT_PHOTOS,
});
const put = (body: unknown) => as(ctx.app, s.admin!).put('/api/cases/settings/workflow', body);

async function attempt(who: string, id: string, body: Record<string, unknown>) {
  const api = as(ctx.app, s[who]!);
  const version = (await api.get(`/api/cases/${id}`)).json().version;
  return api.post(`/api/cases/${id}/transitions`, { version, ...body });
}
const detail = async (who: string, id: string) => (await as(ctx.app, s[who]!).get(`/api/cases/${id}`)).json();

async function expectOff(who: string, id: string, body: Record<string, unknown>, option: string) {
  const res = await attempt(who, id, body);
  expect(res.statusCode, res.body).toBe(409);
  expect(res.json().error).toMatchObject({ code: 'CASE_WORKFLOW_STEP_OFF', details: { option } });
}
async function expectField(who: string, id: string, body: Record<string, unknown>, field: string, rule: string) {
  const res = await attempt(who, id, body);
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.details).toEqual([expect.objectContaining({ field, rule })]);
}

describe('workflow options', () => {
  it('default to today’s behaviour, and refuse a set that leaves cases unable to close, naming the option', async () => {
    const view = (await as(ctx.app, s.operator!).get('/api/cases/settings/workflow')).json();
    expect(view).toMatchObject({ dispatchOnAccept: [], selfHandle: null, checkBy: 'assigned' });
    expect(Object.values(view.verification).every((m) => m === 'optional')).toBe(true);
    expect(view.photos.find((p: { majorCode: string }) => p.majorCode === '09')).toEqual({
      majorCode: '09',
      verify: false,
      reportBack: true,
      checkPass: true,
      selfHandle: false,
    });
    // Nobody holds a grid in the demo city: a grid's on-duty inspectors could never take a 核查.
    const res = await put(options({ checkBy: 'grid_on_duty' }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('CASE_WORKFLOW_UNCLOSABLE');
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'body.checkBy', rule: 'closable' })]);
    expect(res.json().error.details[0].message).toContain('网格');
    const en = await as(ctx.app, s.admin!).put('/api/cases/settings/workflow', options({ checkBy: 'grid_on_duty' }), {
      'accept-language': 'en',
    });
    expect(en.json().error.details[0].message).toContain('grid');
    expect((await as(ctx.app, s.operator!).get('/api/cases/settings/workflow')).json().checkBy).toBe('assigned');
  });

  it('refuse unknown classes or matters, malformed modes, and callers without settings.manage', async () => {
    const unknown = await put({ ...options({}), dispatchOnAccept: ['99'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('body.dispatchOnAccept.0');
    const badMode = await put({ ...options({}), verification: { ...options({}).verification, public: 'sometimes' } });
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json().error.details.map((d: { field: string }) => d.field)).toContain('body.verification.public');
    expect((await as(ctx.app, s.operator!).put('/api/cases/settings/workflow', options({}))).statusCode).toBe(403);
  });

  it('a grid with an on-duty inspector makes 核查 by the grid possible', async () => {
    const place = (await as(ctx.app, s.admin!).get(`/api/geo/locate?lng=${POINT.lng}&lat=${POINT.lat}`)).json();
    expect(place.gridCode).toBeTruthy();
    const grids = await as(ctx.app, s.shiftleader!).put(`/api/monitor/inspectors/${ids.inspector}/grids`, {
      gridCodes: [place.gridCode],
    });
    expect(grids.statusCode, grids.body).toBe(200);
    const roster = await as(ctx.app, s.shiftleader!).put('/api/monitor/roster', {
      inspectorIds: [ids.inspector, ids.gridless],
      from: '2024-03-12',
      to: '2024-03-12',
      starts: '08:00',
      ends: '18:00',
    });
    expect(roster.statusCode, roster.body).toBe(200);
    expect((await put(options({ checkBy: 'grid_on_duty' }))).statusCode).toBe(200);
    expect((await put(options({}))).statusCode).toBe(200);
  });

  const combos: [Verify, boolean, CheckBy][] = [];
  for (const verify of ['optional', 'required', 'skip'] as const)
    for (const fast of [false, true])
      for (const checkBy of ['assigned', 'reporter', 'grid_on_duty'] as const) combos.push([verify, fast, checkBy]);

  it.each(combos)('核实 %s, 受理即派遣 %s, 核查 by %s: the path and the refusals', async (verify, fast, checkBy) => {
    const saved = await put(options({ verify, fast, checkBy }));
    expect(saved.statusCode, saved.body).toBe(200);
    const created = await as(ctx.app, s.inspector!).post('/api/cases', {
      matterCode: MATTER,
      description: `流程矩阵 ${verify} ${fast} ${checkBy}`,
      ...POINT,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    // 受理 / 核实: the buttons follow the option, and the step it switches off is refused naming it.
    const offered = (await detail('operator', id)).allowedActions as string[];
    expect(offered.includes('accept')).toBe(verify !== 'required');
    expect(offered.includes('send_verify')).toBe(verify !== 'skip');
    if (verify === 'required') await expectOff('operator', id, { action: 'accept' }, 'verification.inspector');
    if (verify === 'skip')
      await expectOff('operator', id, { action: 'send_verify', userId: ids.inspector }, 'verification.inspector');
    const fastPath = fast ? { unitId: ids.sanitation } : {};
    if (verify === 'required') {
      await step(ctx.app, s, 'operator', id, { action: 'send_verify', userId: ids.inspector });
      await step(ctx.app, s, 'inspector', id, { action: 'verify', ...fastPath });
    } else await step(ctx.app, s, fast ? 'centre' : 'operator', id, { action: 'accept', ...fastPath });

    // the inspector who verifies may not file, so the chain stops at once and the shift leader files as usual
    const chained = fast && verify !== 'required';
    if (!chained) {
      expect((await detail('operator', id)).status).toBe('pending_filing');
      const conditions = (await as(ctx.app, s.shiftleader!).get(`/api/catalog/conditions?matterCode=${MATTER}`)).json()
        .items;
      await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
      await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: ids.sanitation });
    }
    expect((await detail('operator', id)).status).toBe('handling');
    await step(ctx.app, s, 'handler', id, { action: 'report_back', note: '已处置' });

    // 核查: where the task goes, and who may take it.
    expect((await detail('operator', id)).checkBy).toBe(checkBy);
    if (checkBy === 'reporter') {
      await expectField('operator', id, { action: 'send_check', userId: ids.gridless }, 'body.userId', 'reporter');
      await step(ctx.app, s, 'operator', id, { action: 'send_check' });
      expect((await detail('operator', id)).taskUserId).toBe(ids.inspector);
    } else if (checkBy === 'grid_on_duty') {
      await expectField('operator', id, { action: 'send_check', userId: ids.inspector }, 'body.userId', 'grid');
      await step(ctx.app, s, 'operator', id, { action: 'send_check' });
      expect((await detail('operator', id)).taskUserId).toBeNull();
      // on duty, but not an inspector of this grid
      expect((await detail('gridless', id)).allowedActions).not.toContain('check_pass');
      const other = await attempt('gridless', id, { action: 'check_pass', photoIds: [await photo('gridless')] });
      expect(other.statusCode, other.body).toBe(403);
      expect((await detail('inspector', id)).allowedActions).toContain('check_pass');
    } else await step(ctx.app, s, 'operator', id, { action: 'send_check', userId: ids.gridless });
    await step(ctx.app, s, checkBy === 'assigned' ? 'gridless' : 'inspector', id, { action: 'check_pass' });
    await step(ctx.app, s, 'shiftleader', id, { action: 'close', note: '结案' });

    const path = ((await detail('operator', id)).timeline as { action: string; data: { workflow?: string } }[]).map(
      (e) => (e.data?.workflow ? `${e.action}*` : e.action),
    );
    const intake = verify === 'required' ? ['send_verify', 'verify'] : ['accept'];
    const middle = chained ? ['file*', 'dispatch*'] : ['file', 'dispatch'];
    expect(path).toEqual(['report', ...intake, ...middle, 'report_back', 'send_check', 'check_pass', 'close']);
  });

  it('受理即派遣 goes only as far as the acceptor may: no 派遣 without case.dispatch, no 立案 without case.file', async () => {
    expect((await put(options({ fast: true }))).statusCode).toBe(200);
    const report = async (description: string) => {
      const created = await as(ctx.app, s.inspector!).post('/api/cases', { matterCode: MATTER, description, ...POINT });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    };
    const path = async (id: string) =>
      ((await detail('operator', id)).timeline as { action: string; data: { workflow?: string } }[]).map((e) =>
        e.data?.workflow ? `${e.action}*` : e.action,
      );

    // the operator (受理 only) names a unit: nothing is filed or dispatched, the unit is not taken
    const byOperator = await report('受理员受理即派遣');
    await step(ctx.app, s, 'operator', byOperator, { action: 'accept', unitId: ids.sanitation });
    expect(await detail('operator', byOperator)).toMatchObject({ status: 'pending_filing', unitId: null });
    expect(await path(byOperator)).toEqual(['report', 'accept']);

    // the shift leader (受理 and 立案, no 派遣): filed in the chain, then waits for the dispatcher
    const byLeader = await report('值班长受理即派遣');
    await step(ctx.app, s, 'shiftleader', byLeader, { action: 'accept', unitId: ids.sanitation });
    expect((await detail('operator', byLeader)).status).toBe('pending_dispatch');
    expect(await path(byLeader)).toEqual(['report', 'accept', 'file*']);

    // the seat holding all three: the whole chain, to the unit it named
    const byCentre = await report('受派合一受理即派遣');
    await step(ctx.app, s, 'centre', byCentre, { action: 'accept', unitId: ids.sanitation });
    expect(await detail('operator', byCentre)).toMatchObject({ status: 'handling', unitId: ids.sanitation });
    expect(await path(byCentre)).toEqual(['report', 'accept', 'file*', 'dispatch*']);
    expect((await put(options({}))).statusCode).toBe(200);
  });

  it('自行处置 only for the matters chosen, with photos where the class requires them', async () => {
    const photos = options({}).photos;
    expect(
      (
        await put({
          ...options({ selfHandle: ['06', '09006'] }),
          photos: [...photos, { majorCode: '06', verify: true, reportBack: true, checkPass: true, selfHandle: true }],
        })
      ).statusCode,
    ).toBe(200);
    const report = (matterCode: string, extra: Record<string, unknown> = {}) =>
      as(ctx.app, s.inspector!).post('/api/cases', {
        matterCode,
        description: '自行处置',
        selfHandled: true,
        ...POINT,
        ...extra,
      });
    const refused = await report('09005');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CASE_WORKFLOW_STEP_OFF', details: { option: 'selfHandle' } });
    expect((await report('09006')).statusCode).toBe(201);
    const noPhoto = await report('06010');
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json().error.details[0]).toMatchObject({ field: 'body.photoIds', rule: 'required' });
    expect((await report('06010', { photoIds: [await photo('inspector')] })).statusCode).toBe(201);

    // the same rules on an existing report, and the 核实 photo of class 06
    const open = await as(ctx.app, s.inspector!).post('/api/cases', {
      matterCode: '09005',
      description: '未处置',
      ...POINT,
    });
    const openId = open.json().id as string;
    expect((await detail('inspector', openId)).allowedActions).not.toContain('self_handle');
    await expectOff('inspector', openId, { action: 'self_handle' }, 'selfHandle');
    const litter = (
      await as(ctx.app, s.inspector!).post('/api/cases', { matterCode: '06010', description: '核实', ...POINT })
    ).json().id;
    await step(ctx.app, s, 'operator', litter, { action: 'send_verify', userId: ids.inspector });
    expect((await detail('inspector', litter)).photosRequiredFor).toEqual([
      'verify',
      'report_back',
      'check_pass',
      'self_handle',
    ]);
    await expectField('inspector', litter, { action: 'verify' }, 'body.photoIds', 'required');
    expect(
      (await attempt('inspector', litter, { action: 'verify', photoIds: [await photo('inspector')] })).statusCode,
    ).toBe(200);

    // The older after-photo API changes its two steps and leaves the 核实 and 自行处置 rules alone.
    const old = await as(ctx.app, s.admin!).put('/api/cases/settings/after-photos', {
      classes: [{ majorCode: '06', reportBack: false, checkPass: true }],
    });
    expect(old.statusCode, old.body).toBe(200);
    const after = (await as(ctx.app, s.admin!).get('/api/cases/settings/workflow')).json();
    expect(after.photos.find((p: { majorCode: string }) => p.majorCode === '06')).toEqual({
      majorCode: '06',
      verify: true,
      reportBack: false,
      checkPass: true,
      selfHandle: true,
    });
    expect((await put(options({}))).statusCode).toBe(200);
  });

  it('changes are audited', async () => {
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'setting.update')
      .where('entity_id', '=', 'case.workflow')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

const photo = (who: string) => uploadAfterPhoto(ctx.app, s[who]!);
