import type { CaseTransition } from '../../../../common/contracts/cases.ts';
import type { WorkflowPhotoStep } from '../../../../common/contracts/workflow-options.ts';
import type { CaseAction } from '../../../../common/domain/case-status.ts';
import { optionForbidding, type WorkflowOptions } from '../../../../common/domain/workflow-options.ts';
import type { CasesTable } from '../../db/schema.ts';
import { AppError, invalidFieldOf } from '../../platform/errors.ts';
import type { Actor } from '../auth/index.ts';
import type { CaseDeps } from './case-deps.ts';
import { caseErrors } from './case.errors.ts';
import { photosRequired } from './case-photo-rules.ts';

/** The steps that carry photos as evidence, and the photo rule each one follows. */
export const PHOTO_STEP_OF: Partial<Record<CaseAction, WorkflowPhotoStep>> = {
  verify: 'verify',
  report_back: 'report_back',
  check_pass: 'check_pass',
  self_handle: 'self_handle',
};

/** 核查 sent to a grid rather than to one inspector: the grid and who holds it (for the timeline). */
export interface GridTask {
  grid: string;
  inspectors: string[];
}

const workflowCase = (c: CasesTable) => ({ channel: c.channel, matterCode: c.matter_code });

/** Whether the caller may take the grid's 核查 of a case sent to its grid: an inspector of the grid, on duty now. */
export async function holdsGridTask(deps: CaseDeps, actor: Actor, c: CasesTable): Promise<boolean> {
  if (c.status !== 'checking' || c.task_user_id !== null || !c.grid_code || !deps.gridInspectors) return false;
  const holders = await deps.gridInspectors(c.tenant_id, c.grid_code);
  return holders.some((h) => h.id === actor.userId && h.onDuty);
}

/**
 * The workflow options' part of one step (docs/workflow-options.md): a step the options switch off is refused naming
 * the option; 核查 goes where `checkBy` says; photos are required where the rules say. Returns the input as the step
 * takes it (the reporting inspector filled in) and, for a grid 核查, the grid task.
 */
export async function workflowGate(
  deps: CaseDeps,
  c: CasesTable,
  input: CaseTransition,
  wf: WorkflowOptions,
): Promise<{ input: CaseTransition; gridTask: GridTask | null }> {
  const option = optionForbidding(wf, input.action, workflowCase(c));
  if (option) throw new AppError('CASE_WORKFLOW_STEP_OFF', 409, { option, action: input.action });
  const photoStep = PHOTO_STEP_OF[input.action];
  if (photoStep && !input.photoIds?.length && (await photosRequired(deps, c.tenant_id, c.matter_code, photoStep)))
    throw invalidFieldOf('body.photoIds', 'required', `details.afterPhotos.${photoStep}`, {}, 'CASE_INVALID');
  if (input.action !== 'send_check') return { input, gridTask: null };
  if (wf.checkBy === 'reporter' && c.channel === 'inspector' && c.reporter_id) {
    if (input.userId && input.userId !== c.reporter_id)
      throw caseErrors.field('body.userId', 'reporter', '核查 goes to the inspector who reported the case');
    return { input: { ...input, userId: c.reporter_id }, gridTask: null };
  }
  if (wf.checkBy === 'grid_on_duty') {
    if (input.userId)
      throw caseErrors.field('body.userId', 'grid', "核查 goes to the case's grid: its on-duty inspectors take it");
    const holders = c.grid_code && deps.gridInspectors ? await deps.gridInspectors(c.tenant_id, c.grid_code) : [];
    if (!holders.length) throw new AppError('CASE_GRID_UNCOVERED', 409, { gridCode: c.grid_code });
    return { input, gridTask: { grid: c.grid_code!, inspectors: holders.map((h) => h.displayName) } };
  }
  return { input, gridTask: null };
}
