import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CaseNoParams,
  CaseSupporters,
  PublicNearby,
  PublicNearbyQuery,
  PublicReportsPage,
  PublicReportsQuery,
  PublicSubscribe,
  PublicSubscribeChannels,
  PublicSubscribed,
  PublicSupport,
  PublicSupportResult,
  UnsubscribeParams,
} from '../../../../common/contracts/participation.ts';
import type { Clock } from '../../platform/clock.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import { deviceOf, Limiter, tooMany } from '../citizen/index.ts';
import type { ParticipationService } from './participation.service.ts';

const errors = errorResponses(400, 404, 409, 429);
const HOUR = 3_600_000;
const CITY = /^[A-Za-z0-9_-]{1,20}$/;

/** Per-IP reads, and per-device and per-IP writes: a support or subscription is cheap to make, so it is rationed. */
export const PARTICIPATION_LIMITS = { readsPerMinuteIp: 60, writesPerHourDevice: 30, writesPerHourIp: 120 } as const;

/**
 * The public routes of participation (public: true, following the public-output rule through the case module's
 * public reads) and the staff count of supporters. The city comes from x-city like the other citizen routes.
 */
export async function registerParticipationRoutes(
  app: FastifyInstance,
  s: ParticipationService,
  tenantOf: (cityCode: string | null) => Promise<{ id: string }>,
  clock: Clock,
  hits: HitCounter,
): Promise<void> {
  const now = () => clock.now().getTime();
  const reads = new Limiter(
    'participation-reads',
    [{ scope: 'ip', limit: PARTICIPATION_LIMITS.readsPerMinuteIp, windowMs: 60_000 }],
    hits,
  );
  const writes = new Limiter(
    'participation-writes',
    [
      { scope: 'device', limit: PARTICIPATION_LIMITS.writesPerHourDevice, windowMs: HOUR },
      { scope: 'ip', limit: PARTICIPATION_LIMITS.writesPerHourIp, windowMs: HOUR },
    ],
    hits,
  );
  const tenant = async (req: FastifyRequest) => {
    const city = req.headers['x-city'];
    const code = typeof city === 'string' && CITY.test(city) ? city : null;
    return (await tenantOf(code)).id;
  };

  await app.register(async (scope) => {
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['public'];
    const config = { public: true } as const;
    scope.addHook('onRequest', async (req, reply) => {
      const limiter = req.method === 'GET' ? reads : writes;
      const device = req.method === 'GET' ? `ip:${req.ip}` : deviceOf(req).key;
      const refusal = await limiter.take({ ip: req.ip, device }, now());
      if (refusal) return tooMany(req, reply, refusal);
    });

    r.get(
      '/api/public/nearby',
      {
        config,
        schema: {
          tags,
          summary: 'Open public reports of a matter near a point (bounded radius and count; coarse coordinates)',
          querystring: PublicNearbyQuery,
          response: { 200: PublicNearby, ...errors },
        },
      },
      async (req) => s.nearby(await tenant(req), req.query),
    );
    r.get(
      '/api/public/cases',
      {
        config,
        schema: {
          tags,
          summary: 'Public reports, newest first, a page at a time (for the public map and list)',
          querystring: PublicReportsQuery,
          response: { 200: PublicReportsPage, ...errors },
        },
      },
      async (req) => s.list(await tenant(req), req.query),
    );
    r.post(
      '/api/public/cases/:caseNo/support',
      {
        config,
        schema: {
          tags,
          summary: '我也遇到: add a supporter to an open public case (once per phone, or per device)',
          params: CaseNoParams,
          body: PublicSupport,
          response: { 200: PublicSupportResult, ...errors },
        },
      },
      async (req) => s.support(await tenant(req), req.params.caseNo, req.body, deviceOf(req)),
    );
    r.get(
      '/api/public/subscriptions/channels',
      {
        config,
        schema: {
          tags,
          summary: 'Which channels can deliver subscriptions here',
          response: { 200: PublicSubscribeChannels },
        },
      },
      async () => s.channels(),
    );
    r.post(
      '/api/public/cases/:caseNo/subscriptions',
      {
        config,
        schema: {
          tags,
          summary: 'Subscribe to the status changes of an open public case by SMS or WeChat (409 without a gateway)',
          params: CaseNoParams,
          body: PublicSubscribe,
          response: { 200: PublicSubscribed, ...errors },
        },
      },
      async (req) => s.subscribe(await tenant(req), req.params.caseNo, req.body),
    );
    r.post(
      '/api/public/subscriptions/:token/cancel',
      {
        config,
        schema: {
          tags,
          summary: 'Unsubscribe with the token of the link in every message',
          params: UnsubscribeParams,
          response: { 200: Type.Object({ subscribed: Type.Literal(false) }), ...errors },
        },
      },
      async (req) => s.unsubscribe(req.params.token),
    );
  });

  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/cases/:id/supporters',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'How many citizens said 我也遇到 on the case',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: CaseSupporters, ...errorResponses(403, 404) },
      },
    },
    async (req) => s.supporters(actorOf(req), req.params.id),
  );
}
