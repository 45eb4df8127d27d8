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
  /** A lead already decided (立案 or 不予立案) takes no second decision. */
  leadDecided: (status: string) => new AppError('ENFORCEMENT_LEAD_DECIDED', 409, { status }),
  periodRunning: (until: string) =>
    new AppError('ENFORCEMENT_PERIOD_RUNNING', 409, [
      { field: 'body.waived', rule: 'period', message: `the notice period runs until ${until}`, until },
    ]),
  /** An evidence file no longer hashes to the SHA-256 recorded when it was collected (or is gone). */
  evidenceAltered: (evidenceId: string) => new AppError('ENFORCEMENT_EVIDENCE_ALTERED', 409, { evidenceId }),
  /** An officer named on a step holds no 执法证 valid that day (or not the number given). */
  certificate: (field: string, userId: string, name: string, problem: string, validTo: string | null) =>
    new AppError('ENFORCEMENT_CERTIFICATE_INVALID', 400, [
      {
        field,
        rule: `certificate.${problem}`,
        message:
          problem === 'expired'
            ? `${name}: enforcement certificate expired on ${validTo}`
            : problem === 'mismatch'
              ? `${name}: not the registered enforcement certificate number`
              : `${name}: no enforcement certificate registered`,
        userId,
        name,
        validTo,
      },
    ]),
  /** A period that has to have run (or still be running) for this step. */
  period: (field: string, rule: string, message: string, date: string | null) =>
    new AppError('ENFORCEMENT_PERIOD', 409, [{ field, rule, message, date }]),
  /** 申请法院强制执行 refused: no 催告 yet, its 10 days or the 复议/诉讼 periods still running, or the 3 months past. */
  court: (reason: 'demand' | 'demandPeriod' | 'reviewPeriod' | 'late', date: string | null) =>
    new AppError(reason === 'late' ? 'ENFORCEMENT_COURT_TOO_LATE' : 'ENFORCEMENT_COURT_TOO_EARLY', 409, [
      {
        field: 'body.action',
        rule: reason,
        message: {
          demand: 'a written 催告 must be served first (行政强制法 art. 35, 54)',
          demandPeriod: `the party has 10 days after the 催告 (until ${date})`,
          reviewPeriod: `the 复议 and 诉讼 periods run until ${date} (行政强制法 art. 53)`,
          late: `the 3 months for applying to the court ended on ${date} (行政强制法 art. 53)`,
        }[reason],
        date,
      },
    ]),
  notPaid: (outstandingFen: number) =>
    new AppError('ENFORCEMENT_NOT_PAID', 409, [
      { field: 'body.action', rule: 'paid', message: `${outstandingFen} fen still outstanding`, outstandingFen },
    ]),
};
