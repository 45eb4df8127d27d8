import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { idempotencyKey } from '../../platform/idempotency.ts';
import type { ClientService } from './open311-clients.service.ts';
import {
  baseUrl, installBodyParsers, installOpen311Errors, localeOf, readArguments, requireFormat, send,
} from './open311-http.ts';
import type { Open311Intake } from './open311-intake.ts';
import type { Open311Updates } from './open311-updates.ts';
import type { Open311Reader } from './open311.service.ts';

export interface Open311Services {
  reader: Open311Reader;
  intake: Open311Intake;
  updates: Open311Updates;
  clients: ClientService;
}

type FormatParams = { format: string };
/** Anonymous reads are public but bounded per caller address; writes are bounded per api_key (clients service). */
const READ_LIMIT = { rateLimit: { max: 600, timeWindow: '1 minute' } };
const cfg = { public: true, ...READ_LIMIT } as const;
/** No session: the api_key argument is the credential (§1.5), so the cookie scheme does not apply. */
const doc = (summary: string) => ({ tags: ['open311'], summary, security: [] });
/**
 * Calls that may carry the api_key in the query string (FixMyStreet sends it so on GET servicerequestupdates) are
 * not access-logged: the request log line holds the full URL, and secrets are never logged. Errors still are.
 */
const KEYED_LOG = 'warn' as const;

/**
 * GeoReport v2 under /open311/v2 (open311-georeport-v2.md §1.2–§1.10): reads are public, writes need an api_key.
 * Not under /api: the session/CSRF hook ignores these routes, the key is the credential.
 */
export async function registerOpen311Routes(app: FastifyInstance, s: Open311Services): Promise<void> {
  await app.register(async (scope) => {
    installOpen311Errors(scope);
    installBodyParsers(scope);
    await scope.register(multipart);

    const args = async (req: FastifyRequest) => {
      const { params, files } = await readArguments(req);
      return { params, files, locale: localeOf(req), base: baseUrl(req) };
    };
    const keyed = async (req: FastifyRequest, params: Awaited<ReturnType<typeof args>>['params']) => {
      const tenant = await s.reader.tenantOf(params);
      return { tenant, client: await s.clients.authenticate(tenant.id, params.one('api_key')) };
    };

    scope.get<{ Params: FormatParams }>('/discovery.:format', { config: cfg, schema: doc('Service discovery (§1.2)') }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      const a = await args(req);
      return send(reply, format, await s.reader.discovery(a.params, a.base, a.locale));
    });

    scope.get<{ Params: FormatParams }>('/services.:format', { config: cfg, schema: doc('Service list: catalog matters grouped by major class (§1.3)') }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      return send(reply, format, await s.reader.services((await args(req)).params));
    });

    scope.get<{ Params: FormatParams & { code: string } }>('/services/:code.:format', { config: cfg, schema: doc('Service definition: 立结案标准 and extra questions (§1.4)') }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      const a = await args(req);
      return send(reply, format, await s.reader.definition(a.params, req.params.code, a.locale));
    });

    scope.get<{ Params: FormatParams }>('/requests.:format', { config: cfg, schema: doc('Service requests: filters, comma lists, 90-day default window, page/page_size, updated_after/updated_before, extensions (§1.7, §1.9)') }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      const a = await args(req);
      return send(reply, format, await s.reader.requests(a.params, a.base));
    });

    scope.get<{ Params: FormatParams & { id: string } }>('/requests/:id.:format', { config: cfg, schema: doc('One service request by its id (the case number), as a one-element list (§1.7)') }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      const a = await args(req);
      return send(reply, format, await s.reader.request(a.params, req.params.id, a.base));
    });

    scope.get<{ Params: FormatParams & { token: string } }>('/tokens/:token.:format', { config: cfg, schema: doc('Request id of a token (§1.6)') }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      return send(reply, format, await s.reader.token((await args(req)).params, req.params.token));
    });

    scope.post<{ Params: FormatParams }>('/requests.:format', {
      config: { public: true }, bodyLimit: 16 * 1024 * 1024, logLevel: KEYED_LOG,
      schema: doc('Create a service request (api_key; form, multipart media[]/photoN, JSON or XML; Idempotency-Key honoured) (§1.5)'),
    }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      const key = idempotencyKey(req.headers['idempotency-key']);
      const a = await args(req);
      const { tenant, client } = await keyed(req, a.params);
      return send(reply, format, await s.intake.post(tenant.id, client, a.params, a.files, key, a.locale));
    });

    scope.get<{ Params: FormatParams }>('/servicerequestupdates.:format', { config: { public: true }, logLevel: KEYED_LOG, schema: doc('mySociety: updates of the requests this api_key sent (§1.10)') }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      const a = await args(req);
      const { tenant, client } = await keyed(req, a.params);
      return send(reply, format, await s.updates.list(tenant.id, client, a.params));
    });

    scope.post<{ Params: FormatParams }>('/servicerequestupdates.:format', { config: { public: true }, logLevel: KEYED_LOG, schema: doc('mySociety: post an update; REOPEN reopens a closed case (§1.10)') }, async (req, reply) => {
      const format = requireFormat(req.params.format);
      const a = await args(req);
      const { tenant, client } = await keyed(req, a.params);
      return send(reply, format, await s.updates.post(tenant.id, client, a.params, a.files.length));
    });
  }, { prefix: '/open311/v2' });
}
