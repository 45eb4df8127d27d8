import { AppError, invalidField } from '../../platform/errors.ts';

/** The 门前三包 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const FR_ERRORS = {
  invalid: 'FR_INVALID',
  duplicateAgreement: 'FR_DUPLICATE_AGREEMENT',
  notActive: 'FR_AGREEMENT_NOT_ACTIVE',
  published: 'FR_MONTH_PUBLISHED',
  monthOpen: 'FR_MONTH_NOT_OVER',
  duplicateVolunteer: 'FR_DUPLICATE_VOLUNTEER',
  volunteerInactive: 'FR_VOLUNTEER_NOT_ACTIVE',
  shiftRecorded: 'FR_SHIFT_RECORDED',
  shiftNotOver: 'FR_SHIFT_NOT_OVER',
  committeeTaken: 'FR_COMMITTEE_NAME_TAKEN',
} as const;

const state = (code: string, field: string, message: string) =>
  new AppError(code, 409, [{ field, rule: 'state', message }]);

export const frErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, FR_ERRORS.invalid),
  unknownRegion: (field = 'body.regionId') =>
    invalidField(field, 'exists', 'not a street or township of this city', FR_ERRORS.invalid),
  duplicateAgreement: (agreementNo: string) =>
    new AppError(FR_ERRORS.duplicateAgreement, 409, [
      {
        field: 'body.periodFrom',
        rule: 'unique',
        message: `this shop already has agreement ${agreementNo} for an overlapping period`,
      },
    ]),
  notActive: () => state(FR_ERRORS.notActive, 'body.agreementId', 'the agreement is terminated'),
  published: (month: string) => state(FR_ERRORS.published, 'body.month', `the lists of ${month} are already published`),
  monthOpen: (month: string) => state(FR_ERRORS.monthOpen, 'body.month', `${month} is not over yet`),
  duplicateVolunteer: () =>
    state(FR_ERRORS.duplicateVolunteer, 'body.phone', 'this phone number has already signed up'),
  volunteerInactive: () =>
    state(FR_ERRORS.volunteerInactive, 'body.volunteerId', 'the volunteer is not confirmed (or has withdrawn)'),
  shiftRecorded: () => state(FR_ERRORS.shiftRecorded, 'id', 'the shift is already recorded'),
  shiftNotOver: () => state(FR_ERRORS.shiftNotOver, 'body.status', 'the shift has not ended yet'),
  committeeTaken: () => state(FR_ERRORS.committeeTaken, 'body.name', 'a committee of this name exists'),
};
