import { AppError, invalidField } from '../../platform/errors.ts';

/** The 文明黄线 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const YL_ERRORS = {
  invalid: 'YL_INVALID',
  geometry: 'YL_BAD_GEOMETRY',
  outside: 'YL_OUTSIDE_CITY',
  overlap: 'YL_OVERLAP',
  dates: 'YL_PERMIT_DATES',
  photos: 'YL_PHOTOS',
  revoked: 'YL_REVOKED',
} as const;

export const ylErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, YL_ERRORS.invalid),
  geometry: (field: string, message: string) => invalidField(field, 'geometry', message, YL_ERRORS.geometry),
  outside: (field: string) =>
    invalidField(field, 'inside', 'this position lies outside the city boundary', YL_ERRORS.outside),
  /** Another holder's 黄线 already covers part of this one; the holder may own several that do not overlap. */
  overlap: (field: string, others: { zoneNo: string; holderName: string }[]) =>
    new AppError(YL_ERRORS.overlap, 409, [
      {
        field,
        rule: 'overlap',
        message: `overlaps the 黄线 of another holder: ${others.map((o) => `${o.zoneNo} ${o.holderName}`).join(', ')}`,
      },
    ]),
  dates: (field: string, message: string) => invalidField(field, 'permit', message, YL_ERRORS.dates),
  photos: (fields: string[]) =>
    new AppError(
      YL_ERRORS.photos,
      400,
      fields.map((field) => ({ field, rule: 'photo', message: 'not an upload of yours that is still free' })),
    ),
  revoked: () =>
    new AppError(YL_ERRORS.revoked, 409, [{ field: 'id', rule: 'state', message: 'the permit is revoked' }]),
};
