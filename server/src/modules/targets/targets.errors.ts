import { AppError, withMessage } from '../../platform/errors.ts';

/** The targets module's error codes (docs/conventions.md, "Errors"); texts in common/i18n errors.<CODE>. */
export const TARGET_ERRORS = {
  // field mistakes share the platform's validation code, so forms show each field's own message
  invalid: 'VALIDATION_FAILED',
  duplicateCode: 'TARGET_DUPLICATE_CODE',
  photos: 'TARGET_UNKNOWN_PHOTOS',
  hasReports: 'TARGET_HAS_REPORTS',
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

/** Collects every problem of one request, so the answer names all bad fields at once. */
export class Issues {
  readonly list: Issue[] = [];
  add(field: string, rule: string, key: string, params?: Record<string, unknown>) {
    this.list.push({ field, rule, key, ...(params ? { params } : {}) });
  }
  throwIfAny() {
    if (this.list.length) throw targetErrors.invalid(this.list);
  }
}

export const targetErrors = {
  /** every bad field at once, each with its message; nothing is written */
  invalid: (issues: readonly Issue[]) => of(TARGET_ERRORS.invalid, 400, issues),
  duplicateCode: (code: string) =>
    of(TARGET_ERRORS.duplicateCode, 409, [
      { field: 'body.code', rule: 'unique', key: 'targetDuplicateCode', params: { code } },
    ]),
  photos: (fields: readonly string[]) =>
    of(
      TARGET_ERRORS.photos,
      400,
      fields.map((field) => ({ field, rule: 'photo', key: 'targetUnknownPhoto' })),
    ),
  /** a target with progress reports keeps its record: the reports are evidence */
  hasReports: () => new AppError(TARGET_ERRORS.hasReports, 409),
};
