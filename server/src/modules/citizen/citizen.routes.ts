import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  MAX_PUBLIC_PHOTOS,
  PublicCaseView,
  PublicInfo,
  PublicLookup,
  PublicLookupResult,
  PublicLookupSent,
  PublicLookupVerify,
  PublicMap,
  PublicMatterPage,
  PublicMatterQuery,
  PublicPhotoUploaded,
  PublicRating,
  PublicReopen,
  PublicReport,
  PublicReportResult,
  PublicWriteHeaders,
  TokenParams,
} from '../../../../common/contracts/public.ts';
import { LOOKUP_CODE_MINUTES } from '../../../../common/domain/citizen-report.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import { invalidField } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { localeFromHeader, translate } from '../../platform/messages.ts';
import { MAX_PHOTO_BYTES, uploadedPhoto } from '../photos/index.ts';
import { Limiter, RecentKeys, type Refusal } from './citizen-limits.ts';
import { registerCitizenSettingsRoutes } from './citizen-settings.ts';
import type { CitizenService } from './citizen.service.ts';

const errors = errorResponses(400, 404, 409, 429);
/**
 * The lookup by case number and phone (docs/security.md, "Lookup by case number and phone"): SMS codes asked per case
 * number and per IP, code tries per case number and per IP, and the least time every answer takes, so that neither
 * the answer nor its timing tells whether a number and phone matched.
 */
export const LOOKUP_LIMITS = {
  sendsPerHourCase: 5,
  sendsPerHourIp: 10,
  triesPerHourCase: 10,
  triesPerHourIp: 30,
  answerFloorMs: 250,
} as const;

/** Runs `work` and answers no sooner than the floor, whether it succeeds or throws. */
async function evenly<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = LOOKUP_LIMITS.answerFloorMs - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}
const HOUR = 3_600_000;
const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/;
const CITY = /^[A-Za-z0-9_-]{1,20}$/;

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The app's random per-install id (x-device-id), or the IP address when it sends none. */
export function deviceOf(req: FastifyRequest): { key: string; id: string | null } {
  const id = header(req, 'x-device-id');
  if (id === undefined || id === '') return { key: `ip:${req.ip}`, id: null };
  if (!DEVICE_ID.test(id))
    throw invalidField('headers.x-device-id', 'pattern', '8–64 characters: letters, digits, _ and -');
  return { key: `device:${id}`, id };
}

/** Prepared GeoJSON text, sent as it is (like the geo layers). */
const sendJsonText = (reply: FastifyReply, body: string) =>
  reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);

const LIMIT_TEXT = { device: 'rateLimitedDevice', ip: 'rateLimitedIp', case: 'rateLimitedCase' } as const;

/** A 429 that says which limit was hit and when to come back, so a citizen's app can tell the person. */
export function tooMany(req: FastifyRequest, reply: FastifyReply, refusal: Refusal) {
  const locale = localeFromHeader(req.headers['accept-language']);
  const minutes = Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60));
  const message = translate(locale, `public.errors.${LIMIT_TEXT[refusal.scope]}`, { minutes }) ?? 'RATE_LIMITED';
  return reply
    .status(429)
    .header('retry-after', String(refusal.retryAfterSeconds))
    .send({ error: { code: 'RATE_LIMITED', message, details: refusal, requestId: req.id } });
}

/**
 * The citizen H5's API, all `public: true`: city info and map, plain-word matter search, photo upload,
 * report (Idempotency-Key), tracking by private token, rating and reopening. Every route counts against a per-IP
 * limit; reports and photos also against per-device and per-IP hourly limits.
 */
