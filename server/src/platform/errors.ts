/**
 * One error type for every expected failure (docs/conventions.md, "Errors"). Codes are module-prefixed; the message shown
 * to a client is looked up from the i18n catalogs by code, in the client's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (entity?: string) => new AppError('NOT_FOUND', 404, entity ? { entity } : undefined);
export const forbidden = (permission?: string) => new AppError('AUTH_FORBIDDEN', 403, permission ? { permission } : undefined);
export const conflict = (code: string, details?: unknown) => new AppError(code, 409, details);
/** A 400 that names the offending field, in the same shape as schema validation errors. */
export const invalidField = (field: string, rule: string, message: string, code = 'VALIDATION_FAILED') =>
  new AppError(code, 400, [{ field, rule, message }]);
