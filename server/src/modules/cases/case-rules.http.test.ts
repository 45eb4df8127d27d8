import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { withAfterPhoto } from '../../testing/after-photo.ts';
import { as, createTestApp, firstSignIn, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Who may do what at intake and in the 核实/核查 tasks (docs/security.md "Visibility of cases to staff"): the
 * channel follows the reporter's roles, 自行处置 is an inspector's, a task is completed only by the inspector it was
 * sent to, and only an active inspector whose area holds the case can be sent one; duplicates offered for a case
 * obey the same visibility rule as the lists.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const POINT = { lng: 114.975, lat: 30.1 };
const ids = { inspector: '', inspector2: '', operator: '', sanitation: '', otherUnit: '', street: '', otherStreet: '' };

const api = (who: string) => as(ctx.app, s[who] ?? null);

async function userWith(username: string, grants: unknown[]): Promise<string> {
  const res = await api('admin').post('/api/org/users', {
    username,
    displayName: username,
    password: 'Rules#2024x',
    grants,
  });
  expect(res.statusCode, res.body).toBe(201);
  s[username] = await firstSignIn(ctx.app, username, 'Rules#2024x', 'Chosen#2024xy');
  return res.json().id;
}

async function report(who = 'inspector', extra: Record<string, unknown> = {}) {
  const res = await api(who).post('/api/cases', {
    matterCode: '09006',
    description: '规则测试 占道经营',
    ...POINT,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; channel: string; status: string; streetName: string };
}

async function transition(who: string, id: string, body: Record<string, unknown>) {
  const version = (await api('operator').get(`/api/cases/${id}`)).json().version;
  return api(who).post(`/api/cases/${id}/transitions`, {
    version,
    ...(await withAfterPhoto(ctx.app, s[who] ?? null, body)),
  });
}

async function toReportedBack(id: string, unitId = ids.sanitation) {
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId });
}

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const me = async (who: string) => (await api(who).get('/api/auth/me')).json().user.id as string;
  ids.inspector = await me('inspector');
  ids.operator = await me('operator');
  const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as {
    id: string;
    code: string;
    active: boolean;
  }[];
  ids.sanitation = units.find((u) => u.code === 'SANITATION')!.id;
  ids.otherUnit = units.find((u) => u.active && !['SANITATION', 'OFFICE', 'BUREAU', 'COMMAND'].includes(u.code))!.id;
  const located = (await api('admin').get(`/api/geo/locate?lng=${POINT.lng}&lat=${POINT.lat}`)).json();
  ids.street = located.street.id;
  const streets = (await api('admin').get('/api/org/regions?pageSize=100')).json().items as {
    id: string;
    kind: string;
  }[];
  ids.otherStreet = streets.find((r) => (r.kind === 'street' || r.kind === 'town') && r.id !== ids.street)!.id;
  ids.inspector2 = await userWith('inspector2', [{ role: 'inspector' }]);
  await userWith('inspectoroperator', [{ role: 'inspector' }, { role: 'operator' }]);
}, 60_000);
afterAll(async () => ctx.close());

