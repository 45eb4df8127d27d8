import { AppError, invalidField } from '../../platform/errors.ts';

/** The campaigns module's error codes (docs/conventions.md, "Errors"); texts in common/i18n errors.<CODE>. */
export const CP_ERRORS = {
  invalid: 'CAMPAIGN_INVALID',
  unknownUnit: 'CAMPAIGN_UNKNOWN_UNIT',
  overTarget: 'CAMPAIGN_OVER_TARGET',
  transition: 'CAMPAIGN_PROBLEM_TRANSITION',
  closed: 'CAMPAIGN_CLOSED',
  photos: 'CAMPAIGN_UNKNOWN_PHOTOS',
} as const;

export const cpErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, CP_ERRORS.invalid),
  /** the unit is not an active unit of the caller's city (another tenant's unit reads the same as none) */
  unknownUnit: (field = 'body.unitId') =>
    invalidField(field, 'exists', 'not an active unit of this city', CP_ERRORS.unknownUnit),
  overTarget: (field: string, total: number, ceiling: number, measure: string) =>
    invalidField(
      field,
      'ceiling',
      `the reported total would be ${total} ${measure}, over the ${ceiling} ${measure} the target allows`,
      CP_ERRORS.overTarget,
    ),
  transition: (from: string, action: string) =>
    new AppError(CP_ERRORS.transition, 409, [
      { field: 'body.action', rule: 'state', message: `${action} is not allowed on an item that is ${from}` },
    ]),
  closed: (field = 'id') =>
    new AppError(CP_ERRORS.closed, 409, [{ field, rule: 'state', message: 'the campaign is closed' }]),
  photos: (fields: readonly string[]) =>
    new AppError(
      CP_ERRORS.photos,
      400,
      fields.map((field) => ({ field, rule: 'exists', message: 'not an unattached photo of yours' })),
    ),
};
