import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainKeys } from '../platform/chain-keys.ts';
import { createTestApp, type TestContext } from '../testing/test-app.ts';
import { loadDemoHistory, type DemoHistoryResult } from './demo-history.ts';

const OPEN_STATES: readonly string[] = [
  'reported',
  'verifying',
  'pending_filing',
  'pending_dispatch',
  'handling',
  'suspended',
  'reported_back',
  'checking',
  'pending_close',
];

let ctx: TestContext;
let result: DemoHistoryResult;
let now: Date;
beforeAll(async () => {
  ctx = await createTestApp();
  now = ctx.clock.now();
  // A shorter span keeps the test quick; the shape is the same as the 90 days of the first start. Three weeks leave
  // cases in handling old enough for 督办单 answered late or left unanswered past their limit.
  result = await loadDemoHistory(ctx.database, ctx.app.services, ctx.clock, {
    days: 21,
    now,
    perDay: 15,
    chainKey: new ChainKeys(ctx.config.audit.keys).current,
  });
});
afterAll(async () => ctx.close());

const cases = () =>
  ctx.database.db
    .selectFrom('cases')
    .select([
      'id',
      'status',
      'step_deadline',
      'reported_at',
      'updated_at',
      'closed_at',
      'unit_id',
      'handler_id',
      'rework_count',
      'close_type',
    ])
    .execute();

describe('demo history', () => {
  it('holds mostly closed cases and some in every open stage, most of them on time', async () => {
    const rows = await cases();
    const converted = await ctx.database.db
      .selectFrom('hotline_orders')
      .select('id')
      .where('status', '=', 'converted')
      .execute();
    expect(rows.length).toBe(result.cases + converted.length);
    const by = new Map<string, number>();
    for (const r of rows) by.set(r.status, (by.get(r.status) ?? 0) + 1);
    for (const stage of OPEN_STATES) expect(by.get(stage) ?? 0, stage).toBeGreaterThan(0);
    const open = rows.filter((r) => OPEN_STATES.includes(r.status));
    expect(by.get('closed') ?? 0).toBeGreaterThan(open.length);
    expect(by.get('voided') ?? 0).toBeGreaterThan(0);
    const overdue = open.filter((r) => r.step_deadline !== null && r.step_deadline < now.toISOString());
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(open.length / 4);
  });

  it('has rework, late closes, and a handler of the case’s own unit', async () => {
    const rows = await cases();
    expect(rows.some((r) => r.rework_count > 0)).toBe(true);
    expect(rows.some((r) => r.close_type === 'overdue')).toBe(true);
    const users = await ctx.database.db.selectFrom('users').select(['id', 'unit_id']).execute();
    const unitOf = new Map(users.map((u) => [u.id, u.unit_id]));
    const assigned = rows.filter((r) => r.handler_id);
    expect(assigned.length).toBeGreaterThan(0);
    for (const r of assigned) expect(unitOf.get(r.handler_id!)).toBe(r.unit_id);
    expect(new Set(assigned.map((r) => r.handler_id)).size).toBeGreaterThan(1);
  });

  it('puts nothing after now', async () => {
    const iso = now.toISOString();
    for (const r of await cases()) {
      expect(r.reported_at <= iso).toBe(true);
      expect(r.updated_at <= iso).toBe(true);
      if (r.closed_at) expect(r.closed_at <= iso).toBe(true);
    }
    const latest = await ctx.database.db
      .selectFrom('case_events')
      .select((eb) => eb.fn.max('at').as('at'))
      .executeTakeFirstOrThrow();
    expect(String(latest.at) <= iso).toBe(true);
  });

  it('files hotline orders and 延期 requests through the services', async () => {
    const orders = await ctx.database.db.selectFrom('hotline_orders').select(['status', 'case_id']).execute();
    expect(orders.length).toBe(result.hotlineOrders);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['pending_sign', 'signed', 'converted']));
    expect(result.approvalsWaiting).toBeGreaterThan(0);
    const waiting = await ctx.database.db
      .selectFrom('case_requests')
      .select('kind')
      .where('status', '=', 'pending')
      .execute();
    expect(waiting.length).toBe(result.approvalsWaiting);
  });

  it('issues 督办单 through the service: answered on time and late, one raised a level unanswered, one not yet due', async () => {
    const orders = await ctx.database.db
      .selectFrom('supervision_orders')
      .select(['status', 'level', 'first_due_at', 'replied_at', 'escalation_count', 'issued_at'])
      .execute();
    expect(orders.length).toBe(result.supervisionOrders);
    const iso = now.toISOString();
    const replied = orders.filter((o) => o.status === 'replied');
    expect(replied.some((o) => o.replied_at! <= o.first_due_at)).toBe(true);
    expect(replied.some((o) => o.replied_at! > o.first_due_at)).toBe(true);
    const open = orders.filter((o) => o.status === 'open');
    expect(open.some((o) => o.escalation_count > 0 && o.first_due_at < iso)).toBe(true);
    expect(open.some((o) => o.first_due_at > iso)).toBe(true);
    for (const o of orders) expect(o.issued_at <= iso && (o.replied_at ?? '') <= iso).toBe(true);
  });

  it('keeps every timeline chain intact', async () => {
    const rows = await ctx.database.db
      .selectFrom('case_events')
      .select(['case_id', 'seq', 'prev_hash', 'hash'])
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    let last = { case_id: '', hash: '' };
    for (const e of rows) {
      if (e.case_id === last.case_id) expect(e.prev_hash).toBe(last.hash);
      else expect(e.seq).toBe(1);
      last = e;
    }
  });
});
