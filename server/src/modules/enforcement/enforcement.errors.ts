import { AppError, conflict, invalidField } from '../../platform/errors.ts';

/**
 * The enforcement module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under
 * errors.<code>. Every 400 names the field, in the shape of schema validation errors.
 */
export const enforcementErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, 'ENFORCEMENT_INVALID'),
  invalidIdNumber: (field: string, problem: string) =>
    invalidField(
      field,
      `idNumber.${problem}`,
      'not a valid 18-character ID number (GB 11643 check digit)',
      'ENFORCEMENT_INVALID_ID_NUMBER',
    ),
  invalidCreditCode: (field: string, problem: string) =>
    invalidField(
      field,
      `creditCode.${problem}`,
      'not a valid unified social credit code (GB 32100 check character)',
      'ENFORCEMENT_INVALID_CREDIT_CODE',
    ),
  tooFewOfficers: (field: string, min: number) =>
    invalidField(
      field,
      'minOfficers',
      `at least ${min} different officers with their certificate numbers`,
      'ENFORCEMENT_TOO_FEW_OFFICERS',
    ),
  unknownOfficer: (field: string) =>
    invalidField(field, 'exists', 'no active user of this city with that id', 'ENFORCEMENT_UNKNOWN_OFFICER'),
  outsideBand: (field: string, minFen: number, maxFen: number) =>
    new AppError('ENFORCEMENT_OUTSIDE_BAND', 400, [
      {
        field,
        rule: 'band',
        message: `outside the discretion band ${minFen}–${maxFen} fen: give a reason`,
        minFen,
        maxFen,
      },
    ]),
  summaryLimit: (field: string, limitFen: number) =>
    invalidField(
      field,
      'summaryLimit',
      `the summary procedure allows at most ${limitFen} fen`,
      'ENFORCEMENT_SUMMARY_LIMIT',
    ),
  transition: (stage: string, action: string) =>
    new AppError('ENFORCEMENT_TRANSITION_NOT_ALLOWED', 409, [
      { field: 'body.action', rule: 'stage', message: `${action} is not allowed in stage ${stage}`, stage, action },
    ]),
  stale: (version: number) => conflict('ENFORCEMENT_STALE', { field: 'body.version', version }),
  periodRunning: (until: string) =>
    new AppError('ENFORCEMENT_PERIOD_RUNNING', 409, [
      { field: 'body.waived', rule: 'period', message: `the notice period runs until ${until}`, until },
    ]),
  /** An evidence file no longer hashes to the SHA-256 recorded when it was collected (or is gone). */
  evidenceAltered: (evidenceId: string) => new AppError('ENFORCEMENT_EVIDENCE_ALTERED', 409, { evidenceId }),
  notPaid: (outstandingFen: number) =>
    new AppError('ENFORCEMENT_NOT_PAID', 409, [
      { field: 'body.action', rule: 'paid', message: `${outstandingFen} fen still outstanding`, outstandingFen },
    ]),
};
