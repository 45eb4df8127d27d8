import { CASE_CHANNELS } from '../../../../common/domain/case-channels.ts';
import type { CaseAction, CaseState } from '../../../../common/domain/case-status.ts';
import {
  DEFAULT_WORKFLOW,
  optionForbidding,
  type WorkflowCase,
  type WorkflowOptions,
} from '../../../../common/domain/workflow-options.ts';
import { allowedActions, nextState } from './case-lifecycle.ts';

/**
 * Whether a workflow option set leaves every case able to close (docs/workflow-options.md, "Refusals"): a walk over
 * the state machine's own table, with the steps the options switch off and the steps the tenant cannot take for want
 * of people or filing conditions removed. Pure: the facts are read by the caller.
 */
export interface WorkflowFacts {
  /** some active inspector can be sent 核实/核查 */
  inspectors: boolean;
  /** some inspector holds a responsibility grid (核查 by the grid's on-duty inspectors) */
  gridInspectors: boolean;
  hasCondition: (matterCode: string) => boolean;
}

function stepPossible(o: WorkflowOptions, f: WorkflowFacts, action: CaseAction, c: WorkflowCase): boolean {
  if (optionForbidding(o, action, c)) return false;
  if (action === 'send_verify') return f.inspectors;
  if (action === 'send_check') return o.checkBy === 'grid_on_duty' ? f.gridInspectors : f.inspectors;
  if (action === 'file') return f.hasCondition(c.matterCode);
  // 作废 and 自行处置 end a case without the loop; closability asks for the loop itself.
  return action !== 'void' && action !== 'self_handle';
}

/** Whether a case of this channel and matter can reach 结案 from 待受理 through the table under the options. */
export function closable(o: WorkflowOptions, f: WorkflowFacts, c: WorkflowCase): boolean {
  const seen = new Set<CaseState>(['reported']);
  const queue: CaseState[] = ['reported'];
  while (queue.length) {
    const s = queue.shift()!;
    for (const action of allowedActions(s)) {
      const to = nextState(s, action);
      if (!to || seen.has(to) || !stepPossible(o, f, action, c)) continue;
      if (to === 'closed') return true;
      seen.add(to);
      queue.push(to);
    }
  }
  return false;
}

/**
 * The first option that makes some case unclosable where the defaults (today's behaviour) would close it, with the
 * channel and matter that show it; null when every case that could close still can. The blamed option is the one
 * whose return to its default makes that case closable again.
 */
export function unclosableOption(
  o: WorkflowOptions,
  f: WorkflowFacts,
  matters: readonly string[],
): { option: string; channel: string; matterCode: string } | null {
  for (const channel of CASE_CHANNELS)
    for (const matterCode of matters) {
      const c = { channel, matterCode };
      if (closable(o, f, c) || !closable(DEFAULT_WORKFLOW, f, c)) continue;
      const candidates: [string, WorkflowOptions][] = [
        ['checkBy', { ...o, checkBy: DEFAULT_WORKFLOW.checkBy }],
        [`verification.${channel}`, { ...o, verification: { ...o.verification, [channel]: 'optional' } }],
      ];
      const blamed = candidates.find(([, fixed]) => closable(fixed, f, c))?.[0] ?? 'checkBy';
      return { option: blamed, channel, matterCode };
    }
  return null;
}
