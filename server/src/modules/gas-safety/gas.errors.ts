import { AppError, invalidField } from '../../platform/errors.ts';

/** The 燃气安全 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const GAS_ERRORS = {
  invalid: 'GAS_INVALID',
  state: 'GAS_HAZARD_STATE',
  stale: 'GAS_STALE',
  photoRequired: 'GAS_REINSPECT_PHOTO_REQUIRED',
  photos: 'GAS_PHOTOS_REFUSED',
} as const;

const state = (code: string, field: string, message: string) =>
  new AppError(code, 409, [{ field, rule: 'state', message }]);

export const gasErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, GAS_ERRORS.invalid),
  state: (status: string, action: string) =>
    state(GAS_ERRORS.state, 'id', `a ${status} hazard cannot take the step ${action}`),
  stale: () => state(GAS_ERRORS.stale, 'body.version', 'the hazard changed meanwhile: reload and try again'),
  /** a hazard never closes without a photo of the re-inspection */
  photoRequired: () =>
    new AppError(GAS_ERRORS.photoRequired, 400, [
      { field: 'body.photoIds', rule: 'required', message: 'a passed re-inspection needs at least one photo' },
    ]),
  photos: (fields: readonly string[]) =>
    new AppError(
      GAS_ERRORS.photos,
      400,
      fields.map((field) => ({ field, rule: 'photo', message: 'not an upload of yours, or already used elsewhere' })),
    ),
};
