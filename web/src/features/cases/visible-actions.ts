import { CASE_ACTIONS, type CaseAction } from '../../../../common/domain/case-status.ts';

const isAction = (value: string): value is CaseAction => (CASE_ACTIONS as readonly string[]).includes(value);

/**
 * The buttons of the action panel: the server's `allowedActions` (state machine × this user's grants), narrowed
 * where the case itself says more. 审批 is offered only for the request that is pending (and not at all without
 * one); a second request of the same kind is refused while one waits (CASE_REQUEST_PENDING); 自行处置 is the
 * inspector's on-the-spot fix, not something intake staff in the command centre can claim. Unknown names (a newer
 * server) are left out rather than shown without a form.
 */
export function visibleActions(
  detail: { allowedActions: readonly string[]; pendingRequest: string | null },
  permissions: readonly string[],
): CaseAction[] {
  return detail.allowedActions.filter(isAction).filter((action) => {
    if (action.startsWith('approve_'))
      return detail.pendingRequest !== null && action === `approve_${detail.pendingRequest}`;
    if (action.startsWith('request_')) return action !== `request_${detail.pendingRequest}`;
    if (action === 'self_handle') return permissions.includes('case.verify');
    return true;
  });
}
