import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeFromHeader, translate, type Locale } from './messages.ts';
import { AppError, localizeDetails } from './errors.ts';
import { isStorageUnavailable, STORAGE_RETRY_AFTER_SECONDS } from './storage-errors.ts';

interface AjvIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

const CONTEXT_NAMES: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'params',
  headers: 'headers',
};

/** Turns schema-validation issues into `[{ field: 'body.username', rule, message }]`: bad input is a 400 naming every field. */
export function fieldErrors(issues: readonly AjvIssue[], context: string | undefined, locale: Locale) {
  const base = CONTEXT_NAMES[context ?? 'body'] ?? context ?? 'body';
  const seen = new Set<string>();
  const out: { field: string; rule: string; message: string }[] = [];
  for (const issue of issues) {
    let path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
      path = path ? `${path}.${issue.params.missingProperty}` : issue.params.missingProperty;
    }
    if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
      path = path ? `${path}.${issue.params.additionalProperty}` : issue.params.additionalProperty;
    }
    const field = path ? `${base}.${path}` : base;
    // anyOf/const noise from nullable unions adds nothing for a person; keep the first issue per field.
    if (seen.has(field)) continue;
    seen.add(field);
    const message = translate(locale, `validation.${issue.keyword}`, issue.params) ?? issue.message ?? issue.keyword;
    out.push({ field, rule: issue.keyword, message });
  }
  return out;
}

/** The message of an error code in the request's language, as the error body carries it (also for stored errors). */
export function errorMessage(
  request: FastifyRequest,
  code: string,
  details?: unknown,
  params?: Record<string, unknown>,
): string {
  const locale = localeFromHeader(request.headers['accept-language']);
  return translate(locale, `errors.${code}`, { ...(params ?? {}), ...(isRecord(details) ? details : {}) }) ?? code;
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  details?: unknown,
  params?: Record<string, unknown>,
) {
  const message = errorMessage(request, code, details, params);
  return reply
    .status(status)
    .send({ error: { code, message, ...(details === undefined ? {} : { details }), requestId: request.id } });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const FASTIFY_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'AUTH_REQUIRED',
  403: 'AUTH_FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  406: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** PostgreSQL: 22021 invalid byte sequence (a NUL in text), 22P05 untranslatable character (\u0000 in JSON). */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/** 413s about bytes (the body, or a multipart file whose route limit matches its file limit), not part counts. */
const BYTE_LIMITS = new Set(['FST_ERR_CTP_BODY_TOO_LARGE', 'FST_REQ_FILE_TOO_LARGE']);

/** A byte count as people read limits: "1 MB", "16 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

/** The one error handler: the shape of docs/conventions.md, "Errors", no stack traces to clients, 500s logged with the request id. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      // An error that knows when to try again (busy, rate limited) says so the way clients and proxies read it.
      const retryAfter = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number' && Number.isFinite(retryAfter))
        reply.header('retry-after', String(Math.ceil(retryAfter)));
      return send(
        reply,
        request,
        err.status,
        err.code,
        localizeDetails(err.details, localeFromHeader(request.headers['accept-language'])),
      );
    }
    const fe = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
    if (fe.validation) {
      const locale = localeFromHeader(request.headers['accept-language']);
      return send(reply, request, 400, 'VALIDATION_FAILED', fieldErrors(fe.validation, fe.validationContext, locale));
    }
    if (isStorageUnavailable(err)) {
      // A locked, read-only, full or unreachable database is not a bug: say so, and when to try again.
      request.log.warn({ err }, 'storage unavailable');
      reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
      return send(reply, request, 503, 'STORAGE_UNAVAILABLE', { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS });
    }
    if (UNSTORABLE_TEXT.has(String((err as { code?: unknown }).code))) {
      // Last line behind the control-character check (platform/control-chars.ts): text that reached PostgreSQL
      // by a path the check does not see (e.g. a cell of an uploaded workbook) is still bad input, not a bug.
      return send(reply, request, 400, 'BAD_REQUEST', {
        reason: 'text contains characters that cannot be stored (e.g. NUL)',
      });
    }
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status === 413 && !BYTE_LIMITS.has(String(fe.code)))
      return send(reply, request, 413, 'TOO_MANY_PARTS', { reason: fe.message.slice(0, 200) });
    if (status === 413) {
      // Limits differ per route (imports, uploads, forms): name the one this route enforces.
      const limit = request.routeOptions.bodyLimit;
      return send(reply, request, 413, 'PAYLOAD_TOO_LARGE', { limit: formatBytes(limit), limitBytes: limit });
    }
    if (status >= 400 && status < 500) {
      return send(reply, request, status, FASTIFY_CODES[status] ?? 'BAD_REQUEST', { reason: fe.message.slice(0, 200) });
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, request, 500, 'INTERNAL');
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 404, 'NOT_FOUND');
}