export async function registerCitizenRoutes(
  app: FastifyInstance,
  s: CitizenService,
  limits: Config['publicLimits'],
  clock: Clock,
  hits: HitCounter,
): Promise<void> {
  const now = () => clock.now().getTime();
  const requests = new Limiter(
    'requests',
    [{ scope: 'ip', limit: limits.requestsPerMinuteIp, windowMs: 60_000 }],
    hits,
  );
  const reports = new Limiter(
    'reports',
    [
      { scope: 'device', limit: limits.reportsPerHourDevice, windowMs: HOUR },
      { scope: 'ip', limit: limits.reportsPerHourIp, windowMs: HOUR },
    ],
    hits,
  );
  const photos = new Limiter(
    'photos',
    [
      { scope: 'device', limit: limits.reportsPerHourDevice * MAX_PUBLIC_PHOTOS, windowMs: HOUR },
      { scope: 'ip', limit: limits.reportsPerHourIp * MAX_PUBLIC_PHOTOS, windowMs: HOUR },
    ],
    hits,
  );
  const lookups = new Limiter(
    'lookup',
    [
      { scope: 'case', limit: LOOKUP_LIMITS.sendsPerHourCase, windowMs: HOUR },
      { scope: 'ip', limit: LOOKUP_LIMITS.sendsPerHourIp, windowMs: HOUR },
    ],
    hits,
  );
  const tries = new Limiter(
    'lookup-verify',
    [
      { scope: 'case', limit: LOOKUP_LIMITS.triesPerHourCase, windowMs: HOUR },
      { scope: 'ip', limit: LOOKUP_LIMITS.triesPerHourIp, windowMs: HOUR },
    ],
    hits,
  );
  const answered = new RecentKeys();
  registerCitizenSettingsRoutes(app, s.settings);

  const tenantOf = (req: FastifyRequest) => {
    const city = header(req, 'x-city');
    return s.tenant(city && CITY.test(city) ? city : null);
  };

  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
    });
    // Every citizen route: per-IP request budget, checked before the body is read.
    scope.addHook('onRequest', async (req, reply) => {
      const refusal = await requests.take({ ip: req.ip, device: req.ip }, now());
      if (refusal) return tooMany(req, reply, refusal);
    });
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['public'];
    const config = { public: true } as const;

    r.get(
      '/api/public/info',
      {
        config,
        schema: {
          tags,
          summary: 'The city, its map start and the reopen window',
          response: { 200: PublicInfo, ...errors },
        },
      },
      async (req) => s.info(await tenantOf(req)),
    );

    r.get(
      '/api/public/map',
      {
        config,
        schema: {
          tags,
          summary: 'City outline and streets/towns (GeoJSON, WGS84) for the citizen map',
          response: { 200: PublicMap, ...errors },
        },
      },
      async (req, reply) => sendJsonText(reply, await s.map(await tenantOf(req))),
    );

    r.get(
      '/api/public/matters',
      {
        config,
        schema: {
          tags,
          summary: 'Matters in plain words (垃圾, 井盖, 占道, 摆摊 …); common ones without q',
          querystring: PublicMatterQuery,
          response: { 200: PublicMatterPage, ...errors },
        },
      },
      async (req) => s.matters(await tenantOf(req), req.query),
    );

    r.post(
      '/api/public/photos',
      {
        config,
        schema: {
          tags,
          summary: 'Upload one photo (multipart field `file`); attach it by id in the report. Honours Idempotency-Key',
          headers: PublicWriteHeaders,
          response: { 201: PublicPhotoUploaded, 200: PublicPhotoUploaded, ...errorResponses(413), ...errors },
        },
      },
      async (req, reply) => {
        const device = deviceOf(req);
        const refusal = await photos.take({ device: device.key, ip: req.ip }, now());
        if (refusal) return tooMany(req, reply, refusal);
        const key = idempotencyKey(req.headers['idempotency-key']);
        const tenant = await tenantOf(req);
        const data = await uploadedPhoto(req);
        return reply.status(201).send(await s.uploadPhoto(tenant, data, key, { ...device, ip: req.ip }));
      },
    );

    r.post(
      '/api/public/reports',
      {
        config,
        schema: {
          tags,
          summary:
            'Report a problem; answers the case number and the private tracking token. A retry with the same Idempotency-Key answers the first result',
          headers: PublicWriteHeaders,
          body: PublicReport,
          response: { 201: PublicReportResult, 200: PublicReportResult, ...errors },
        },
      },
      async (req, reply) => {
        const device = deviceOf(req);
        const key = idempotencyKey(req.headers['idempotency-key']);
        const keys = { device: device.key, ip: req.ip };
        const replayKey = key ? `${device.key}|${key}` : null;
        // A retry of an answered report is never refused: the citizen only wants the answer they lost.
        if (!(replayKey && answered.has(replayKey))) {
          const refusal = await reports.check(keys, now());
          if (refusal) return tooMany(req, reply, refusal);
        }
        const tenant = await tenantOf(req);
        const result = await s.report(tenant, req.body, key, { ...device, ip: req.ip });
        if (!result.replayed) await reports.record(keys);
        if (replayKey) answered.add(replayKey);
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(result.status).send(result.body);
      },
    );

    r.get(
      '/api/public/track/:token',
      {
        config,
        schema: {
          tags,
          summary: 'Progress of a case by its private tracking token (public-safe view)',
          params: TokenParams,
          response: { 200: PublicCaseView, ...errors },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return s.track(await tenantOf(req), req.params.token);
      },
    );

    r.post(
      '/api/public/lookup',
      {
        config,
        schema: {
          tags,
          summary:
            'Lookup by case number and the last 4 digits of the reporter phone: sends a one-time SMS code when they match. The answer is the same when they do not',
          body: PublicLookup,
          response: { 202: PublicLookupSent, ...errors },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        const tenant = await tenantOf(req);
        if (!s.lookup.enabled) return s.lookup.requestCode(tenant.id, req.body.caseNo, req.body.phoneLast4);
        // Counted per case number whether or not the case exists, so the limit tells nothing either.
        const refusal = await lookups.take({ case: `${tenant.id}|${req.body.caseNo}`, ip: req.ip }, now());
        if (refusal) return tooMany(req, reply, refusal);
        await evenly(() => s.lookup.requestCode(tenant.id, req.body.caseNo, req.body.phoneLast4));
        return reply.status(202).send({ expiresInMinutes: LOOKUP_CODE_MINUTES });
      },
    );

    r.post(
      '/api/public/lookup/verify',
      {
        config,
        schema: {
          tags,
          summary:
            'The SMS code of a lookup → an access token that opens /api/public/track/:token for 24 hours (one use per code)',
          body: PublicLookupVerify,
          response: { 200: PublicLookupResult, ...errors },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        const tenant = await tenantOf(req);
        if (!s.lookup.enabled) return s.lookup.verify(tenant.id, req.body.caseNo, req.body.code);
        const refusal = await tries.take({ case: `${tenant.id}|${req.body.caseNo}`, ip: req.ip }, now());
        if (refusal) return tooMany(req, reply, refusal);
        return evenly(() => s.lookup.verify(tenant.id, req.body.caseNo, req.body.code));
      },
    );

    r.post(
      '/api/public/track/:token/rating',
      {
        config,
        schema: {
          tags,
          summary: '满意 / 基本满意 / 不满意 on a closed case (a new rating replaces the last)',
          params: TokenParams,
          body: PublicRating,
          response: { 200: PublicCaseView, ...errors },
        },
      },
      async (req) => s.rate(await tenantOf(req), req.params.token, req.body),
    );

    r.post(
      '/api/public/track/:token/reopen',
      {
        config,
        schema: {
          tags,
          summary: 'Ask to reopen a closed case within the reopen window (setting case.reopenDays)',
          params: TokenParams,
          body: PublicReopen,
          response: { 200: PublicCaseView, ...errors },
        },
      },
      async (req) => s.reopen(await tenantOf(req), req.params.token, req.body.reason),
    );
  });
}
