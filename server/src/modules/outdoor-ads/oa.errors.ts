import { AppError, invalidField } from '../../platform/errors.ts';

/** The 户外广告 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const OA_ERRORS = {
  unknownRegion: 'OA_UNKNOWN_REGION',
  unknownAd: 'OA_UNKNOWN_AD',
  alreadyRemoved: 'OA_ALREADY_REMOVED',
  permitDates: 'OA_PERMIT_DATES',
  futureDate: 'OA_FUTURE_DATE',
  dateOrder: 'OA_DATE_ORDER',
  badGeometry: 'OA_BAD_GEOMETRY',
  missingField: 'OA_MISSING_FIELD',
} as const;

export const oaErrors = {
  unknownRegion: (field = 'body.regionId') =>
    invalidField(field, 'exists', 'not a township (街道/乡镇) of this city', OA_ERRORS.unknownRegion),
  unknownAd: (field = 'body.adId') =>
    invalidField(field, 'exists', 'no such sign in the inventory', OA_ERRORS.unknownAd),
  alreadyRemoved: (field = 'body.adId') =>
    new AppError(OA_ERRORS.alreadyRemoved, 409, [{ field, rule: 'state', message: 'the sign is already removed' }]),
  /** A permit's end is on or after its start, and a permit number comes with its validity. */
  permitDates: (field: string, message: string) => invalidField(field, 'permit', message, OA_ERRORS.permitDates),
  futureDate: (field: string) => invalidField(field, 'past', 'must not be after today', OA_ERRORS.futureDate),
  dateOrder: (field: string, after: string) =>
    invalidField(field, 'order', `must be after ${after}`, OA_ERRORS.dateOrder),
  badGeometry: (message: string) => invalidField('body.geometry', 'geometry', message, OA_ERRORS.badGeometry),
  /** A removal without an inventory sign names the type and the place itself. */
  missingField: (field: string) =>
    invalidField(field, 'required', 'required when no sign is named', OA_ERRORS.missingField),
};
