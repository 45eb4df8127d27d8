import { AppError, invalidField } from '../../platform/errors.ts';

/** The 查违控违 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const IC_ERRORS = {
  unknownRegion: 'IC_UNKNOWN_REGION',
  unknownUnit: 'IC_UNKNOWN_UNIT',
  unknownReport: 'IC_UNKNOWN_REPORT',
  statusNotAllowed: 'IC_STATUS_NOT_ALLOWED',
  siteClosed: 'IC_SITE_CLOSED',
  duplicateNumber: 'IC_DUPLICATE_NUMBER',
  dateOrder: 'IC_DATE_ORDER',
  futureDate: 'IC_FUTURE_DATE',
  alreadyReplied: 'IC_ALREADY_REPLIED',
} as const;

export const icErrors = {
  /** Reports, letters and demolitions sit in a township (街道 or 乡镇) of this city. */
  unknownRegion: (field = 'body.regionId') =>
    invalidField(field, 'exists', 'not a township (街道/乡镇) of this city', IC_ERRORS.unknownRegion),
  unknownUnit: (field = 'body.unitId') =>
    invalidField(field, 'exists', 'unit not found in this city, or deactivated', IC_ERRORS.unknownUnit),
  unknownReport: (field = 'body.reportId') =>
    invalidField(field, 'exists', 'no such report of illegal construction', IC_ERRORS.unknownReport),
  statusNotAllowed: (from: string, to: string) =>
    invalidField('body.status', 'transition', `a ${from} site cannot become ${to}`, IC_ERRORS.statusNotAllowed),
  /** A stop-work notice or a demolition for a site already demolished or legalised. */
  siteClosed: (status: string, field = 'body.reportId') =>
    invalidField(field, 'state', `the site is already ${status}`, IC_ERRORS.siteClosed),
  duplicateNumber: (field: string) =>
    new AppError(IC_ERRORS.duplicateNumber, 409, [
      { field, rule: 'unique', message: 'this number is already used in this city' },
    ]),
  dateOrder: (field: string, after: string) =>
    invalidField(field, 'order', `must not be before ${after}`, IC_ERRORS.dateOrder),
  futureDate: (field: string) => invalidField(field, 'past', 'must not be after today', IC_ERRORS.futureDate),
  alreadyReplied: () =>
    new AppError(IC_ERRORS.alreadyReplied, 409, [
      { field: 'body.repliedOn', rule: 'state', message: 'the township has already replied' },
    ]),
};
