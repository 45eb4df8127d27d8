import { AppError } from '../../platform/errors.ts';

/** This module's error codes (texts in common/i18n errors.*). */
export const deviceErrors = {
  field: (field: string, rule: string, message: string) =>
    new AppError('DEVICE_INVALID', 400, [{ field, rule, message }]),
  codeTaken: () =>
    new AppError('DEVICE_CODE_TAKEN', 409, [
      { field: 'body.code', rule: 'unique', message: 'another device has this code' },
    ]),
  stale: (version: number) => new AppError('DEVICE_STALE', 409, { version }),
  taskStale: (version: number) => new AppError('DEVICE_TASK_STALE', 409, { version }),
  taskDone: () => new AppError('DEVICE_TASK_DONE', 409),
};
