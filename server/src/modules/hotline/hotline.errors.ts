import { AppError, conflict, invalidFieldOf, withMessage } from '../../platform/errors.ts';

/** The hotline module's error codes (texts in common/i18n errors.<CODE>). */
export interface SheetProblem {
  row: number;
  field: string;
  message: string;
}

export const hotlineErrors = {
  /** 400 listing every bad row of an import (row = sheet row number, header = 1). */
  importInvalid: (details: readonly SheetProblem[]) => new AppError('HOTLINE_IMPORT_INVALID', 400, details),
  sheetInvalid: (details: readonly SheetProblem[]) => new AppError('HOTLINE_SHEET_INVALID', 400, details),
  transition: (status: string, action: string) => conflict('HOTLINE_TRANSITION_NOT_ALLOWED', { status, action }),
  stale: (version: number) => conflict('HOTLINE_STALE', { version }),
  caseNotClosed: () => conflict('HOTLINE_CASE_NOT_CLOSED'),
  unauthorized: () => new AppError('HOTLINE_WEBHOOK_UNAUTHORIZED', 401),
  /** 400 for a bad field; `key` names its text under details.hotline. */
  field: (field: string, rule: string, key: string) =>
    invalidFieldOf(field, rule, `details.hotline.${key}`, undefined, 'HOTLINE_INVALID'),
  noRows: () =>
    new AppError('HOTLINE_IMPORT_INVALID', 400, [withMessage({ row: 2, field: 'file' }, 'details.sheet.noRows')]),
};
