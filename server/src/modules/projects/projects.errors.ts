import { AppError, withMessage } from '../../platform/errors.ts';

/** The projects module's error codes (docs/conventions.md, "Errors"); texts in common/i18n errors.<CODE>. */
export const PROJECT_ERRORS = {
  // field mistakes share the platform's validation code, so forms show each field's own message (not one for all)
  invalid: 'VALIDATION_FAILED',
  duplicateName: 'PROJECT_DUPLICATE_NAME',
  photos: 'PROJECT_UNKNOWN_PHOTOS',
} as const;

/** One field's problem, its text from the catalogs under details.<key> in the request's language. */
export interface Issue {
  field: string;
  rule: string;
  key: string;
  params?: Record<string, unknown>;
}

const of = (code: string, status: number, issues: readonly Issue[]) =>
  new AppError(
    code,
    status,
    issues.map((i) => withMessage({ field: i.field, rule: i.rule }, `details.${i.key}`, i.params)),
  );

export const projectErrors = {
  /** every bad field at once, each with its message; nothing is written */
  invalid: (issues: readonly Issue[]) => of(PROJECT_ERRORS.invalid, 400, issues),
  duplicateName: (field: string, name: string) =>
    of(PROJECT_ERRORS.duplicateName, 409, [{ field, rule: 'unique', key: 'projectDuplicateName', params: { name } }]),
  photos: (fields: readonly string[]) =>
    of(
      PROJECT_ERRORS.photos,
      400,
      fields.map((field) => ({ field, rule: 'photo', key: 'projectUnknownPhoto' })),
    ),
};
