import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../platform/scheduler.ts';
import { withAfterPhoto } from '../../testing/after-photo.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * SLA clocks across the calendar, extensions, suspensions and the database sweep. The clock is
 * frozen and moved by hand; the demo calendar has 2024's holidays (清明 2024-04-04..06, 劳动节 05-01..05).
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
let sanitationId: string;

beforeAll(async () => {
  // The clock jumps by weeks here: sessions must outlive the jumps, idle and absolute.
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  for (const u of ['inspector', 'operator', 'shiftleader', 'dispatcher', 'handler'])
    s[u] = await login(ctx.app, u, 'Demo@12345');
  s.admin = await login(ctx.app, 'admin', 'Admin@12345');
  sanitationId = (await as(ctx.app, s.admin ?? null).get('/api/org/units?q=SANITATION')).json().items[0].id;
});
afterAll(async () => ctx.close());

const api = (who: string) => as(ctx.app, s[who] ?? null);

async function act(who: string, id: string, body: Record<string, unknown>, expected = 200) {
  const current = (await api(who).get(`/api/cases/${id}`)).json();
  const sent = await withAfterPhoto(ctx.app, s[who] ?? null, body);
  const res = await api(who).post(`/api/cases/${id}/transitions`, { version: current.version, ...sent });
  expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(expected);
  return res.json();
}

