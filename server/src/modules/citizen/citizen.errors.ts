import { AppError, withMessage } from '../../platform/errors.ts';

/** Error codes of the citizen API (docs/conventions.md, "Errors"). */
export const citizenErrors = {
  /** No SMS gateway: the lookup by number and phone is off, whatever the input (docs/security.md). */
  lookupUnavailable: () => new AppError('PUBLIC_LOOKUP_UNAVAILABLE', 409),
  /**
   * One answer for a wrong, expired, used or exhausted code and for a case that has none (or does not exist), so the
   * answer never tells whether a number and phone matched.
   */
  codeInvalid: () =>
    new AppError('PUBLIC_LOOKUP_CODE_INVALID', 400, [
      withMessage({ field: 'body.code', rule: 'code' }, 'details.lookupCodeInvalid'),
    ]),
};
