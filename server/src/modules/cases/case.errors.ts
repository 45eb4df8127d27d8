import { AppError } from '../../platform/errors.ts';

/** This module's error codes (texts in common/i18n errors.*). */
export const caseErrors = {
  transitionNotAllowed: (from: string, action: string) =>
    new AppError('CASE_TRANSITION_NOT_ALLOWED', 409, { from, action }),
  /** a transferred case waits at the peer: only the peer's answers move it (docs/federation.md) */
  transferred: (action: string) => new AppError('CASE_TRANSFERRED', 409, { from: 'transferred', action }),
  stale: (version: number) => new AppError('CASE_STALE', 409, { version }),
  unknownMatter: () =>
    new AppError('CASE_UNKNOWN_MATTER', 400, [
      { field: 'body.matterCode', rule: 'exists', message: 'unknown or inactive matter code' },
    ]),
  outsideTenant: (path = 'body') =>
    new AppError('CASE_OUTSIDE_TENANT', 400, [
      { field: `${path}.lng`, rule: 'inside', message: 'the location is outside the city' },
    ]),
  field: (field: string, rule: string, message: string) =>
    new AppError('CASE_INVALID', 400, [{ field, rule, message }]),
  limitReached: (what: string, max: number) => new AppError('CASE_LIMIT_REACHED', 409, { what, max }),
  noPendingRequest: (kind: string) => new AppError('CASE_NO_PENDING_REQUEST', 409, { kind }),
  requestPending: (kind: string) => new AppError('CASE_REQUEST_PENDING', 409, { kind }),
  selfHandleForbidden: (field = 'body.selfHandled') =>
    new AppError('CASE_SELF_HANDLE_FORBIDDEN', 403, [
      { field, rule: 'role', message: 'only an inspector reports a problem as fixed on the spot' },
    ]),
  notClosed: (action: 'rate' | 'reopen') => new AppError('CASE_NOT_CLOSED', 409, { action }),
  reopenExpired: (until: string | null) => new AppError('CASE_REOPEN_EXPIRED', 409, { until }),
  tooManyStreams: (max: number) => new AppError('LIVE_TOO_MANY_STREAMS', 429, { max }),
  taskNotAssigned: (action: string) => new AppError('CASE_TASK_NOT_ASSIGNED', 403, { action }),
};
