import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { localeFromHeader, translate, type Locale } from '../../platform/messages.ts';
import { CONTENT_TYPES, errorsDoc, parseXml, render, splitFormat, type O311Doc, type O311Format } from './open311-format.ts';
import { Params } from './open311-params.ts';
import type { Upload } from './open311-intake.ts';
import { MAX_MEDIA } from './open311-intake.ts';
import { O311Error } from './open311.errors.ts';

/**
 * HTTP plumbing of /open311/v2 (open311-georeport-v2.md §1.1, §1.8): format by path extension, body parsers for
 * form/XML/multipart scoped to this plugin, and every error in the requested format with the spec's codes.
 */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;
const FORM_LIMIT = 16 * 1024 * 1024;
const MULTIPART_LIMITS = { fileSize: MAX_MEDIA_BYTES, files: MAX_MEDIA, fields: 200, parts: 200 + MAX_MEDIA, fieldSize: 1024 * 1024 };

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

/** The requested format, or 404 for an unknown extension (§1.12 item 3, as open311-adapter does). */
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
  const params = err.details && typeof err.details === 'object' && !Array.isArray(err.details) ? (err.details as Record<string, unknown>) : {};
  const text = translate(locale, `errors.${err.code}`, params) ?? err.code;
  const descriptions = details.length ? details.map((d) => `${fieldName(d.field ?? '')}: ${d.message ?? text}`) : [text];
  // §1.8: 404 unknown resource, 403 key, 400 anything else; 413 for oversized media
  const status = err.status === 404 || err.status === 413 ? err.status : 400;
  return new O311Error(status, descriptions);
}

export function installOpen311Errors(scope: FastifyInstance): void {
  scope.setErrorHandler((err: FastifyError | AppError | O311Error, req, reply) => {
    const format = formatOf(req);
    let e: O311Error;
    if (err instanceof O311Error) e = err;
    else if (err instanceof AppError) e = fromAppError(err, localeOf(req));
    else {
      const status = typeof (err as FastifyError).statusCode === 'number' ? (err as FastifyError).statusCode! : 500;
      if (status >= 500) {
        req.log.error({ err }, 'open311: unhandled error');
        return send(reply, format, errorsDoc(500, ['internal error']), 500);
      }
      const mapped = status === 413 ? 413 : status === 429 ? 429 : status === 404 ? 404 : 400;
      e = new O311Error(mapped, [mapped === 429 ? 'rate limit exceeded' : String(err.message).slice(0, 200)]);
    }
    return send(reply, format, errorsDoc(e.status, e.descriptions), e.status);
  });
  scope.setNotFoundHandler((req, reply) => send(reply, formatOf(req), errorsDoc(404, ['no such resource']), 404));
  // The console's static files claim GET /* at the root; anything else under /open311/v2 is a 404 in our format.
  scope.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', config: { public: true }, schema: { hide: true },
    handler: async (req, reply) => send(reply, formatOf(req), errorsDoc(404, ['no such resource']), 404),
  });
}

/** POST bodies: form-urlencoded (the spec's), XML and JSON documents; multipart comes from @fastify/multipart. */
export function installBodyParsers(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => {
    done(null, new URLSearchParams(body as string));
  });
  scope.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => {
    const tree = parseXml(body as string);
    if (!tree) return done(O311Error.badRequest('malformed XML body'), undefined);
    // <request><service_code>..</service_code>..</request>: the root's children are the arguments
    const roots = Object.values(tree);
    const root = roots.length === 1 && roots[0] && typeof roots[0] === 'object' ? roots[0] : tree;
    done(null, root);
  });
}

const errCode = (err: unknown) => (typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '');

/** Query and body arguments together, plus uploaded files (multipart `media[]`, FixMyStreet's `photoN`/`file_*`). */
export async function readArguments(req: FastifyRequest): Promise<{ params: Params; files: Upload[] }> {
  const params = Params.from(req.query);
  const files: Upload[] = [];
  if (req.method !== 'POST') return { params, files };
  if (req.isMultipart()) {
    if (Number(req.headers['content-length'] ?? 0) > MAX_MEDIA * MAX_MEDIA_BYTES + FORM_LIMIT) throw O311Error.tooLarge('the request is too large');
    try {
      for await (const part of req.parts({ limits: MULTIPART_LIMITS })) {
        if (part.type === 'file') files.push({ field: part.fieldname, data: await part.toBuffer() });
        else if (part.valueTruncated) throw O311Error.tooLarge(`${part.fieldname} is too large`);
        else params.add(part.fieldname, part.value);
      }
    } catch (err) {
      if (err instanceof O311Error) throw err;
      const code = errCode(err);
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw O311Error.tooLarge(`media larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`);
      if (code === 'FST_FILES_LIMIT') throw O311Error.badRequest(`at most ${MAX_MEDIA} media per request`);
      throw O311Error.badRequest('malformed multipart body');
    }
    return { params, files };
  }
  const body = req.body;
  if (body instanceof URLSearchParams) for (const [k, v] of body) params.add(k, v);
  else if (body && typeof body === 'object' && !Array.isArray(body)) for (const [k, v] of Object.entries(body)) params.add(k, v);
  else if (body !== undefined && body !== null && body !== '') throw O311Error.badRequest('the body must be form fields, an object or an XML document');
  return { params, files };
}
