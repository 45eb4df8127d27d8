import type { PlaceholderIssue } from '../../../../common/domain/yearbook.ts';
import { AppError, conflict, withMessage } from '../../platform/errors.ts';

/** The 年度工作总结 module's error codes (docs/conventions.md, "Errors"); texts live in the catalogs under errors.<code>. */
export const YB_ERRORS = {
  placeholder: 'YB_BAD_PLACEHOLDER',
  yearTaken: 'YB_YEAR_TAKEN',
} as const;

export const ybErrors = {
  /** Each bad placeholder of the prose under the field, with the token as written. */
  placeholders: (field: string, issues: readonly (PlaceholderIssue | { token: string; problem: 'unknown' })[]) =>
    new AppError(
      YB_ERRORS.placeholder,
      400,
      issues.map((i) =>
        withMessage({ field, rule: `placeholder.${i.problem}`, token: i.token }, `details.yearbook.${i.problem}`, {
          token: i.token,
        }),
      ),
    ),
  yearTaken: (year: number) =>
    conflict(YB_ERRORS.yearTaken, [
      withMessage({ field: 'body.year', rule: 'unique', year }, 'details.yearbook.yearTaken', { year }),
    ]),
};
