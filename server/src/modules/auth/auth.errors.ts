import { AppError, invalidField } from '../../platform/errors.ts';

/** The auth module's error codes (texts in common/i18n errors.<CODE>). */
export const authErrors = {
  required: () => new AppError('AUTH_REQUIRED', 401),
  invalidCredentials: () => new AppError('AUTH_INVALID_CREDENTIALS', 401),
  throttled: (minutes: number) => new AppError('AUTH_THROTTLED', 429, { minutes }),
  csrf: () => new AppError('AUTH_CSRF', 403),
  passwordChangeRequired: () => new AppError('AUTH_PASSWORD_CHANGE_REQUIRED', 403),
  forbidden: (permission: string) => new AppError('AUTH_FORBIDDEN', 403, { permission }),
  tenantRequired: () =>
    invalidField('body.tenantCode', 'required', 'tenantCode is required on a multi-tenant installation'),
  wrongPassword: () =>
    new AppError('AUTH_WRONG_PASSWORD', 400, [
      { field: 'body.currentPassword', rule: 'password', message: 'current password is wrong' },
    ]),
  passwordReused: () =>
    new AppError('AUTH_PASSWORD_REUSED', 400, [
      { field: 'body.newPassword', rule: 'different', message: 'must differ from the current password' },
    ]),
};
