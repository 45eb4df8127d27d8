import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  FiguresQuery,
  HolderKindSchema,
  InspectionCreate,
  PermitStateSchema,
  PublicZoneList,
  YellowLineFigures,
  YellowLineSettingsSchema,
  Zone,
  ZoneCreate,
  ZoneDetail,
  ZoneGeometry,
  ZoneQuery,
  ZoneUpdate,
} from '../../../../common/contracts/yellow-line.ts';
import type { Clock } from '../../platform/clock.ts';
import { errorResponses } from '../../platform/http.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import { actorOf } from '../auth/index.ts';
import { publicLineScope, type PublicLineLimits } from '../citizen/index.ts';
import type { YellowLineService } from './yellow-line.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'yellowline.read' } as const;
const MANAGE = { permission: 'yellowline.manage' } as const;
const INSPECT = { permission: 'yellowline.inspect' } as const;
const BASE = '/api/yellow-line';

/** Per-IP reads of the public map. */
export const YELLOW_LINE_LIMITS: PublicLineLimits = { readsPerMinuteIp: 60 };

const MapZone = Type.Object({
  id: Type.String(),
  zoneNo: Type.String(),
  holderKind: HolderKindSchema,
  holderName: Type.String(),
  geometry: ZoneGeometry,
  permitState: PermitStateSchema,
});

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/yellow-line.md. */
export async function registerYellowLineRoutes(
  app: FastifyInstance,
  s: YellowLineService,
  tenantOf: (cityCode: string | null) => Promise<{ id: string }>,
  clock: Clock,
  hits: HitCounter,
): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['yellow-line'];

  r.get(
    `${BASE}/zones`,
    {
      config: READ,
      schema: {
        tags,
        summary: '文明黄线 (contact phones masked)',
        querystring: ZoneQuery,
        response: { 200: PageOf(Zone), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/zones`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Draw a 黄线 with its holder, goods, hours and permit; another holder’s overlapping 黄线 is a 409',
        body: ZoneCreate,
        response: { 201: ZoneDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/map`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Every 黄线 for the console map',
        response: { 200: Type.Object({ items: Type.Array(MapZone) }), ...errors },
      },
    },
    async (req) => ({ items: await s.mapZones(actorOf(req)) }),
  );
  r.get(
    `${BASE}/zones/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: ZoneDetail, ...errors } } },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.patch(
    `${BASE}/zones/:id`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: ZoneUpdate, response: { 200: ZoneDetail, ...errors } },
    },
    async (req) => s.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/zones/:id/inspections`,
    {
      config: INSPECT,
      schema: {
        tags,
        summary: 'Record an inspection; a failure warns, and the tenant’s repeat counts suspend or revoke',
        params: IdParams,
        body: InspectionCreate,
        response: { 201: ZoneDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.inspect(actorOf(req), req.params.id, req.body)),
  );
  r.get(
    `${BASE}/figures`,
    { config: READ, schema: { tags, querystring: FiguresQuery, response: { 200: YellowLineFigures, ...errors } } },
    async (req) => s.figuresFor(actorOf(req), req.query.from, req.query.to),
  );
  r.get(
    `${BASE}/settings`,
    { config: READ, schema: { tags, response: { 200: YellowLineSettingsSchema, ...errors } } },
    async (req) => s.getSettings(actorOf(req)),
  );
  r.put(
    `${BASE}/settings`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'After how many failed inspections a permit is suspended and revoked',
        body: YellowLineSettingsSchema,
        response: { 200: YellowLineSettingsSchema, ...errors },
      },
    },
    async (req) => s.putSettings(actorOf(req), req.body),
  );

  // ── the citizen page: public, rate-limited, the city from x-city like the other citizen routes ──
  await publicLineScope(app, { name: 'yellow-line', limits: YELLOW_LINE_LIMITS, tenantOf, hits, clock }, (line) => {
    const { routes: p, tenant, config } = line;
    p.get(
      '/api/public/yellow-line/zones',
      {
        config,
        schema: {
          tags: line.tags,
          summary: 'Permitted 文明黄线 in force today: geometry, business name, goods, hours, validity',
          response: { 200: PublicZoneList, ...errorResponses(400, 404, 429) },
        },
      },
      async (req) => ({ items: await s.publicZones(await tenant(req)) }),
    );
  });
}
