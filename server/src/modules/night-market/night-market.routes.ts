import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Ok, PageOf } from '../../../../common/contracts/common.ts';
import {
  Application,
  ApplicationQuery,
  Commit,
  Draw,
  Ledger,
  LedgerCreate,
  LotteryFileSchema,
  Market,
  MarketCreate,
  MarketDetail,
  PublicApplied,
  PublicApply,
  PublicRound,
  PublicRoundList,
  PublicValue,
  Review,
  Round,
  RoundCreate,
  RoundNoParams,
  RoundQuery,
  StallsCreate,
  ViolationCreate,
  ViolationResult,
} from '../../../../common/contracts/night-market.ts';
import type { Clock } from '../../platform/clock.ts';
import { errorResponses } from '../../platform/http.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import { actorOf } from '../auth/index.ts';
import { publicLineScope, type PublicLineLimits } from '../citizen/index.ts';
import type { NightMarketService } from './night-market.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'market.read' } as const;
const MANAGE = { permission: 'market.manage' } as const;
const DRAW = { permission: 'market.draw' } as const;
const BASE = '/api/night-market';
const AppParams = Type.Object({ id: IdParams.properties.id, applicationId: IdParams.properties.id });

/** Per-IP reads and per-device and per-IP applications on the citizen page. */
export const NIGHT_MARKET_LIMITS: PublicLineLimits = {
  readsPerMinuteIp: 60,
  writes: { name: 'applies', perHourDevice: 5, perHourIp: 30 },
};

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/night-market.md. */
export async function registerNightMarketRoutes(
  app: FastifyInstance,
  s: NightMarketService,
  tenantOf: (cityCode: string | null) => Promise<{ id: string }>,
  clock: Clock,
  hits: HitCounter,
): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['night-market'];

  r.get(
    `${BASE}/markets`,
    { config: READ, schema: { tags, response: { 200: Type.Object({ items: Type.Array(Market) }), ...errors } } },
    async (req) => ({ items: await s.listMarkets(actorOf(req)) }),
  );
  r.post(
    `${BASE}/markets`,
    { config: MANAGE, schema: { tags, body: MarketCreate, response: { 201: MarketDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createMarket(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/markets/:id`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'A market with its stalls and holders',
        params: IdParams,
        response: { 200: MarketDetail, ...errors },
      },
    },
    async (req) => s.getMarket(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/markets/:id/stalls`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: StallsCreate, response: { 201: MarketDetail, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.addStalls(actorOf(req), req.params.id, req.body)),
  );

  r.get(
    `${BASE}/rounds`,
    { config: READ, schema: { tags, querystring: RoundQuery, response: { 200: PageOf(Round), ...errors } } },
    async (req) => s.listRounds(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/rounds`,
    { config: MANAGE, schema: { tags, body: RoundCreate, response: { 201: Round, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createRound(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/rounds/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: Round, ...errors } } },
    async (req) => s.getRound(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/rounds/:id/applications`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Applications of a round (phones and ID numbers masked)',
        params: IdParams,
        querystring: ApplicationQuery,
        response: { 200: PageOf(Application), ...errors },
      },
    },
    async (req) => s.listApplications(actorOf(req), req.params.id, req.query),
  );
  r.post(
    `${BASE}/rounds/:id/applications/:applicationId/review`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: '资格审核: eligible or not; a failed rule cannot be marked eligible',
        params: AppParams,
        body: Review,
        response: { 200: Application, ...errors },
      },
    },
    async (req) => s.review(actorOf(req), req.params.id, req.params.applicationId, req.body),
  );
  r.post(
    `${BASE}/rounds/:id/commitment`,
    {
      config: DRAW,
      schema: {
        tags,
        summary: 'Publish SHA-256(secret) and name the future public value; fixes the entrants',
        params: IdParams,
        body: Commit,
        response: { 200: Round, ...errors },
      },
    },
    async (req) => {
      await s.commit(actorOf(req), req.params.id, req.body);
      return s.getRound(actorOf(req), req.params.id);
    },
  );
  r.post(
    `${BASE}/rounds/:id/public-value`,
    {
      config: DRAW,
      schema: {
        tags,
        summary: 'Enter the public value once it is published (once)',
        params: IdParams,
        body: PublicValue,
        response: { 200: Round, ...errors },
      },
    },
    async (req) => {
      await s.enterPublicValue(actorOf(req), req.params.id, req.body);
      return s.getRound(actorOf(req), req.params.id);
    },
  );
  r.post(
    `${BASE}/rounds/:id/draw`,
    {
      config: DRAW,
      schema: {
        tags,
        summary: 'Draw with the secret (checked against the commitment, then published); once',
        params: IdParams,
        body: Draw,
        response: { 200: Round, ...errors },
      },
    },
    async (req) => {
      await s.draw(actorOf(req), req.params.id, req.body);
      return s.getRound(actorOf(req), req.params.id);
    },
  );
  r.get(
    `${BASE}/rounds/:id/lottery.json`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: LotteryFileSchema, ...errors } } },
    async (req) => s.lotteryFile(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/rounds/:id/ledger`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: Ledger, ...errors } } },
    async (req) => s.ledger(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/rounds/:id/ledger`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: LedgerCreate, response: { 201: Ok, ...errors } },
    },
    async (req, reply) => {
      await s.addLedgerEntry(actorOf(req), req.params.id, req.body);
      return reply.status(201).send({ ok: true });
    },
  );
  r.post(
    `${BASE}/rounds/:id/violations`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Record a violation; reaching the round threshold revokes the stall',
        params: IdParams,
        body: ViolationCreate,
        response: { 201: ViolationResult, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.addViolation(actorOf(req), req.params.id, req.body)),
  );

  // ── the citizen page: public, rate-limited, the city from x-city like the other citizen routes ──
  const publicErrors = errorResponses(400, 404, 409, 429);
  await publicLineScope(app, { name: 'night-market', limits: NIGHT_MARKET_LIMITS, tenantOf, hits, clock }, (line) => {
    const { routes: p, tenant, config, tags: ptags } = line;
    p.get(
      '/api/public/night-market/rounds',
      {
        config,
        schema: {
          tags: ptags,
          summary: 'The latest stall allocation rounds with their entrants (masked names) and results',
          response: { 200: PublicRoundList, ...publicErrors },
        },
      },
      async (req) => ({ items: await s.publicRounds(await tenant(req)) }),
    );
    p.get(
      '/api/public/night-market/rounds/:roundNo',
      {
        config,
        schema: { tags: ptags, params: RoundNoParams, response: { 200: PublicRound, ...publicErrors } },
      },
      async (req) => s.publicRound(await tenant(req), req.params.roundNo),
    );
    p.get(
      '/api/public/night-market/rounds/:roundNo/lottery.json',
      {
        config,
        schema: {
          tags: ptags,
          summary: 'The published lottery file: everything needed to replay the draw',
          params: RoundNoParams,
          response: { 200: LotteryFileSchema, ...publicErrors },
        },
      },
      async (req) => s.publicLotteryFile(await tenant(req), req.params.roundNo),
    );
    p.post(
      '/api/public/night-market/rounds/:roundNo/applications',
      {
        config,
        schema: {
          tags: ptags,
          summary: 'A merchant applies for a stall (one application per ID number per round)',
          params: RoundNoParams,
          body: PublicApply,
          response: { 201: PublicApplied, ...publicErrors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.apply(await tenant(req), req.params.roundNo, req.body)),
    );
  });
}
