import { INBOXES, type Inbox } from '../../../../common/domain/case-channels.ts';

/**
 * The inbox tabs a user sees, from their permission verbs (docs/standards.md, "Workflow stages and roles": each post works its own step).
 * 受理员: 待受理, 待核查派发, 已超期 · 值班长: 待立案, 待结案 · 派遣员: 待派遣 (and the cases it dispatched, to approve
 * returns, extensions and suspensions) · 处置单位: 处置中 · 监督员: 待核实, 待核查 · 领导: every step, 已超期, 挂账, 已结案.
 * Everyone ends with 全部 (search across what they may see; the server scopes it).
 */
export function inboxesFor(permissions: readonly string[]): Inbox[] {
  const has = (p: string) => permissions.includes(p);
  const wanted = new Set<Inbox>(['all']);
  const add = (...inboxes: Inbox[]) => inboxes.forEach((i) => wanted.add(i));
  // A shift leader also holds case.accept (to stand in for an operator) but works 立案/结案: 全部 covers the rest.
  if (has('case.accept') && !has('case.file')) add('reported', 'reported_back', 'overdue');
  if (has('case.verify')) add('verifying');
  if (has('case.file')) add('pending_filing');
  if (has('case.dispatch')) add('pending_dispatch', 'handling');
  if (has('case.handle') || has('case.assign')) add('handling');
  if (has('case.check')) add('checking');
  if (has('case.close')) add('pending_close');
  if (has('case.escalate')) {
    add(
      'reported',
      'verifying',
      'pending_filing',
      'pending_dispatch',
      'handling',
      'suspended',
      'transferred',
      'reported_back',
      'checking',
      'pending_close',
    );
    add('overdue', 'closed');
  }
  return INBOXES.filter((i) => wanted.has(i));
}

/**
 * 待核实 / 待核查 of an inspector are the tasks sent to them (mine), not every case at that step. Intake staff and
 * leaders see the whole step; a handler sees the unit's 处置中 (the manager may not have assigned anyone yet).
 */
export function mineByDefault(permissions: readonly string[], inbox: Inbox): boolean {
  const has = (p: string) => permissions.includes(p);
  if (has('case.accept') || has('case.escalate')) return false;
  return (inbox === 'verifying' && has('case.verify')) || (inbox === 'checking' && has('case.check'));
}

/** Whether the "only my tasks" switch means anything for this user. */
export function canFilterMine(permissions: readonly string[]): boolean {
  return ['case.verify', 'case.check', 'case.handle'].some((p) => permissions.includes(p));
}
