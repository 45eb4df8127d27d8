import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { attachment, errorResponses } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { CasePhoto } from '../../../../common/contracts/cases.ts';
import { IdParams } from '../../../../common/contracts/common.ts';
import { invalidField } from '../../platform/errors.ts';
import { actorOf } from '../auth/index.ts';
import { MAX_PHOTO_BYTES, photoErrors } from './photo.errors.ts';
import type { PhotoFile, PhotoService } from './photo.service.ts';

const errors = errorResponses(400, 401, 403, 404);
/** Room for the multipart boundaries and part headers around the one file. */
const ENVELOPE_BYTES = 64 * 1024;
const LIMITS = { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024 };
const errCode = (err: unknown) => (typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '');
const missingFile = () =>
  invalidField('body.file', 'required', 'send the photo as the multipart/form-data field "file"');

/**
 * The one photo of a multipart/form-data request, from the field `file`. The declared length is checked first so
 * an oversize upload is refused before it is read; busboy's own limit catches a lying or absent Content-Length.
 */
export async function uploadedPhoto(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw missingFile();
  if (Number(req.headers['content-length'] ?? 0) > MAX_PHOTO_BYTES + ENVELOPE_BYTES) throw photoErrors.tooLarge();
  let data: Buffer | undefined;
  try {
    for await (const part of req.parts({ limits: LIMITS })) {
      if (part.type !== 'file') continue;
      if (part.fieldname === 'file' && data === undefined) data = await part.toBuffer();
      // Read to the end even when unwanted, so the parser reaches the end of the request and reports its limits.
      else await part.toBuffer();
    }
  } catch (err) {
    const code = errCode(err);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw photoErrors.tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw invalidField('body.file', 'maxItems', 'one photo per request');
    }
    throw err;
  }
  if (!data) throw missingFile();
  return data;
}

/** True when the client's cached copy (If-None-Match) is this version. */
function cachedCopyIsCurrent(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

async function sendPhoto(
  req: FastifyRequest,
  reply: FastifyReply,
  file: PhotoFile,
  cache: 'private' | 'public' = 'private',
) {
  const etag = `"${file.etag}"`;
  // private: a shared proxy must never hand one user's case photo to another user.
  reply.header('cache-control', `${cache}, max-age=86400`).header('etag', etag);
  if (cachedCopyIsCurrent(req.headers['if-none-match'], etag)) return reply.status(304).send();
  const { stream, size } = await file.open();
  return reply
    .header('content-type', 'image/jpeg')
    .header('content-length', size)
    .header('content-disposition', attachment(`${file.id}.jpg`, { inline: true }))
    .send(stream);
}

/**
 * HTTP only: multipart → service → reply (docs/architecture.md, "Module anatomy"). Multipart parsing is registered
 * in this scope only.
 * `uploadsPerMinuteUser` caps each staff member's uploads (429 beyond); public uploads have their own limits.
 */
export async function registerPhotoRoutes(
  app: FastifyInstance,
  s: PhotoService,
  publicScope: (req: FastifyRequest) => Promise<{ tenantId: string; channels: readonly string[] }>,
  uploadsPerMinuteUser: number,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: LIMITS });
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['photos'];
    const jpeg = Type.Unknown({ description: 'image/jpeg bytes' });

    r.post(
      '/api/photos',
      {
        config: {
          permission: 'case.read',
          // Counted per signed-in user (the auth hook has resolved the actor before this hook runs), before the body is read.
          rateLimit: {
            max: uploadsPerMinuteUser,
            timeWindow: '1 minute',
            keyGenerator: (req: FastifyRequest) => `photo-upload:${req.actor?.userId ?? req.ip}`,
          },
        },
        schema: {
          tags,
          summary:
            'Upload one photo (multipart field `file`, ≤ 10 MB; JPEG, PNG, WebP or HEIF by content). Stored upright as JPEG without EXIF; attach it to a case by id.',
          response: { 201: CasePhoto, ...errorResponses(413, 415, 422, 429, 503), ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await s.upload(actorOf(req), await uploadedPhoto(req), idempotencyKey(req.headers['idempotency-key']))),
    );

    r.get(
      '/api/photos/:id',
      {
        config: { permission: 'case.read' },
        schema: {
          tags,
          summary: 'The photo (JPEG), to its uploader or to users who can see its case',
          params: IdParams,
          response: { 200: jpeg, ...errors },
        },
      },
      async (req, reply) => sendPhoto(req, reply, await s.file(actorOf(req), req.params.id, 'full')),
    );

    // Public copies for citizen tracking and Open311 media_url: the public-output rule's photos only (photo.repository.ts).
    for (const [suffix, variant] of [
      ['', 'full'],
      ['/thumb', 'thumb'],
    ] as const) {
      r.get(
        `/api/public/photos/:id${suffix}`,
        {
          config: { public: true },
          schema: {
            tags,
            summary: `A citizen report's ${variant === 'thumb' ? 'thumbnail' : 'photo'} (JPEG, no EXIF), for public pages`,
            params: IdParams,
            response: { 200: jpeg, ...errorResponses(404, 400) },
          },
        },
        async (req, reply) => {
          const scope = await publicScope(req);
          return sendPhoto(
            req,
            reply,
            await s.publicFile(scope.tenantId, req.params.id, variant, scope.channels),
            'public',
          );
        },
      );
    }

    r.get(
      '/api/photos/:id/thumb',
      {
        config: { permission: 'case.read' },
        schema: {
          tags,
          summary: 'The 320 px thumbnail (JPEG), same access as the photo',
          params: IdParams,
          response: { 200: jpeg, ...errors },
        },
      },
      async (req, reply) => sendPhoto(req, reply, await s.file(actorOf(req), req.params.id, 'thumb')),
    );
  });
}
