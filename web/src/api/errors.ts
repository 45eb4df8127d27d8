import type { FieldError } from '../../../common/contracts/common.ts';
import { t, tryT, type Locale } from '../../../common/i18n/core.ts';

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

/** A failed API call: the server's `{ error: { code, message, details, requestId } }` plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  static fromResponse(status: number, payload: unknown): ApiError {
    const body = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
    if (body && typeof body.code === 'string') {
      return new ApiError({
        status,
        code: body.code,
        message: typeof body.message === 'string' ? body.message : body.code,
        details: body.details,
        requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
      });
    }
    // Not our error shape (a proxy's 502 page, say): classify by status.
    const code =
      status === 401
        ? 'AUTH_REQUIRED'
        : status === 403
          ? 'AUTH_FORBIDDEN'
          : status === 404
            ? 'NOT_FOUND'
            : status === 429
              ? 'RATE_LIMITED'
              : status >= 500
                ? 'INTERNAL'
                : 'UNKNOWN';
    return new ApiError({
      status,
      code,
      message: typeof payload === 'string' && payload ? payload.slice(0, 200) : code,
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/**
 * The `[{ field, message, rule }]` details of an error: schema failures (VALIDATION_FAILED) and business rules
 * that name a field (ORG_DUPLICATE_CODE on `body.code`, AUTH_WRONG_PASSWORD on `body.currentPassword`, ...).
 */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return error.details
    .filter((d): d is Record<string, unknown> & { field: string } => isRecord(d) && typeof d.field === 'string')
    .map((d) => ({
      field: d.field,
      message: typeof d.message === 'string' ? d.message : '',
      rule: typeof d.rule === 'string' ? d.rule : '',
    }));
}

export type FormFieldPath = (string | number)[];

/**
 * `body.grants.0.unitId` (or `/body/grants/0/unitId`) → `['grants', 0, 'unitId']`, the antd Form name path.
 * Answers null for fields outside the body (query, params) and for the body as a whole.
 */
export function toFormPath(field: string): FormFieldPath | null {
  const parts = field.split(/[./]/).filter((p) => p !== '');
  if (parts[0] !== 'body') return null;
  const rest = parts.slice(1);
  if (rest.length === 0) return null;
  return rest.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface FormFieldError {
  name: FormFieldPath;
  errors: string[];
}

/**
 * Maps field details onto antd `form.setFields(...)` entries, in the UI language:
 * - a business code (ORG_DUPLICATE_USERNAME, AUTH_WRONG_PASSWORD, ...) shows its catalog text on the field;
 * - a schema rule without parameters (required, pattern, ...) shows the catalog text of the rule;
 * - a rule with parameters (minLength {limit}) shows the server's message, rendered with the real limit.
 * Several messages on one field are kept together.
 */
export function toFormFieldErrors(error: unknown, locale: Locale): FormFieldError[] {
  const byPath = new Map<string, FormFieldError>();
  const business = isApiError(error) && error.code !== 'VALIDATION_FAILED' ? errorText(error, locale) : null;
  for (const detail of fieldErrorsOf(error)) {
    const name = toFormPath(detail.field);
    if (!name) continue;
    const ruleText = tryT(locale, `validation.${detail.rule}`);
    const message =
      business ??
      (ruleText && !/\{\w+\}/.test(ruleText) ? ruleText : detail.message || ruleText || t(locale, 'validation.format'));
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byPath.set(key, entry);
  }
  return [...byPath.values()];
}

/** What to tell the user about an error, in the UI language (catalog first, then the server's message). */
export function errorText(error: unknown, locale: Locale): string {
  if (isApiError(error)) {
    const params = isRecord(error.details) ? paramsOf(error.details) : undefined;
    const text = tryT(locale, `errors.${error.code}`, params);
    // A catalog text whose placeholder got no value ("{minutes}") is worse than the server's own rendering.
    if (text && !/\{\w+\}/.test(text)) return text;
    return error.message || text || t(locale, 'errors.UNKNOWN');
  }
  if (error instanceof Error && error.message) return error.message;
  return t(locale, 'errors.UNKNOWN');
}

function paramsOf(details: Record<string, unknown>): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return params;
}