describe('核实/核查 tasks belong to the inspector they were sent to', () => {
  it('another inspector can neither see the action nor complete a 核实 task; the assigned one can', async () => {
    const c = await report();
    await step(ctx.app, s, 'operator', c.id, { action: 'send_verify', userId: ids.inspector2 });
    const asOther = (await api('inspector').get(`/api/cases/${c.id}`)).json();
    expect(asOther.allowedActions).not.toContain('verify');
    const refused = await transition('inspector', c.id, { action: 'verify' });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('CASE_TASK_NOT_ASSIGNED');
    expect((await api('inspector2').get(`/api/cases/${c.id}`)).json().allowedActions).toContain('verify');
    expect((await transition('inspector2', c.id, { action: 'verify' })).statusCode).toBe(200);
  });

  it('the same for a 核查 task: pass and fail belong to the assigned inspector', async () => {
    const c = await report();
    await toReportedBack(c.id);
    await step(ctx.app, s, 'handler', c.id, { action: 'report_back', note: '已处置' });
    await step(ctx.app, s, 'operator', c.id, { action: 'send_check', userId: ids.inspector2 });
    for (const action of ['check_pass', 'check_fail']) {
      const refused = await transition('inspector', c.id, { action, note: '不是我的任务' });
      expect(refused.statusCode, `${action}: ${refused.body}`).toBe(403);
      expect(refused.json().error.code).toBe('CASE_TASK_NOT_ASSIGNED');
    }
    expect((await transition('inspector2', c.id, { action: 'check_pass' })).statusCode).toBe(200);
  });

  it('send_verify / send_check need an active inspector of the city whose area holds the case (400 on body.userId)', async () => {
    const c = await report();
    const outsider = await userWith('inspectorelsewhere', [{ role: 'inspector', regionId: ids.otherStreet }]);
    const retired = await userWith('inspectorretired', [{ role: 'inspector' }]);
    expect((await api('admin').patch(`/api/org/users/${retired}`, { active: false })).statusCode).toBe(200);
    for (const [userId, rule] of [
      [ids.operator, 'inspector'],
      ['01900000-0000-7000-8000-000000000000', 'inspector'],
      [retired, 'inspector'],
      [outsider, 'scope'],
    ] as const) {
      const res = await transition('operator', c.id, { action: 'send_verify', userId });
      expect(res.statusCode, `${userId}: ${res.body}`).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'body.userId', rule });
    }
    // A phone-in (operator channel) has no reporting inspector to fall back on: the operator must choose one.
    const phoned = await report('operator');
    const none = await transition('operator', phoned.id, { action: 'send_verify' });
    expect(none.statusCode, none.body).toBe(400);
    expect(none.json().error.details[0]).toMatchObject({ field: 'body.userId', rule: 'required' });
    // Without a choice an inspector's report goes back to its reporter.
    const back = await step(ctx.app, s, 'operator', c.id, { action: 'send_verify' });
    expect(back.taskUserId).toBe(ids.inspector);
  });
});

describe('staff intake: channel from the role, 自行处置 for inspectors only', () => {
  it("takes the channel from the reporter's role and refuses one the roles do not give (400 on body.channel)", async () => {
    expect((await report('operator')).channel).toBe('operator');
    expect((await report('shiftleader')).channel).toBe('operator');
    expect((await report('inspector')).channel).toBe('inspector');
    for (const [who, channel] of [
      ['operator', 'leader'],
      ['operator', 'inspector'],
      ['inspector', 'operator'],
      ['shiftleader', 'leader'],
    ]) {
      const res = await api(who!).post('/api/cases', {
        matterCode: '09006',
        description: '冒用来源',
        ...POINT,
        channel,
      });
      expect(res.statusCode, `${who} as ${channel}: ${res.body}`).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.channel');
    }
    // Someone holding two posts files through either of theirs.
    expect((await report('inspectoroperator')).channel).toBe('inspector');
    expect((await report('inspectoroperator', { channel: 'operator' })).channel).toBe('operator');
  });

  it('refuses 自行处置 from anyone but an inspector (403), at intake and as a later action', async () => {
    for (const who of ['operator', 'shiftleader']) {
      const res = await api(who).post('/api/cases', {
        matterCode: '09006',
        description: '自行处置冒用',
        ...POINT,
        selfHandled: true,
      });
      expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('CASE_SELF_HANDLE_FORBIDDEN');
    }
    const own = await report('operator');
    expect((await api('operator').get(`/api/cases/${own.id}`)).json().allowedActions).not.toContain('self_handle');
    const later = await transition('operator', own.id, { action: 'self_handle' });
    expect(later.statusCode, later.body).toBe(403);
    const inspector = await report('inspector', { selfHandled: true });
    expect(inspector.status).toBe('closed');
    const mixed = await api('inspectoroperator').post('/api/cases', {
      matterCode: '09006',
      description: '自行处置',
      ...POINT,
      selfHandled: true,
      channel: 'operator',
    });
    expect(mixed.statusCode, mixed.body).toBe(400);
  });
});

describe('duplicates', () => {
  it('offers only nearby cases the caller can open', async () => {
    const mine = await report();
    const other = await report();
    await toReportedBack(mine.id, ids.sanitation);
    await toReportedBack(other.id, ids.otherUnit);
    const all = (await api('admin').get(`/api/cases/${mine.id}/duplicates`)).json().map((d: { id: string }) => d.id);
    expect(all).toContain(other.id);
    const res = await api('handler').get(`/api/cases/${mine.id}/duplicates`);
    expect(res.statusCode).toBe(200);
    const seen = res.json().map((d: { id: string }) => d.id) as string[];
    expect(seen).not.toContain(other.id);
    for (const id of seen) expect((await api('handler').get(`/api/cases/${id}`)).statusCode).toBe(200);
  });
});
