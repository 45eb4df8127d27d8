import { create as contentDisposition } from 'content-disposition';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody } from '../../../common/contracts/common.ts';
import { AppError, withMessage } from './errors.ts';

/** The error statuses routes declare; every one is answered with the same ErrorBody (platform/http-errors.ts). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** The response-schema entries for the listed error statuses: `errorResponses(400, 404)` → `{ 400: ErrorBody, 404: ErrorBody }`. */
export function errorResponses<const S extends readonly ErrorStatus[]>(
  ...statuses: S
): { [K in S[number] as `${K}`]: typeof ErrorBody } {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as {
    [K in S[number] as `${K}`]: typeof ErrorBody;
  };
}

/**
 * A Content-Disposition value for a download (RFC 6266): an ISO-8859-1 `filename` for old clients and, when the name
 * needs it, the UTF-8 `filename*` (RFC 5987/8187) that modern browsers use, so 立结案标准.xlsx is saved as such.
 * `fallback` replaces the `?`-for-every-character ASCII name the package would otherwise derive from a Chinese name.
 */
export function attachment(filename: string, options: { fallback?: string; inline?: boolean } = {}): string {
  return contentDisposition(filename, {
    type: options.inline ? 'inline' : 'attachment',
    fallback: options.fallback ?? true,
  });
}

export interface Download {
  filename: string;
  contentType: string;
  body: Buffer | string | NodeJS.ReadableStream;
  /** ASCII name for clients that cannot read `filename*` (see attachment). */
  fallback?: string;
}

/** Sends a file to be saved under `filename`. */
export function sendDownload(reply: FastifyReply, file: Download) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachment(file.filename, { fallback: file.fallback }))
    .send(file.body);
}

export interface UploadedFile {
  /** The client's file name (multipart only). */
  filename?: string;
  bytes: Buffer;
}

/**
 * The one uploaded file of an import: the multipart/form-data field `file` (browsers, antd Upload) or a raw body
 * that the route's content-type parser kept as a Buffer (scripts, `curl --data-binary`). The multipart read is capped
 * at `maxBytes` (a larger file is a 413); a missing or empty upload is a 400 on `body.file`. `types` names the
 * accepted formats in the message, e.g. "xlsx 或 CSV".
 */
export async function uploadedFile(
  req: FastifyRequest,
  options: { maxBytes: number; types: string },
): Promise<UploadedFile> {
  const missing = (key: string) =>
    new AppError('VALIDATION_FAILED', 400, [
      withMessage({ field: 'body.file', rule: 'required' }, key, { types: options.types }),
    ]);
  if (req.isMultipart()) {
    const part = await req.file({ limits: { fileSize: options.maxBytes, files: 1 } });
    if (!part || part.fieldname !== 'file') throw missing('details.upload.fileField');
    return { filename: part.filename, bytes: await part.toBuffer() };
  }
  if (Buffer.isBuffer(req.body) && req.body.length > 0) return { bytes: req.body };
  throw missing('details.upload.required');
}
