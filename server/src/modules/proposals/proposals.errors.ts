import { AppError, invalidField } from '../../platform/errors.ts';

/** The 建议提案 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const PROPOSAL_ERRORS = {
  invalid: 'PROPOSAL_INVALID',
  numberTaken: 'PROPOSAL_NO_TAKEN',
  closed: 'PROPOSAL_CLOSED',
  replyNotSubmitted: 'PROPOSAL_REPLY_NOT_SUBMITTED',
  replyState: 'PROPOSAL_REPLY_STATE',
  notReplied: 'PROPOSAL_NOT_REPLIED',
  tasksOpen: 'PROPOSAL_TASKS_OPEN',
  taskDone: 'PROPOSAL_TASK_DONE',
  unitTaken: 'PROPOSAL_TASK_UNIT_TAKEN',
  stale: 'PROPOSAL_STALE',
} as const;

const state = (code: string, field: string, message: string) =>
  new AppError(code, 409, [{ field, rule: 'state', message }]);

export const proposalErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, PROPOSAL_ERRORS.invalid),
  numberTaken: () =>
    state(PROPOSAL_ERRORS.numberTaken, 'body.proposalNo', 'this number is already registered for this body'),
  closed: (status: string) =>
    state(PROPOSAL_ERRORS.closed, 'id', `the item is ${status}: its reply was sent and can no longer change`),
  replyNotSubmitted: (status: string | null) =>
    state(PROPOSAL_ERRORS.replyNotSubmitted, 'id', `the reply is ${status ?? 'not drafted'}, not submitted`),
  replyState: (wanted: string, status: string | null) =>
    state(PROPOSAL_ERRORS.replyState, 'id', `the reply must be ${wanted}; it is ${status ?? 'not drafted'}`),
  notReplied: () => state(PROPOSAL_ERRORS.notReplied, 'id', 'the reply has not been sent to the proposer yet'),
  tasksOpen: (n: number) => state(PROPOSAL_ERRORS.tasksOpen, 'id', `${n} unit tasks are still open`),
  taskDone: () => state(PROPOSAL_ERRORS.taskDone, 'taskId', 'the task is already done'),
  unitTaken: () => state(PROPOSAL_ERRORS.unitTaken, 'body.unitId', 'this unit already has a task on this item'),
  stale: () => state(PROPOSAL_ERRORS.stale, 'id', 'the item changed meanwhile: reload and try again'),
};
