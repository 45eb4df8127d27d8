import { maskPersonalText } from '../../../common/domain/privacy.ts';

/**
 * Pino serializers for the request log: phone and ID numbers in URLs (search queries, lookups) and in error
 * messages (a database error can quote the value it refused) are masked, as in lists (docs/security.md, "Public output").
 * Cookies, the CSRF token and authorisation headers are never serialised at all.
 */
interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}
interface LoggedError {
  constructor?: { name?: string };
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  detail?: unknown;
  statusCode?: unknown;
}

const mask = (v: unknown): string | undefined =>
  typeof v === 'string' ? maskPersonalText(v) : v === undefined || v === null ? undefined : String(v);

export const logSerializers = {
  req(value: unknown) {
    const request = (value ?? {}) as LoggedRequest;
    return {
      method: request.method,
      url: mask(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
  err(value: unknown) {
    const err = (value ?? {}) as LoggedError;
    return {
      type: err.constructor?.name ?? 'Error',
      message: mask(err.message) ?? '',
      stack: mask(err.stack) ?? '',
      ...(err.code === undefined ? {} : { code: err.code }),
      ...(err.detail === undefined ? {} : { detail: mask(err.detail) }),
      ...(err.statusCode === undefined ? {} : { statusCode: err.statusCode }),
    };
  },
};
