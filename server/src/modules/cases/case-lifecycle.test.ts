import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATES,
  TERMINAL_STATES,
  type CaseAction,
  type CaseState,
} from '../../../../common/domain/case-status.ts';
import { allowedActions, nextState, TRANSITIONS } from './case-lifecycle.ts';

/**
 * Every (state, action) pair, expected outcome written out: the table a reviewer reads against docs/standards.md,
 * "Workflow stages and roles".
 */
const EXPECTED: Record<CaseState, Partial<Record<CaseAction, CaseState>>> = {
  reported: {
    accept: 'pending_filing',
    send_verify: 'verifying',
    void: 'voided',
    escalate: 'reported',
    self_handle: 'closed',
  },
  verifying: { verify: 'pending_filing', void: 'voided', escalate: 'verifying' },
  pending_filing: { file: 'pending_dispatch', void: 'voided', escalate: 'pending_filing' },
  pending_dispatch: {
    dispatch: 'handling',
    reclassify: 'pending_dispatch',
    void: 'voided',
    escalate: 'pending_dispatch',
  },
  handling: {
    redispatch: 'handling',
    recall: 'pending_dispatch',
    assign: 'handling',
    report_back: 'reported_back',
    request_return: 'handling',
    approve_return: 'pending_dispatch',
    request_extension: 'handling',
    approve_extension: 'handling',
    request_suspension: 'handling',
    approve_suspension: 'suspended',
    escalate: 'handling',
  },
  suspended: { resume: 'handling', escalate: 'suspended' },
  reported_back: { send_check: 'checking', escalate: 'reported_back' },
  checking: { check_pass: 'pending_close', check_fail: 'handling', escalate: 'checking' },
  pending_close: { close: 'closed', escalate: 'pending_close' },
  closed: {},
  // a transferred case takes no ordinary step: the peer's answers move it (docs/federation.md)
  transferred: {},
  voided: {},
};

describe('case lifecycle', () => {
  for (const state of CASE_STATES) {
    for (const action of CASE_ACTIONS) {
      const expected = EXPECTED[state][action] ?? null;
      it(`${state} --${action}--> ${expected ?? 'forbidden'}`, () => {
        expect(nextState(state, action)).toBe(expected);
      });
    }
  }

  it('terminal states allow nothing', () => {
    for (const s of TERMINAL_STATES) expect(allowedActions(s)).toEqual([]);
  });

  it('every state except the terminal ones and transferred can be reached and left by its actions', () => {
    const reachable = new Set<CaseState>(['reported']);
    for (let changed = true; changed;) {
      changed = false;
      for (const s of [...reachable])
        for (const a of allowedActions(s)) {
          const n = nextState(s, a);
          if (n && !reachable.has(n)) {
            reachable.add(n);
            changed = true;
          }
        }
    }
    // transferred is entered and left only by the peer's signed answers (docs/federation.md), never by a step
    expect([...reachable].sort()).toEqual(CASE_STATES.filter((s) => s !== 'transferred').sort());
    expect(allowedActions('transferred')).toEqual([]);
  });

  it('return, void and rework need a reason', () => {
    expect(TRANSITIONS.request_return.needsNote).toBe(true);
    expect(TRANSITIONS.void.needsNote).toBe(true);
    expect(TRANSITIONS.check_fail.needsNote).toBe(true);
    expect(TRANSITIONS.dispatch.needsNote).toBeUndefined();
  });
});
