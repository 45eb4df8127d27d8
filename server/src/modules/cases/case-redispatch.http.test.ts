import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_DIALECT } from '../../testing/test-db.ts';

/**
 * 改派 and 收回 (docs/standards.md, "Abnormal flows"): a wrong dispatch is corrected by the dispatcher or the shift
 * leader with a reason on the timeline; the sweep marks a handling case whose unit has nobody to handle it; the
 * unit list says how many active handlers each unit has. And 答复市民: closing a public case needs a public reply,
 * which alone reaches the public views.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who] ?? null);
const units: Record<string, { id: string; name: string; activeHandlers: number }> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  for (const code of ['SANITATION', 'PARKS', 'MUNICIPAL'])
    units[code] = (await api('dispatcher').get(`/api/org/units?q=${code}`)).json().items[0];
});
afterAll(async () => ctx.close());

async function transition(who: string, id: string, body: Record<string, unknown>) {
  const current = (await api(who).get(`/api/cases/${id}`)).json();
  return api(who).post(`/api/cases/${id}/transitions`, { version: current.version, ...body });
}

/** A case reported by the inspector, accepted, filed and (unless told otherwise) dispatched to `unit`. */
async function caseAt(description: string, unit: string | null = 'SANITATION') {
  const res = await api('inspector').post('/api/cases', { matterCode: '09006', description, lng: 114.975, lat: 30.1 });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  if (unit) await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: units[unit]!.id });
  return id;
}

const fieldsOf = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);

describe(`改派 re-dispatch (${TEST_DIALECT})`, () => {
  it('moves a handling case to another unit with a reason: a timeline row, a fresh handling limit, no handler', async () => {
    const id = await caseAt('改派 占道经营 金湖大道');
    await step(ctx.app, s, 'unitmanager', id, { action: 'assign', userId: await handlerId() });
    const before = (await api('dispatcher').get(`/api/cases/${id}`)).json();
    expect(before.allowedActions).toEqual(expect.arrayContaining(['redispatch', 'recall']));
    const res = await transition('dispatcher', id, {
      action: 'redispatch',
      unitId: units.PARKS!.id,
      note: '派错单位，应由园林所处理',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ status: 'handling', unitId: units.PARKS!.id, handlerId: null });
    expect(after.timeline.at(-1)).toMatchObject({
      action: 'redispatch',
      fromStatus: 'handling',
      toStatus: 'handling',
      note: '派错单位，应由园林所处理',
      data: { fromUnit: units.SANITATION!.name, unit: units.PARKS!.name },
    });
    // the new unit's clock starts now with the full limit: the demo clock is frozen, so the deadline is the same
    expect(after.handlingDeadline).toBe(before.handlingDeadline);
    // the first unit no longer reaches the case: the same 404 as any case outside its scope
    expect((await api('handler').get(`/api/cases/${id}`)).statusCode).toBe(404);
  });

  it('is open to the shift leader as well, and refused by field without a reason, a unit, or to the same unit', async () => {
    const id = await caseAt('改派校验 占道经营');
    const cases: [Record<string, unknown>, string][] = [
      [{ unitId: units.PARKS!.id }, 'body.note'],
      [{ unitId: units.PARKS!.id, note: '   ' }, 'body.note'],
      [{ note: '派错单位' }, 'body.unitId'],
      [{ note: '派错单位', unitId: units.SANITATION!.id }, 'body.unitId'],
      [{ note: '派错单位', unitId: 'no-such-unit' }, 'body.unitId'],
    ];
    for (const [body, field] of cases) {
      const res = await transition('shiftleader', id, { action: 'redispatch', ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res.json())).toContain(field);
    }
    const ok = await transition('shiftleader', id, { action: 'redispatch', note: '派错单位', unitId: units.PARKS!.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().timeline.at(-1)).toMatchObject({ action: 'redispatch', actorRole: 'shiftLeader' });
  });

  it('is refused to roles without case.redispatch, in other states, and while a request of the unit waits', async () => {
    const id = await caseAt('改派权限 占道经营');
    const body = { action: 'redispatch', note: '派错单位', unitId: units.PARKS!.id };
    for (const who of ['operator', 'inspector', 'handler', 'unitmanager', 'leader']) {
      const res = await transition(who, id, body);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(404);
    }
    const pending = await caseAt('改派状态 待派遣', null);
    const early = await transition('dispatcher', pending, body);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CASE_TRANSITION_NOT_ALLOWED');
    expect((await transition('dispatcher', pending, { action: 'recall', note: '收回' })).statusCode).toBe(409);

    await step(ctx.app, s, 'handler', id, { action: 'request_return', note: '不属于本所职责' });
    const waiting = await transition('dispatcher', id, body);
    expect(waiting.statusCode).toBe(409);
    expect((await api('dispatcher').get(`/api/cases/${id}`)).json().allowedActions).not.toContain('redispatch');

    const reported = await caseAt('改派状态 已反馈');
    await step(ctx.app, s, 'handler', reported, { action: 'report_back', note: '已清理' });
    const late = await transition('dispatcher', reported, body);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'CASE_TRANSITION_NOT_ALLOWED',
      details: { from: 'reported_back' },
    });
  });
});

