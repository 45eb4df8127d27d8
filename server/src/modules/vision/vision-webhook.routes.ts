import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VisionEventPayload, VisionReceipt } from '../../../../common/contracts/vision.ts';
import { VISION_SIGNATURE_HEADER, VISION_TIMESTAMP_HEADER } from '../../../../common/domain/vision.ts';
import type { VisionSourcesTable } from '../../db/schema-vision.ts';
import { invalidField } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import { MAX_PHOTO_BYTES } from '../photos/index.ts';
import type { VisionIntake } from './vision-intake.ts';

const MAX_JSON_BYTES = 64 * 1024;
/** the image and the event's JSON beside it */
const MAX_MULTIPART_BYTES = MAX_PHOTO_BYTES + MAX_JSON_BYTES;

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The events webhook (docs/vision.md, "The webhook"). The source named in the path is looked up before the body is
 * read; the body is kept as bytes and only parsed (JSON, or multipart with the image) once its signature checks out.
 */
export async function registerVisionWebhook(app: FastifyInstance, intake: VisionIntake): Promise<void> {
  await app.register(async (scope) => {
    const raw = new WeakMap<FastifyRequest, Buffer>();
    const sourceOf = new WeakMap<FastifyRequest, VisionSourcesTable>();
    const imageOf = new WeakMap<FastifyRequest, Buffer>();
    scope.removeContentTypeParser('application/json');
    for (const [type, limit] of [
      ['application/json', MAX_JSON_BYTES],
      ['multipart/form-data', MAX_MULTIPART_BYTES],
    ] as const)
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: limit }, (req, body, done) => {
        raw.set(req, body as Buffer);
        done(null, {});
      });
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();

    r.post(
      '/api/vision/events/:sourceId',
      {
        preParsing: async (req, _reply, payload) => {
          sourceOf.set(req, await intake.precheck(req.params.sourceId));
          return payload;
        },
        preValidation: async (req) => {
          const source = sourceOf.get(req);
          const body = raw.get(req);
          if (!source || !body) throw invalidField('body', 'required', 'send the event as JSON or multipart');
          intake.verify(source, body, header(req, VISION_TIMESTAMP_HEADER), header(req, VISION_SIGNATURE_HEADER));
          const type = header(req, 'content-type') ?? '';
          if (type.startsWith('multipart/form-data')) {
            let form: FormData;
            try {
              form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
            } catch {
              throw invalidField('body', 'multipart', 'the multipart body cannot be read');
            }
            const event = form.get('event');
            if (typeof event !== 'string') throw invalidField('body.event', 'required', 'the field event (JSON)');
            const image = form.get('image');
            if (image !== null && typeof image !== 'string') imageOf.set(req, Buffer.from(await image.arrayBuffer()));
            req.body = parseJson(event, 'body.event') as VisionEventPayload;
          } else req.body = parseJson(body.toString('utf8'), 'body') as VisionEventPayload;
        },
        config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
        schema: {
          tags: ['vision'],
          summary: 'A recognised event from a camera or drone (HMAC-SHA256 of "{timestamp}.{body}")',
          params: Type.Object({ sourceId: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: VisionEventPayload,
          response: { 200: VisionReceipt, ...errorResponses(400, 401, 413, 415) },
        },
      },
      async (req) => {
        const source = sourceOf.get(req)!;
        return intake.receive(source, req.body, imageOf.get(req) ?? null);
      },
    );
  });
}

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidField(field, 'json', 'not valid JSON');
  }
}
