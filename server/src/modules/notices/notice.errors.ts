import { AppError } from '../../platform/errors.ts';

/** This module's error codes (texts in common/i18n errors.*). */
export const noticeErrors = {
  field: (field: string, rule: string, message: string) =>
    new AppError('NOTICE_INVALID', 400, [{ field, rule, message }]),
};