describe(`收回 recall (${TEST_DIALECT})`, () => {
  it('takes a handling case back to 待派遣 with a reason; it is dispatched again from there', async () => {
    const id = await caseAt('收回 占道经营');
    const missing = await transition('dispatcher', id, { action: 'recall' });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.json())).toEqual(['body.note']);
    expect((await transition('handler', id, { action: 'recall', note: '收回' })).statusCode).toBe(404);

    const res = await transition('dispatcher', id, { action: 'recall', note: '单位无人，收回重派' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ status: 'pending_dispatch', unitId: null, handlerId: null, handlingDeadline: null });
    expect(after.timeline.at(-1)).toMatchObject({
      action: 'recall',
      fromStatus: 'handling',
      toStatus: 'pending_dispatch',
      note: '单位无人，收回重派',
      data: { fromUnit: units.SANITATION!.name },
    });
    expect(after.allowedActions).toContain('dispatch');
    const again = await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: units.MUNICIPAL!.id });
    expect(again.status).toBe('handling');
  });

  it('counts both as corrections of a dispatch (回退数 in 准确派遣率)', async () => {
    const id = await caseAt('收回计数 占道经营');
    await step(ctx.app, s, 'shiftleader', id, { action: 'redispatch', unitId: units.PARKS!.id, note: '派错' });
    await step(ctx.app, s, 'shiftleader', id, { action: 'recall', note: '再收回' });
    const row = await ctx.database.db
      .selectFrom('cases')
      .select('return_count')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(Number(row?.return_count)).toBe(2);
  });
});

async function handlerId() {
  return (await api('handler').get('/api/auth/me')).json().user.id as string;
}

describe(`units without handlers (${TEST_DIALECT})`, () => {
  it('the unit list counts active handlers per unit', async () => {
    const list = (await api('dispatcher').get('/api/org/units?pageSize=100')).json().items as {
      code: string;
      activeHandlers: number;
    }[];
    const by = new Map(list.map((u) => [u.code, u.activeHandlers]));
    // 赵所长 (unit manager) and 周师傅 (handler) of 环卫所; nobody in 园林所
    expect(by.get('SANITATION')).toBe(2);
    expect(by.get('PARKS')).toBe(0);
    expect((await api('dispatcher').get(`/api/org/units/${units.PARKS!.id}`)).json().activeHandlers).toBe(0);
  });

  it('the sweep marks a handling case in a unit with nobody to handle it, once, and the mark goes when it moves', async () => {
    const id = await caseAt('无人处置 占道经营', 'PARKS');
    const flagged = async () =>
      (
        (await api('dispatcher').get('/api/cases?inbox=handling&pageSize=100')).json().items as {
          id: string;
          unstaffed: boolean;
        }[]
      ).find((c) => c.id === id)?.unstaffed;
    expect(await flagged()).toBe(false);
    const first = await ctx.app.services.cases.sweep(ctx.clock.now());
    expect(first.unstaffed).toBeGreaterThanOrEqual(1);
    expect(await flagged()).toBe(true);
    expect((await api('dispatcher').get(`/api/cases/${id}`)).json().unstaffed).toBe(true);
    expect((await ctx.app.services.cases.sweep(ctx.clock.now())).unstaffed).toBe(0);

    await step(ctx.app, s, 'dispatcher', id, {
      action: 'redispatch',
      unitId: units.SANITATION!.id,
      note: '园林所无人',
    });
    expect(await flagged()).toBe(false);
    await ctx.app.services.cases.sweep(ctx.clock.now());
    expect(await flagged()).toBe(false);
  });
});

