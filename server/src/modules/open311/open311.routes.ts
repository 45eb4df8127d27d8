import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ApiClientsTable } from '../../db/schema-open311.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { registerOpen311AdminRoutes } from './open311-admin.routes.ts';
import { installBodyParsers, readArguments, type BodyLimits, type KeyGate } from './open311-body.ts';
import type { ClientService } from './open311-clients.service.ts';
import { baseUrl, installOpen311Errors, localeOf, requireFormat, send } from './open311-http.ts';
import type { Open311Intake } from './open311-intake.ts';
import type { Open311Updates } from './open311-updates.ts';
import type { Open311Reader } from './open311.service.ts';
import { O311Error } from './open311.errors.ts';

export interface Open311Services {
  reader: Open311Reader;
  intake: Open311Intake;
  updates: Open311Updates;
  clients: ClientService;
}

/** Body limits (open311-body.ts) and the per-IP budget of POSTs, from config.ts. */
export type Open311Limits = BodyLimits & { postsPerMinuteIp: number };

type FormatParams = { format: string };
/** Anonymous reads are public but bounded per caller address; writes are bounded per api_key (clients service). */
const READ_LIMIT = { rateLimit: { max: 600, timeWindow: '1 minute' } };
const cfg = { public: true, ...READ_LIMIT } as const;
/**
 * No session: the api_key argument is the credential (docs/open311.md "Creating a request"), so the cookie scheme
 * does not apply.
 */
const doc = (summary: string) => ({ tags: ['open311'], summary, security: [] });
/**
 * Calls that may carry the api_key in the query string (FixMyStreet sends it so on GET servicerequestupdates) are
 * not access-logged: the request log line holds the full URL, and secrets are never logged. Errors still are.
 */
const KEYED_LOG = 'warn' as const;

const queryKey = (req: FastifyRequest): string | undefined => {
  const v = (req.query as Record<string, unknown> | undefined)?.api_key;
  const first: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof first === 'string' && first !== '' ? first : undefined;
};

/**
 * Anonymous reads other parties' browser apps may call (docs/open311.md, "Cross-origin reads"): any origin may read
 * them, without credentials. Keyed routes are left out: a browser page must not hold an api_key.
 */
const CROSS_ORIGIN_READS = new Set(
  [
    '/discovery.:format',
    '/services.:format',
    '/services/:code.:format',
    '/requests.:format',
    '/requests/:id.:format',
    '/tokens/:token.:format',
  ].map((p) => `/open311/v2${p}`),
);

/** By header: before parsing, @fastify/multipart has not yet marked the request. */
const isMultipart = (req: FastifyRequest) => /^multipart\/form-data\b/i.test(String(req.headers['content-type'] ?? ''));

/**
 * GeoReport v2 under /open311/v2 (docs/open311.md, "Service discovery" to "Service request updates"): reads are
 * public, writes need an api_key.
 * Not under /api: the session/CSRF hook ignores these routes, the key is the credential. Writes are refused per IP
 * address before anything else, then by key before their body is parsed (open311-body.ts).
 */
