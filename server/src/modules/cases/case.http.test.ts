import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAfterPhoto } from '../../testing/after-photo.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** The closed loop over HTTP on a real database. The demo city's clock is frozen at 2024-03-12 10:00 +08. */
let ctx: TestContext;
const s: Record<string, Session> = {};
const POINT = { lng: 114.975, lat: 30.1 };

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['inspector', 'operator', 'shiftleader', 'dispatcher', 'unitmanager', 'handler', 'leader'])
    s[u] = await login(ctx.app, u, 'Demo@12345');
  s.admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

const api = (who: string) => as(ctx.app, s[who] ?? null);

async function report(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await api('inspector').post(
    '/api/cases',
    { matterCode: '09006', description: '金湖大道占道经营，水果摊', ...POINT, ...extra },
    headers,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function step(who: string, id: string, body: Record<string, unknown>) {
  const current = (await api(who).get(`/api/cases/${id}`)).json();
  const sent = await withAfterPhoto(ctx.app, s[who] ?? null, body);
  const res = await api(who).post(`/api/cases/${id}/transitions`, { version: current.version, ...sent });
  expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(200);
  return res.json();
}

describe('intake', () => {
  it('locates the point, numbers the case and starts the accept clock', async () => {
    const c = await report();
    expect(c.caseNo).toMatch(/^420281-20240312-\d{5}$/);
    expect(c.status).toBe('reported');
    expect(c.gridCode).toMatch(/^420281\d{9}$/);
    expect(c.streetName).toMatch(/街道$/);
    // 受理 15 working minutes from 10:00 local (02:00Z) → 10:15 local.
    expect(c.stepDeadline).toBe('2024-03-12T02:15:00.000Z');
    expect(c.sla.level).toBe('green');
    expect(c.timeline.map((e: { action: string }) => e.action)).toEqual(['report']);
  });

  it('an Idempotency-Key retry returns the first case, never a second one', async () => {
    const key = 'retry-key-0001';
    const first = await report({ description: '幂等重试测试' }, { 'idempotency-key': key });
    const again = await api('inspector').post(
      '/api/cases',
      { matterCode: '09006', description: '幂等重试测试', ...POINT },
      { 'idempotency-key': key },
    );
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const found = (await api('operator').get(`/api/cases?q=${encodeURIComponent('幂等重试测试')}`)).json();
    expect(found.total).toBe(1);
  });

  it('refuses an unknown matter, a point outside the city and a bad body with field errors', async () => {
    const unknown = await api('inspector').post('/api/cases', { matterCode: '99999', description: '测试', ...POINT });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('body.matterCode');
    const outside = await api('inspector').post('/api/cases', {
      matterCode: '09006',
      description: '北京',
      lng: 116.4,
      lat: 39.9,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('CASE_OUTSIDE_TENANT');
    const bad = await api('inspector').post('/api/cases', { matterCode: 'x', lng: 'east' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['body.matterCode', 'body.description', 'body.lat']),
    );
  });
});

describe('the loop', () => {
  it('runs report → accept → file → dispatch → report back → check fails → rework → check passes → close', async () => {
    const c = await report();
    await step('operator', c.id, { action: 'accept' });
    const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
    const filed = await step('shiftleader', c.id, { action: 'file', filingConditionId: conditions[0].id });
    expect(filed.status).toBe('pending_dispatch');
    expect(filed.handlingLimit).toEqual({
      value: conditions[0].limitValue ?? conditions[0].limit?.value ?? filed.handlingLimit.value,
      unit: filed.handlingLimit.unit,
    });
    const sanitation = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0];
    const dispatched = await step('dispatcher', c.id, { action: 'dispatch', unitId: sanitation.id });
    expect(dispatched.status).toBe('handling');
    expect(dispatched.handlingDeadline).not.toBeNull();
    await step('handler', c.id, { action: 'report_back', note: '已清理' });
    const inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id;
    await step('operator', c.id, { action: 'send_check', userId: inspectorId });
    const failed = await step('inspector', c.id, { action: 'check_fail', note: '仍有摊位' });
    expect(failed.status).toBe('handling');
    expect(failed.reworkCount).toBe(1);
    await step('handler', c.id, { action: 'report_back', note: '已彻底清理' });
    await step('operator', c.id, { action: 'send_check', userId: inspectorId });
    await step('inspector', c.id, { action: 'check_pass' });
    const closed = await step('shiftleader', c.id, { action: 'close' });
    expect(closed.status).toBe('closed');
    expect(closed.closeType).toBe('normal');
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'accept',
      'file',
      'dispatch',
      'report_back',
      'send_check',
      'check_fail',
      'report_back',
      'send_check',
      'check_pass',
      'close',
    ]);
    expect(closed.allowedActions).toEqual([]);
  });

  it('refuses an action the state machine forbids (409) and one the role lacks (same 404 as missing)', async () => {
    const c = await report();
    const illegal = await api('shiftleader').post(`/api/cases/${c.id}/transitions`, {
      action: 'close',
      version: c.version,
    });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('CASE_TRANSITION_NOT_ALLOWED');
    const notMine = await api('dispatcher').post(`/api/cases/${c.id}/transitions`, {
      action: 'accept',
      version: c.version,
    });
    expect(notMine.statusCode).toBe(404);
  });

  it('two dispatchers at once: the second gets 409 CASE_STALE', async () => {
    const c = await report();
    await step('operator', c.id, { action: 'accept' });
    const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
    const filed = await step('shiftleader', c.id, { action: 'file', filingConditionId: conditions[0].id });
    const units = (await api('admin').get('/api/org/units?pageSize=50')).json().items;
    const first = await api('dispatcher').post(`/api/cases/${c.id}/transitions`, {
      action: 'dispatch',
      version: filed.version,
      unitId: units[0].id,
    });
    const second = await api('dispatcher').post(`/api/cases/${c.id}/transitions`, {
      action: 'dispatch',
      version: filed.version,
      unitId: units[1].id,
    });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CASE_STALE');
  });

  it("a unit user asking for another unit's case gets the same 404 as for a missing one", async () => {
    const c = await report();
    const other = await api('handler').get(`/api/cases/${c.id}`);
    const missing = await api('handler').get('/api/cases/no-such-case');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe(missing.json().error.code);
    const list = (await api('handler').get('/api/cases?inbox=all&pageSize=200')).json();
    expect(list.items.every((i: { unitId: string | null }) => i.unitId !== null)).toBe(true);
  });

  it('inspector self-handling closes in one step', async () => {
    const c = await report({ selfHandled: true, description: '自行处置：扶正垃圾桶' });
    expect(c.status).toBe('closed');
    expect(c.timeline.map((e: { action: string }) => e.action)).toEqual(['self_handle']);
  });

  it('void needs a reason; a duplicate merges into its parent and hears of its closing', async () => {
    const parent = await report({ description: '母案件' });
    const child = await report({ description: '重复上报' });
    const noReason = await api('operator').post(`/api/cases/${child.id}/transitions`, {
      action: 'void',
      version: child.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('body.note');
    const voided = await step('operator', child.id, {
      action: 'void',
      note: '重复',
      voidReason: 'duplicate',
      parentId: parent.id,
    });
    expect(voided).toMatchObject({ status: 'voided', voidReason: 'duplicate', parentId: parent.id });
    const dups = (await api('operator').get(`/api/cases/${parent.id}/duplicates`)).json();
    expect(Array.isArray(dups)).toBe(true);
  });
});

describe('inboxes', () => {
  it('counts, filters by inbox and finds Chinese substrings of 2 and 4 characters', async () => {
    await report({ description: '井盖破损严重需要更换' });
    const counts = (await api('operator').get('/api/cases/counts')).json();
    expect(counts.reported).toBeGreaterThan(0);
    const inbox = (await api('operator').get('/api/cases?inbox=reported&sort=deadline&order=asc')).json();
    expect(inbox.items.every((i: { status: string }) => i.status === 'reported')).toBe(true);
    const deadlines = inbox.items.map((i: { stepDeadline: string }) => i.stepDeadline);
    expect(deadlines).toEqual([...deadlines].sort());
    for (const term of ['井盖', '破损严重']) {
      const found = (await api('operator').get(`/api/cases?q=${encodeURIComponent(term)}`)).json();
      expect(
        found.items.some((i: { description: string }) => i.description.includes('井盖破损严重')),
        term,
      ).toBe(true);
    }
  });
});

describe('step limits are data', () => {
  it('an administrator changes the accept limit; new cases follow it; bad values are refused by field', async () => {
    const current = (await api('admin').get('/api/cases/settings/step-limits')).json();
    expect(current.reported).toEqual({ value: 0.25, unit: 'work_hours' });
    const bad = await api('admin').put('/api/cases/settings/step-limits', {
      ...current,
      reported: { value: -1, unit: 'work_hours' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.reported.value');
    expect((await api('operator').put('/api/cases/settings/step-limits', current)).statusCode).toBe(403);
    const ok = await api('admin').put('/api/cases/settings/step-limits', {
      ...current,
      reported: { value: 1, unit: 'work_hours' },
    });
    expect(ok.statusCode).toBe(200);
    const c = await report({ description: '受理时限改为一小时' });
    expect(c.stepDeadline).toBe('2024-03-12T03:00:00.000Z');
    await api('admin').put('/api/cases/settings/step-limits', current);
  });
});

describe('approvals and tasks', () => {
  it('offers only the pending approval, one request at a time, and sends tasks back to the reporting inspector', async () => {
    const c = await report();
    const accepted = await step('operator', c.id, { action: 'send_verify' });
    expect(accepted.taskUserName).toBe('李监督员');
    expect(accepted.allowedActions).not.toContain('self_handle');
    const mine = (await api('inspector').get('/api/cases?inbox=verifying&mine=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(c.id);
    // Counts with mine=true count what the list with mine=true shows: the inspector's task, nobody's else.
    const myCounts = (await api('inspector').get('/api/cases/counts?mine=true')).json();
    expect(myCounts.verifying).toBe(mine.total);
    await report({ description: '另一处占道经营，待受理' });
    const operatorAll = (await api('operator').get('/api/cases/counts')).json();
    const operatorMine = (await api('operator').get('/api/cases/counts?mine=true')).json();
    expect(operatorAll.reported).toBeGreaterThan(0);
    expect(operatorMine.reported).toBe(0);
    const inspectors = (await api('operator').get('/api/cases/inspectors')).json();
    expect(inspectors.map((i: { displayName: string }) => i.displayName)).toContain('李监督员');
    await step('inspector', c.id, { action: 'verify' });
    const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
    await step('shiftleader', c.id, { action: 'file', filingConditionId: conditions[0].id });
    const sanitation = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0];
    await step('dispatcher', c.id, { action: 'dispatch', unitId: sanitation.id });
    const requested = await step('handler', c.id, { action: 'request_return', note: '不属本单位' });
    expect(requested.pendingRequest).toBe('return');
    const asDispatcher = (await api('dispatcher').get(`/api/cases/${c.id}`)).json();
    expect(asDispatcher.allowedActions).toContain('approve_return');
    expect(asDispatcher.allowedActions).not.toContain('approve_extension');
    const twice = await api('handler').post(`/api/cases/${c.id}/transitions`, {
      action: 'request_extension',
      version: requested.version,
      note: '再要求',
    });
    expect(twice.statusCode).toBe(409);
    const returned = await step('dispatcher', c.id, { action: 'approve_return' });
    expect(returned.status).toBe('pending_dispatch');
    expect(returned.timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual([
      'request_return',
      'approve_return',
    ]);
  });
});
