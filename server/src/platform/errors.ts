import { translate, type Locale } from './messages.ts';

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
export const forbidden = (permission?: string) =>
  new AppError('AUTH_FORBIDDEN', 403, permission ? { permission } : undefined);
export const conflict = (code: string, details?: unknown) => new AppError(code, 409, details);
/** A 400 that names the offending field, in the same shape as schema validation errors. */
export const invalidField = (field: string, rule: string, message: string, code = 'VALIDATION_FAILED') =>
  new AppError(code, 400, [{ field, rule, message }]);

/**
 * invalidField with a message from the i18n catalogs (`details.*`, see withMessage), rendered in the request's
 * language. `params` fill the text's placeholders.
 */
export const invalidFieldOf = (
  field: string,
  rule: string,
  key: string,
  params?: Record<string, unknown>,
  code = 'VALIDATION_FAILED',
) => new AppError(code, 400, [withMessage({ field, rule }, key, params)]);

/** Where a detail keeps the catalog key of its `message`: not enumerable, so neither JSON nor equality checks see it. */
const MESSAGE_KEY = Symbol('message key');

interface MessageKey {
  readonly key: string;
  readonly params?: Record<string, unknown>;
}

/**
 * A detail (e.g. `{ row, field }`) with a `message` from the i18n catalogs: the text is zh-CN here, and the error
 * handler renders it again in the language of the request (localizeDetails).
 */
export function withMessage<T extends object>(
  detail: T,
  key: string,
  params?: Record<string, unknown>,
): T & { message: string } {
  const out = { ...detail, message: translate('zh-CN', key, params) ?? key };
  Object.defineProperty(out, MESSAGE_KEY, { value: { key, params } satisfies MessageKey, enumerable: false });
  return out;
}

/**
 * Details as they are stored (an import job's error): each catalog-backed message keeps its key in `messageKey`, so
 * whoever reads the job later gets the text in their own language (restoredDetails, then localizeDetails).
 */
export function storableDetails(details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    const source = typeof d === 'object' && d !== null ? (d as { [MESSAGE_KEY]?: MessageKey })[MESSAGE_KEY] : undefined;
    return source ? { ...(d as object), messageKey: source } : d;
  });
}

/** Stored details back into the form localizeDetails renders: `messageKey` becomes the hidden key again. */
export function restoredDetails(details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    if (typeof d !== 'object' || d === null || !('messageKey' in d)) return d;
    const { messageKey, ...rest } = d as { messageKey: MessageKey };
    Object.defineProperty(rest, MESSAGE_KEY, { value: messageKey, enumerable: false });
    return rest;
  });
}

/** The details of an error with every catalog-backed `message` (see withMessage) in `locale`; other details unchanged. */
export function localizeDetails(details: unknown, locale: Locale): unknown {
  if (locale === 'zh-CN' || !Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    const source = typeof d === 'object' && d !== null ? (d as { [MESSAGE_KEY]?: MessageKey })[MESSAGE_KEY] : undefined;
    return source ? { ...(d as object), message: translate(locale, source.key, source.params) ?? source.key } : d;
  });
}
