import { CASE_CHANNELS, type CaseChannel } from './case-channels.ts';
import type { CaseAction } from './case-status.ts';

/**
 * A tenant's workflow options (应用维护, docs/workflow-options.md): they choose among the paths the case state machine
 * already allows and never add one. Each option either switches an allowed action off for some cases, or names the
 * actions that follow another one in the same step (受理即派遣: accept, then file and dispatch, each its own row).
 */
export const VERIFY_MODES = ['optional', 'required', 'skip'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];
/** who takes the 核查 task: the inspector the operator picks (today), the reporting inspector, or the grid's on-duty inspectors */
export const CHECK_BY = ['assigned', 'reporter', 'grid_on_duty'] as const;
export type CheckBy = (typeof CHECK_BY)[number];

export interface WorkflowOptions {
  /** per channel: 核实 offered beside 受理 (optional), the only way on (required), or not offered (skip) */
  verification: Record<CaseChannel, VerifyMode>;
  /** 受理即派遣: matter classes (2 digits) or matters (5 digits) filed and dispatched as soon as they are accepted */
  dispatchOnAccept: string[];
  /** 自行处置 allowed only for these classes or matters; null: for every matter */
  selfHandle: string[] | null;
  checkBy: CheckBy;
}

export const DEFAULT_WORKFLOW: WorkflowOptions = {
  verification: Object.fromEntries(CASE_CHANNELS.map((c) => [c, 'optional'])) as Record<CaseChannel, VerifyMode>,
  dispatchOnAccept: [],
  selfHandle: null,
  checkBy: 'assigned',
};

const CODE = /^(\d{2}|\d{5})$/;
const codes = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && CODE.test(x)) ? [...(v as string[])] : null;

/** The stored value over the defaults, field by field: anything malformed in storage keeps today's behaviour. */
export function workflowOf(stored: unknown): WorkflowOptions {
  const o = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const v = (o.verification && typeof o.verification === 'object' ? o.verification : {}) as Record<string, unknown>;
  return {
    verification: Object.fromEntries(
      CASE_CHANNELS.map((c) => [c, (VERIFY_MODES as readonly unknown[]).includes(v[c]) ? v[c] : 'optional']),
    ) as Record<CaseChannel, VerifyMode>,
    dispatchOnAccept: codes(o.dispatchOnAccept) ?? [],
    selfHandle: o.selfHandle === null ? null : codes(o.selfHandle),
    checkBy: (CHECK_BY as readonly unknown[]).includes(o.checkBy) ? (o.checkBy as CheckBy) : 'assigned',
  };
}

/** Whether a list of class (2-digit) and matter (5-digit) codes covers a matter. */
export const covers = (list: readonly string[], matterCode: string) =>
  list.includes(matterCode) || list.includes(matterCode.slice(0, 2));

export interface WorkflowCase {
  channel: string;
  matterCode: string;
}

/**
 * The option that switches `action` off for this case, or null when the options leave it as the table has it. The
 * path names the option, so a refusal says which setting to change.
 */
export function optionForbidding(o: WorkflowOptions, action: CaseAction, c: WorkflowCase): string | null {
  const mode = o.verification[c.channel as CaseChannel] ?? 'optional';
  if (action === 'accept' && mode === 'required') return `verification.${c.channel}`;
  if (action === 'send_verify' && mode === 'skip') return `verification.${c.channel}`;
  if (action === 'self_handle' && o.selfHandle !== null && !covers(o.selfHandle, c.matterCode)) return 'selfHandle';
  return null;
}

/** The actions taken in the same step after `action` (受理即派遣 continues an accept or a verify to 待派遣 → 处置中). */
export function followUps(o: WorkflowOptions, action: CaseAction, c: WorkflowCase): CaseAction[] {
  if ((action === 'accept' || action === 'verify') && covers(o.dispatchOnAccept, c.matterCode))
    return ['file', 'dispatch'];
  return [];
}