/** A case of 06010 暴露垃圾 dispatched to 环卫所 with a 4 work-hour condition, dispatched at the frozen clock. */
async function dispatchedCase() {
  const created = await api('inspector').post('/api/cases', {
    matterCode: '06010',
    description: '暴露垃圾',
    lng: 114.975,
    lat: 30.1,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id;
  await act('operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=06010')).json().items;
  const fourHours =
    conditions.find(
      (c: { limitValue: number; limitUnit: string }) => c.limitValue === 4 && c.limitUnit === 'work_hours',
    ) ?? conditions[0];
  await act('shiftleader', id, { action: 'file', filingConditionId: fourHours.id });
  return act('dispatcher', id, { action: 'dispatch', unitId: sanitationId });
}

describe('handling deadline', () => {
  it('runs in working time across the lunch break and the night', async () => {
    // Tuesday 2024-03-12 10:00 local: 2 h before lunch, 2 h after → 16:00 local = 08:00Z.
    ctx.clock.set(new Date('2024-03-12T02:00:00Z'));
    const c = await dispatchedCase();
    expect(c.handlingLimit).toEqual({ value: 4, unit: 'work_hours' });
    expect(c.handlingDeadline).toBe('2024-03-12T08:00:00.000Z');
  });

  it('runs over the 清明 holiday to the next working day', async () => {
    // Wednesday 2024-04-03 16:00 local: 2 h that day, 04-04..06 off, 04-07 (Sunday) is a 调休 workday → 10:00 local.
    ctx.clock.set(new Date('2024-04-03T08:00:00Z'));
    const c = await dispatchedCase();
    expect(c.handlingDeadline).toBe('2024-04-07T02:00:00.000Z');
  });
});

describe('extension (延期)', () => {
  it('moves the deadline by the approved amount, at most twice; a rejection does not count', async () => {
    ctx.clock.set(new Date('2024-03-12T02:00:00Z'));
    const c = await dispatchedCase();
    await act('handler', c.id, {
      action: 'request_extension',
      note: '需要调车',
      amountValue: 2,
      amountUnit: 'work_hours',
    });
    const rejected = await act('dispatcher', c.id, { action: 'approve_extension', approve: false, note: '不同意' });
    expect(rejected.handlingDeadline).toBe('2024-03-12T08:00:00.000Z');
    expect(rejected.extensionCount).toBe(0);
    await act('handler', c.id, {
      action: 'request_extension',
      note: '需要调车',
      amountValue: 2,
      amountUnit: 'work_hours',
    });
    const first = await act('dispatcher', c.id, { action: 'approve_extension' });
    // 16:00 + 2 working hours = 18:00 local.
    expect(first.handlingDeadline).toBe('2024-03-12T10:00:00.000Z');
    await act('handler', c.id, { action: 'request_extension', note: '再延', amountValue: 1, amountUnit: 'work_days' });
    const second = await act('dispatcher', c.id, { action: 'approve_extension' });
    // 18:00 Tuesday + one working day (8 h) = 18:00 Wednesday.
    expect(second.handlingDeadline).toBe('2024-03-13T10:00:00.000Z');
    expect(second.extensionCount).toBe(2);
    const third = await api('handler').post(`/api/cases/${c.id}/transitions`, {
      action: 'request_extension',
      version: second.version,
      note: '第三次',
    });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('CASE_LIMIT_REACHED');
  });
});

describe('suspension (挂账) and the sweep', () => {
  it('pauses the clock, resumes by itself at the cap with the time that was left', async () => {
    ctx.clock.set(new Date('2024-03-12T02:00:00Z'));
    const c = await dispatchedCase();
    // One working hour later (11:00 local) the unit asks to suspend until Friday 08:00 local.
    ctx.clock.set(new Date('2024-03-12T03:00:00Z'));
    await act('handler', c.id, { action: 'request_suspension', note: '等待管线迁改', until: '2024-03-15T00:00:00Z' });
    const suspended = await act('dispatcher', c.id, { action: 'approve_suspension' });
    expect(suspended.status).toBe('suspended');
    expect(suspended.sla.level).toBe('paused');
    expect(suspended.stepDeadline).toBeNull();
    // Nothing happens before the cap ...
    ctx.clock.set(new Date('2024-03-14T10:00:00Z'));
    await ctx.app.services.cases.sweep(ctx.clock.now());
    expect((await api('handler').get(`/api/cases/${c.id}`)).json().status).toBe('suspended');
    // ... at the cap it resumes with the 3 working hours that were left: Friday 08:00 + 3 h = 11:00 local.
    ctx.clock.set(new Date('2024-03-15T00:00:00Z'));
    const swept = await ctx.app.services.cases.sweep(ctx.clock.now());
    expect(swept.resumed).toBeGreaterThanOrEqual(1);
    const resumed = (await api('handler').get(`/api/cases/${c.id}`)).json();
    expect(resumed.status).toBe('handling');
    expect(resumed.handlingDeadline).toBe('2024-03-15T03:00:00.000Z');
    expect(resumed.timeline.at(-1)).toMatchObject({ action: 'resume', actorRole: 'system' });
  });

  it('raises yellow then red warnings and marks the case overdue', async () => {
    ctx.clock.set(new Date('2024-03-12T02:00:00Z'));
    const c = await dispatchedCase();
    // 80 % of 4 working hours = 3.2 h: 10:00 + 2 h + 1.2 h after lunch = 15:12 local; at 15:12 exactly still green.
    ctx.clock.set(new Date('2024-03-12T07:12:00Z'));
    await ctx.app.services.cases.sweep(ctx.clock.now());
    expect(
      (await ctx.database.db.selectFrom('cases').select('step_warned').where('id', '=', c.id).executeTakeFirstOrThrow())
        .step_warned,
    ).toBeNull();
    ctx.clock.set(new Date('2024-03-12T07:13:00Z'));
    await ctx.app.services.cases.sweep(ctx.clock.now());
    let row = await ctx.database.db
      .selectFrom('cases')
      .select(['step_warned', 'overdue'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ step_warned: 'yellow', overdue: 0 });
    expect((await api('handler').get(`/api/cases/${c.id}`)).json().sla.level).toBe('yellow');
    ctx.clock.set(new Date('2024-03-12T08:00:01Z'));
    await ctx.app.services.cases.sweep(ctx.clock.now());
    row = await ctx.database.db
      .selectFrom('cases')
      .select(['step_warned', 'overdue'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ step_warned: 'red', overdue: 1 });
    const warnings = await ctx.database.db
      .selectFrom('case_warnings')
      .select('level')
      .where('case_id', '=', c.id)
      .orderBy('at')
      .execute();
    expect(warnings.map((w) => w.level)).toEqual(['yellow', 'red']);
    const overdueInbox = (await api('dispatcher').get('/api/cases?inbox=overdue&pageSize=200')).json();
    expect(overdueInbox.items.map((i: { id: string }) => i.id)).toContain(c.id);
    // Closing an overdue case defaults to close type "overdue".
    await act('handler', c.id, { action: 'report_back', note: '完成' });
    const inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id;
    await act('operator', c.id, { action: 'send_check', userId: inspectorId });
    await act('inspector', c.id, { action: 'check_pass' });
    expect((await act('shiftleader', c.id, { action: 'close' })).closeType).toBe('overdue');
  });

  it('a job runs once per interval across two scheduler instances (database lease)', async () => {
    const runs: string[] = [];
    const job = (who: string) => ({
      name: 'test.lease',
      everyMs: 60_000,
      run: async () => {
        runs.push(who);
      },
    });
    const a = new Scheduler(ctx.database, ctx.clock, () => undefined);
    const b = new Scheduler(ctx.database, ctx.clock, () => undefined);
    expect(await a.tick(job('a'))).toBe(true);
    expect(await b.tick(job('b'))).toBe(false);
    ctx.clock.advance(61_000);
    expect(await b.tick(job('b'))).toBe(true);
    expect(runs).toEqual(['a', 'b']);
  });
});
