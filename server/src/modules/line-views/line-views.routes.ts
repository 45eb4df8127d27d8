import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Asset } from '../../../../common/contracts/assets.ts';
import {
  DutyDateParams,
  DutyDay,
  DutyDayBody,
  DutyQuery,
  LineItemFigures,
  LineItemsQuery,
  LineParams,
  LineShared,
  LineSharedBody,
  LinesSettingSchema,
  LineSummary,
} from '../../../../common/contracts/lines.ts';
import { LINES, type Line } from '../../../../common/domain/lines.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { LineViews } from './line-views.service.ts';

const errors = errorResponses(400, 401, 403, 404);
const BASE = '/api/lines';

/**
 * The routes of another module that belong to one line: a switched-off line answers them 404 as it answers its own
 * (docs/lines.md). The register's own list, export and layer are refused when they ask for the line by name.
 */
const LINE_PREFIXES: readonly { prefix: string; line: Line }[] = [{ prefix: '/api/gas/', line: 'gas' }];
const LINE_FILTERED = [
  '/api/assets/items',
  '/api/assets/layer',
  '/api/assets/export.csv',
  '/api/assets/export.geojson',
];

/**
 * Refuses the routes of a switched-off line after authentication. Installed right after the auth hooks, so it runs
 * before any body is read; only the few paths above pay for the (cached) setting read.
 */
export function installLineGuard(app: FastifyInstance, views: LineViews): void {
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url ?? '';
    if (!request.actor) return;
    let line = LINE_PREFIXES.find((p) => url.startsWith(p.prefix))?.line;
    if (!line && LINE_FILTERED.includes(url)) {
      const asked = (request.query as { line?: unknown }).line;
      line = LINES.find((l) => l === asked);
    }
    if (line) await views.requireOn(request.actor.tenantId, line);
  });
}

/** HTTP only (docs/lines.md): the switch, a line's figures, page and layer, the 防汛 duty roster. */
export function registerLineViewRoutes(app: FastifyInstance, views: LineViews): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['lines'];
  const READ = { permission: 'assets.read' } as const;

  r.get(
    `${BASE}/settings`,
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'The lines switched on for this city and its flood season (every member of staff reads it)',
        response: { 200: LinesSettingSchema, ...errors },
      },
    },
    async (req) => views.read(actorOf(req).tenantId),
  );
  r.put(
    `${BASE}/settings`,
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Switch lines on or off and set the flood season (audited as setting.update)',
        body: LinesSettingSchema,
        response: { 200: LinesSettingSchema, ...errors },
      },
    },
    async (req) => views.write(actorOf(req), req.body),
  );
  r.get(
    `${BASE}/shared`,
    {
      config: READ,
      schema: {
        tags,
        summary: "Per line, the other lines' asset types its view also shows (each counted in its own line)",
        response: { 200: Type.Object({ items: Type.Array(LineShared) }), ...errors },
      },
    },
    async (req) => views.shared(actorOf(req)),
  );
  r.put(
    `${BASE}/:line/shared`,
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary:
          "Set the other lines' types a line also shows (400 on an unknown type or one of the line itself; audited as setting.update)",
        params: LineParams,
        body: LineSharedBody,
        response: { 200: LineShared, ...errors },
      },
    },
    async (req) => views.putShared(actorOf(req), req.params.line, req.body),
  );
  r.get(
    `${BASE}/:line/summary`,
    {
      config: READ,
      schema: {
        tags,
        summary: "A line's key figures: counts per type, this month's quantities and spend, open work orders",
        params: LineParams,
        response: { 200: LineSummary, ...errors },
      },
    },
    async (req) => views.summary(actorOf(req), req.params.line),
  );
  r.get(
    `${BASE}/:line/items`,
    {
      config: READ,
      schema: {
        tags,
        summary:
          "One type's assets of the line with this month's quantity, maintenance spend, open orders and live level",
        params: LineParams,
        querystring: LineItemsQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Asset),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            figures: Type.Array(LineItemFigures),
          }),
          ...errors,
        },
      },
    },
    async (req) => views.items(actorOf(req), req.params.line, req.query),
  );
  r.get(
    `${BASE}/:line/layer`,
    {
      config: READ,
      schema: {
        tags,
        summary: "The line's assets as GeoJSON for its layer on 一张图",
        params: LineParams,
        response: { 200: Type.Unknown({ description: 'GeoJSON FeatureCollection' }), ...errors },
      },
    },
    async (req, reply) =>
      reply.type('application/geo+json; charset=utf-8').send(await views.layer(actorOf(req), req.params.line)),
  );
  r.get(
    `${BASE}/drainage/duty`,
    {
      config: READ,
      schema: {
        tags,
        summary: '防汛排渍 duty roster between two dates (at most a year)',
        querystring: DutyQuery,
        response: { 200: Type.Object({ items: Type.Array(DutyDay) }), ...errors },
      },
    },
    async (req) => views.roster(actorOf(req), req.query),
  );
  r.put(
    `${BASE}/drainage/duty/:date`,
    {
      config: { permission: 'assets.manage' },
      schema: {
        tags,
        summary: "Set one day's duty leader and staff (audited)",
        params: DutyDateParams,
        body: DutyDayBody,
        response: { 200: DutyDay, ...errors },
      },
    },
    async (req) => views.putDuty(actorOf(req), req.params.date, req.body),
  );
  r.delete(
    `${BASE}/drainage/duty/:date`,
    {
      config: { permission: 'assets.manage' },
      schema: {
        tags,
        summary: "Clear one day's duty",
        params: DutyDateParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await views.deleteDuty(actorOf(req), req.params.date);
      return reply.status(204).send(null);
    },
  );
}
