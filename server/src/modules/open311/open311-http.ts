import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { localeFromHeader, translate, type Locale } from '../../platform/messages.ts';
import { CONTENT_TYPES, errorsDoc, render, splitFormat, type O311Doc, type O311Format } from './open311-format.ts';
import { O311Error } from './open311.errors.ts';

/**
 * HTTP plumbing of /open311/v2 (docs/open311.md, "Global rules", "Errors"): format by path extension and every error in
 * the requested format with the spec's codes. Bodies are read by open311-body.ts.
 */

export const localeOf = (req: FastifyRequest): Locale => localeFromHeader(req.headers['accept-language']);
export const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** The format the caller asked for by extension; anything else is answered in XML, the mandatory format. */
export function formatOf(req: FastifyRequest): O311Format {
  const path = (req.url.split('?')[0] ?? '').split('/').at(-1) ?? '';
  return splitFormat(path).format ?? 'xml';
}

export function send(reply: FastifyReply, format: O311Format, doc: O311Doc, status = 200) {
  return reply.status(status).header('content-type', CONTENT_TYPES[format]).send(render(doc, format));
}

/**
 * The requested format, or 404 for an unknown extension (docs/open311.md "Conformance checklist" item 3, as
 * open311-adapter does).
 */
export function requireFormat(format: string): O311Format {
  if (format === 'xml' || format === 'json') return format;
  throw O311Error.notFound(`unknown format: .${format} (use .xml or .json)`);
}

/** Field paths of the case and photo modules, in the names an Open311 client sent. */
const FIELD_NAMES: [RegExp, string][] = [
  [/^body\.(lng|lat)$/, 'lat/long'],
  [/^body\.matterCode$/, 'service_code'],
  [/^body\.(photoIds|file)/, 'media'],
  [/^headers\.idempotency-key$/, 'Idempotency-Key'],
];
const fieldName = (f: string) => FIELD_NAMES.find(([re]) => re.test(f))?.[1] ?? f.replace(/^body\./, '');

function fromAppError(err: AppError, locale: Locale): O311Error {
  const details = Array.isArray(err.details) ? (err.details as { field?: string; message?: string }[]) : [];
  const params =
    err.details && typeof err.details === 'object' && !Array.isArray(err.details)
      ? (err.details as Record<string, unknown>)
      : {};
  const text = translate(locale, `errors.${err.code}`, params) ?? err.code;
  const descriptions = details.length
    ? details.map((d) => `${fieldName(d.field ?? '')}: ${d.message ?? text}`)
    : [text];
  // docs/open311.md "Errors": 404 unknown resource, 403 key, 400 anything else; 413 for oversized media
  const status = err.status === 404 || err.status === 413 ? err.status : 400;
  return new O311Error(status, descriptions);
}

export function installOpen311Errors(scope: FastifyInstance, bodyLimitBytes: number): void {
  scope.setErrorHandler((err: FastifyError | AppError | O311Error, req, reply) => {
    const format = formatOf(req);
    let e: O311Error;
    if (err instanceof O311Error) e = err;
    else if (err instanceof AppError) e = fromAppError(err, localeOf(req));
    else {
      const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
      if (status >= 500) {
        req.log.error({ err }, 'open311: unhandled error');
        return send(reply, format, errorsDoc(500, ['internal error']), 500);
      }
      const mapped = status === 413 ? 413 : status === 429 ? 429 : status === 404 ? 404 : 400;
      const text =
        err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `the body is larger than ${bodyLimitBytes} bytes (send media as multipart parts)`
          : String(err.message).slice(0, 200);
      e = new O311Error(mapped, [mapped === 429 ? 'rate limit exceeded' : text]);
    }
    if (e.retryAfterSeconds !== undefined) reply.header('retry-after', String(e.retryAfterSeconds));
    // A refused write may still be sending its body: close rather than read the rest of it.
    if (req.method !== 'GET' && [403, 413, 429].includes(e.status)) reply.header('connection', 'close');
    return send(reply, format, errorsDoc(e.status, e.descriptions), e.status);
  });
  scope.setNotFoundHandler((req, reply) => send(reply, formatOf(req), errorsDoc(404, ['no such resource']), 404));
  // The console's static files claim GET /* at the root; anything else under /open311/v2 is a 404 in our format,
  // answered before any body is read.
  scope.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    config: { public: true },
    schema: { hide: true },
    onRequest: async (req, reply) => {
      if (req.method !== 'GET') reply.header('connection', 'close');
      return send(reply, formatOf(req), errorsDoc(404, ['no such resource']), 404);
    },
    handler: async (req, reply) => send(reply, formatOf(req), errorsDoc(404, ['no such resource']), 404),
  });
}
