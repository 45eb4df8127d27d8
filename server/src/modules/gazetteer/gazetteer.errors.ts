import { AppError } from '../../platform/errors.ts';
import type { RowIssue } from './gazetteer-io.ts';

/** The gazetteer's error codes (texts in common/i18n errors.<CODE>). */
export const gazetteerErrors = {
  /** every problem of the upload at once, each named by its row or feature and column */
  importInvalid: (issues: readonly RowIssue[]) => new AppError('GAZETTEER_IMPORT_INVALID', 400, issues),
};
