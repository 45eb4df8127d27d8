import { AppError } from '../../platform/errors.ts';

/** This module's error codes (texts in common/i18n errors.*). */
export const supervisionErrors = {
  field: (field: string, rule: string, message: string) =>
    new AppError('SUPERVISION_INVALID', 400, [{ field, rule, message }]),
  /** the target unit lies outside the units the issuer's 督办 grants reach */
  outOfScope: () =>
    new AppError('SUPERVISION_TARGET_OUT_OF_SCOPE', 403, [
      { field: 'body.targetUnitId', rule: 'scope', message: 'the target unit is outside your scope' },
    ]),
  alreadyReplied: () => new AppError('SUPERVISION_ALREADY_REPLIED', 409),
};