describe(`答复市民 on closing (${TEST_DIALECT})`, () => {
  /** A case of `channel` walked to 待结案 (awaiting the shift leader's close). */
  async function pendingClose(channel: 'public' | 'inspector', description: string) {
    let id: string;
    if (channel === 'public') {
      const tenantId = (await ctx.app.services.org.publicTenant())!.id;
      const intake = {
        channel,
        matterCode: '09006',
        description,
        lng: 114.975,
        lat: 30.1,
        reporterName: '李四',
        reporterPhone: '13912345678',
        deviceId: 'device-r1',
        source: '市民随手拍',
      };
      id = (await ctx.app.services.cases.intake(tenantId, intake, { scope: 'device-r1', key: null })).caseId;
      await step(ctx.app, s, 'operator', id, { action: 'accept' });
      const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
      await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
      await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: units.SANITATION!.id });
    } else id = await caseAt(description);
    await step(ctx.app, s, 'handler', id, { action: 'report_back', note: '已清理' });
    await step(ctx.app, s, 'operator', id, { action: 'send_check', userId: await me('inspector') });
    await step(ctx.app, s, 'inspector', id, { action: 'check_pass' });
    return id;
  }
  const me = async (who: string) => (await api(who).get('/api/auth/me')).json().user.id as string;

  it('is required for a public case, and only it reaches the tracking view and Open311 status_notes', async () => {
    const id = await pendingClose('public', '答复市民 占道卖菜');
    expect((await api('shiftleader').get(`/api/cases/${id}`)).json().publicCase).toBe(true);
    const internal = '内部：摊主系城管队员亲属，已口头警告';
    for (const publicReply of [undefined, '  ']) {
      const res = await transition('shiftleader', id, { action: 'close', note: internal, publicReply });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res.json())).toEqual(['body.publicReply']);
    }
    const reply = '占道摊点已清理，已联系13912345678的摊主';
    const closed = await step(ctx.app, s, 'shiftleader', id, { action: 'close', note: internal, publicReply: reply });
    // staff see both on the timeline: the note as written, the reply in the event's data
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'close', note: internal, data: { publicReply: reply } });

    const c = (await ctx.database.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst())!;
    const tenantId = c.tenant_id;
    const view = await ctx.app.services.cases.publicView(tenantId, id);
    expect(view.statusNotes).toBe('占道摊点已清理，已联系***********的摊主');
    expect(view.timeline.filter((e) => e.note).map((e) => e.note)).toEqual([view.statusNotes]);
    expect(JSON.stringify(view)).not.toContain('口头警告');
  });

  it('is optional for a case of an internal channel; a closing without it shows no note publicly', async () => {
    const id = await pendingClose('inspector', '答复市民 内部渠道');
    expect((await api('shiftleader').get(`/api/cases/${id}`)).json().publicCase).toBe(false);
    const closed = await step(ctx.app, s, 'shiftleader', id, { action: 'close', note: '内部：已处理' });
    expect(closed.status).toBe('closed');
    expect(closed.timeline.at(-1).data.publicReply).toBeUndefined();
  });
});