export async function registerOpen311Routes(
  app: FastifyInstance,
  s: Open311Services,
  limits: Open311Limits,
): Promise<void> {
  await app.register(
    async (scope) => {
      // the client of each request whose api_key has been checked, so the key is checked once whatever carried it
      const clients = new WeakMap<FastifyRequest, ApiClientsTable>();
      const gate: KeyGate = {
        checked: (req) => clients.has(req),
        async check(req, key) {
          if (!clients.has(req)) clients.set(req, await s.clients.identify(key));
        },
      };
      installOpen311Errors(scope, limits.bodyLimitBytes);
      scope.addHook('onSend', async (req, reply, payload) => {
        if ((req.method === 'GET' || req.method === 'HEAD') && CROSS_ORIGIN_READS.has(req.routeOptions.url ?? '')) {
          reply.header('access-control-allow-origin', '*');
          reply.header('cross-origin-resource-policy', 'cross-origin');
        }
        return payload;
      });
      installBodyParsers(scope, limits, gate);
      await scope.register(multipart);

      const args = async (req: FastifyRequest) => {
        const { params, files } = await readArguments(req, limits, gate);
        return { params, files, locale: localeOf(req), base: baseUrl(req) };
      };
      const keyed = async (req: FastifyRequest, params: Awaited<ReturnType<typeof args>>['params']) => {
        const tenant = await s.reader.tenantOf(params);
        await gate.check(req, params.one('api_key'));
        const client = clients.get(req) as ApiClientsTable;
        // another tenant's key is the same 403 as an unknown one
        if (client.tenant_id !== tenant.id) throw O311Error.forbidden();
        return { tenant, client };
      };
      /**
       * Before the body: a key in the query string is checked now; without one, a body declared larger than the
       * limit could not carry a key we would read, so it is refused unread (multipart: the first part decides).
       */
      const keyFirst = async (req: FastifyRequest, _reply: unknown, payload: NodeJS.ReadableStream) => {
        const key = queryKey(req);
        if (key !== undefined) await gate.check(req, key);
        else if (
          req.method === 'POST' &&
          !isMultipart(req) &&
          Number(req.headers['content-length'] ?? 0) > limits.bodyLimitBytes
        )
          throw O311Error.forbidden();
        return payload;
      };
      const writeLimit = {
        max: limits.postsPerMinuteIp,
        timeWindow: 60_000,
        errorResponseBuilder: (_req: FastifyRequest, c: { max: number; ttl: number }) =>
          O311Error.rateLimited(c.max, Math.ceil(c.ttl / 1000), 'this address'),
      };
      const write = { public: true, rateLimit: writeLimit } as const;

      scope.get<{ Params: FormatParams }>(
        '/discovery.:format',
        { config: cfg, schema: doc('Service discovery') },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          const a = await args(req);
          return send(reply, format, await s.reader.discovery(a.params, a.base, a.locale));
        },
      );

      scope.get<{ Params: FormatParams }>(
        '/services.:format',
        { config: cfg, schema: doc('Service list: catalog matters grouped by major class') },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          return send(reply, format, await s.reader.services((await args(req)).params));
        },
      );

      scope.get<{ Params: FormatParams & { code: string } }>(
        '/services/:code.:format',
        { config: cfg, schema: doc('Service definition: 立结案标准 and extra questions') },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          const a = await args(req);
          return send(reply, format, await s.reader.definition(a.params, req.params.code, a.locale));
        },
      );

      scope.get<{ Params: FormatParams }>(
        '/requests.:format',
        {
          config: cfg,
          schema: doc(
            'Service requests: filters, comma lists, 90-day default window, page/page_size, updated_after/updated_before, extensions',
          ),
        },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          const a = await args(req);
          return send(reply, format, await s.reader.requests(a.params, a.base));
        },
      );

      scope.get<{ Params: FormatParams & { id: string } }>(
        '/requests/:id.:format',
        { config: cfg, schema: doc('One service request by its id (the case number), as a one-element list') },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          const a = await args(req);
          return send(reply, format, await s.reader.request(a.params, req.params.id, a.base));
        },
      );

      scope.get<{ Params: FormatParams & { token: string } }>(
        '/tokens/:token.:format',
        { config: cfg, schema: doc('Request id of a token') },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          return send(reply, format, await s.reader.token((await args(req)).params, req.params.token));
        },
      );

      scope.post<{ Params: FormatParams }>(
        '/requests.:format',
        {
          config: write,
          bodyLimit: limits.bodyLimitBytes,
          logLevel: KEYED_LOG,
          preParsing: keyFirst,
          schema: doc(
            'Create a service request (api_key; form, multipart media[]/photoN, JSON or XML; Idempotency-Key honoured)',
          ),
        },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          const key = idempotencyKey(req.headers['idempotency-key']);
          const a = await args(req);
          const { tenant, client } = await keyed(req, a.params);
          return send(reply, format, await s.intake.post(tenant.id, client, a.params, a.files, key, a.locale));
        },
      );

      scope.get<{ Params: FormatParams }>(
        '/servicerequestupdates.:format',
        {
          config: { public: true },
          logLevel: KEYED_LOG,
          preParsing: keyFirst,
          schema: doc('mySociety: updates of the requests this api_key sent'),
        },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          const a = await args(req);
          const { tenant, client } = await keyed(req, a.params);
          return send(reply, format, await s.updates.list(tenant.id, client, a.params));
        },
      );

      scope.post<{ Params: FormatParams }>(
        '/servicerequestupdates.:format',
        {
          config: write,
          bodyLimit: limits.bodyLimitBytes,
          logLevel: KEYED_LOG,
          preParsing: keyFirst,
          schema: doc('mySociety: post an update; REOPEN reopens a closed case'),
        },
        async (req, reply) => {
          const format = requireFormat(req.params.format);
          const a = await args(req);
          const { tenant, client } = await keyed(req, a.params);
          return send(reply, format, await s.updates.post(tenant.id, client, a.params, a.files.length));
        },
      );
    },
    { prefix: '/open311/v2' },
  );
}

/** Both route sets: /open311/v2/* (GeoReport formats) and /api/open311/clients (permission apikey.manage). */
export async function registerOpen311(app: FastifyInstance, s: Open311Services, limits: Open311Limits): Promise<void> {
  await registerOpen311Routes(app, s, limits);
  registerOpen311AdminRoutes(app, s.clients);
}
