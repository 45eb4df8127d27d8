import { describe, expect, it } from 'vitest';
import { computeFact, contributions, diffContributions, pruned, type FactCase, type FactEvent } from './kpi-facts.ts';

/**
 * What one case contributes (pure): late steps by red warnings (docs/standards.md, "Time limits"), open late tasks
 * count as due.
 */
const base: FactCase = {
  id: 'c1',
  tenant_id: 't',
  status: 'reported',
  channel: 'public',
  matter_code: '09006',
  street_id: 's1',
  community_id: 'm1',
  grid_code: 'g1',
  unit_id: null,
  reporter_id: null,
  task_user_id: null,
  step_warned: null,
  overdue: 0,
  extension_count: 0,
  suspension_count: 0,
  rework_count: 0,
  return_count: 0,
  escalation_count: 0,
  self_handled: 0,
  close_type: null,
  reported_at: '2024-03-31T17:00:00.000Z',
  filed_at: null,
};
const ev = (action: string, actor: string, at: string, from: string | null = null): FactEvent => ({
  action,
  actor_id: actor,
  at,
  from_status: from,
  to_status: null,
});
const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

describe('computeFact', () => {
  it('anchors on the local business day (01:00 +08 on 1 April is April)', () => {
    expect(computeFact(base, [], new Map(), '09', day).reportDay).toBe('2024-04-01');
  });

  it('counts an open verification past its limit as due and not on time, and names the inspector holding it', () => {
    const c = { ...base, status: 'verifying', step_warned: 'red', task_user_id: 'insp' };
    const f = computeFact(
      c,
      [ev('report', 'x', c.reported_at), ev('send_verify', 'op', c.reported_at)],
      new Map([['verifying', 1]]),
      '09',
      day,
    );
    expect([f.counts.needVerify, f.counts.verifiedOnTime, f.counts.verifySent, f.counts.verifySentOnTime]).toEqual([
      1, 0, 1, 1,
    ]);
    expect(f.users.verifier).toBe('insp');
    expect(f.users.acceptor).toBe('op');
  });

  it('counts each check of a reworked case, one late', () => {
    const t = '2024-03-12T02:00:00.000Z';
    const c = {
      ...base,
      status: 'closed',
      channel: 'inspector',
      reporter_id: 'insp',
      filed_at: t,
      unit_id: 'u',
      rework_count: 1,
      close_type: 'normal',
    };
    const events = [
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
    ].map((a) => ev(a, a === 'check_fail' || a === 'check_pass' ? 'insp' : 'staff', t));
    const f = computeFact(c, events, new Map([['checking', 1]]), '09', day);
    expect([
      f.counts.checkSent,
      f.counts.needCheck,
      f.counts.checkedOnTime,
      f.counts.reworked,
      f.counts.closed,
      f.counts.closedOnTime,
    ]).toEqual([2, 2, 1, 1, 1, 1]);
    expect(f.users.checker).toBe('insp');
  });

  it('diffs to nothing when a case did not change, and to the change when it did', () => {
    const f = computeFact(base, [], new Map(), '09', day);
    expect(pruned(diffContributions(contributions(f), contributions(f))).size).toBe(0);
    const voided = computeFact(
      { ...base, status: 'voided' },
      [ev('void', 'op', base.reported_at, 'reported')],
      new Map(),
      '09',
      day,
    );
    const d = pruned(diffContributions(contributions(f), contributions(voided)));
    expect(d.get('all\u0001\u00012024-04-01')).toEqual({ voided: 1, accepted: 1 });
  });
});
