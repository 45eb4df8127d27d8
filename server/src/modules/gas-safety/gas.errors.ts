import { AppError, invalidField, withMessage } from '../../platform/errors.ts';

/** The 燃气安全 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const GAS_ERRORS = {
  invalid: 'GAS_INVALID',
  state: 'GAS_HAZARD_STATE',
  stale: 'GAS_STALE',
  photoRequired: 'GAS_REINSPECT_PHOTO_REQUIRED',
  photos: 'GAS_PHOTOS_REFUSED',
} as const;

const state = (code: string, field: string, key: string, params?: Record<string, unknown>) =>
  new AppError(code, 409, [withMessage({ field, rule: 'state' }, key, params)]);

export const gasErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, GAS_ERRORS.invalid),
  state: (status: string, action: string) => state(GAS_ERRORS.state, 'id', 'details.gas.state', { status, action }),
  stale: () => state(GAS_ERRORS.stale, 'body.version', 'details.gas.stale'),
  /** a hazard never closes without a photo of the re-inspection */
  photoRequired: () =>
    new AppError(GAS_ERRORS.photoRequired, 400, [
      withMessage({ field: 'body.photoIds', rule: 'required' }, 'details.gas.photoRequired'),
    ]),
  photos: (fields: readonly string[]) =>
    new AppError(
      GAS_ERRORS.photos,
      400,
      fields.map((field) => withMessage({ field, rule: 'photo' }, 'details.gas.photo')),
    ),
};
