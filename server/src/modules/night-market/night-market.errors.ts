import { AppError, invalidField } from '../../platform/errors.ts';

/** The 夜市 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const NM_ERRORS = {
  invalid: 'NM_INVALID',
  stallTaken: 'NM_STALL_CODE_TAKEN',
  notApplying: 'NM_NOT_APPLYING',
  duplicateId: 'NM_DUPLICATE_ID',
  frozen: 'NM_FROZEN',
  ruleFailed: 'NM_RULE_FAILED',
  windowOpen: 'NM_WINDOW_OPEN',
  unreviewed: 'NM_UNREVIEWED',
  noEntrants: 'NM_NO_ENTRANTS',
  alreadyCommitted: 'NM_ALREADY_COMMITTED',
  notCommitted: 'NM_NOT_COMMITTED',
  valueSet: 'NM_PUBLIC_VALUE_SET',
  noPublicValue: 'NM_NO_PUBLIC_VALUE',
  alreadyDrawn: 'NM_ALREADY_DRAWN',
  secretMismatch: 'NM_SECRET_MISMATCH',
  notDrawn: 'NM_NOT_DRAWN',
  notHolder: 'NM_NOT_HOLDER',
} as const;

const state = (code: string, field: string, message: string) =>
  new AppError(code, 409, [{ field, rule: 'state', message }]);

export const nmErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, NM_ERRORS.invalid),
  stallTaken: (codes: string[]) =>
    new AppError(
      NM_ERRORS.stallTaken,
      409,
      codes.map((c) => ({ field: 'body.stalls', rule: 'unique', message: `stall ${c} already exists` })),
    ),
  notApplying: () => state(NM_ERRORS.notApplying, 'roundNo', 'the round is not taking applications now'),
  duplicateId: () => state(NM_ERRORS.duplicateId, 'body.idNumber', 'this ID number has already applied in this round'),
  frozen: () => state(NM_ERRORS.frozen, 'id', 'the entrants are fixed by the published commitment'),
  ruleFailed: (rules: string[]) =>
    state(NM_ERRORS.ruleFailed, 'body.decision', `eligibility rules not met: ${rules.join(', ')}`),
  windowOpen: () => state(NM_ERRORS.windowOpen, 'id', 'the application window has not closed yet'),
  unreviewed: (n: number) => state(NM_ERRORS.unreviewed, 'id', `${n} applications are not reviewed yet`),
  noEntrants: () => state(NM_ERRORS.noEntrants, 'id', 'no eligible applicant to draw'),
  alreadyCommitted: () => state(NM_ERRORS.alreadyCommitted, 'id', 'the commitment is already published'),
  notCommitted: () => state(NM_ERRORS.notCommitted, 'id', 'publish the commitment first'),
  valueSet: () => state(NM_ERRORS.valueSet, 'body.publicValue', 'the public value is already entered'),
  noPublicValue: () => state(NM_ERRORS.noPublicValue, 'id', 'enter the public value first'),
  alreadyDrawn: () => state(NM_ERRORS.alreadyDrawn, 'id', 'this round is already drawn'),
  secretMismatch: () =>
    state(NM_ERRORS.secretMismatch, 'body.secret', 'SHA-256 of this secret is not the published commitment'),
  notDrawn: () => state(NM_ERRORS.notDrawn, 'id', 'the round is not drawn yet'),
  notHolder: () => state(NM_ERRORS.notHolder, 'body.applicationId', 'the applicant holds no stall of this round'),
};
