import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../../../../common/contracts/common.ts';
import { ImportJob } from '../../../../common/contracts/imports.ts';
import {
  FeatureCollectionOut,
  GenerateGridsBody,
  GenerateGridsResult,
  GeoLevelParams,
  ImportCrsQuery,
  LayerQuery,
  Location,
  LocateQuery,
  MAX_GEO_IMPORT_BYTES,
} from '../../../../common/contracts/geo.ts';
import { attachment, errorResponses } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import { acceptImport, type ImportJobs } from '../imports/index.ts';
import type { GeoService } from './geo.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const GEOJSON = 'application/geo+json';

/** Layers are already JSON text (stored geometry spliced in); Fastify sends a JSON-typed string as it is. */
const sendJsonText = (reply: FastifyReply, contentType: string, body: string) => reply.type(contentType).send(body);

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). Layers are sent as prepared JSON text. */
export async function registerGeoRoutes(app: FastifyInstance, s: GeoService, imports: ImportJobs): Promise<void> {
  await app.register(async (scope) => {
    // .geojson files are often posted with their own media type; parse it like JSON, within the import's limit.
    scope.addContentTypeParser(GEOJSON, { parseAs: 'string', bodyLimit: MAX_GEO_IMPORT_BYTES }, (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (err) {
        done(Object.assign(err as Error, { statusCode: 400 }), undefined);
      }
    });
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['geo'];

    r.get(
      '/api/geo/layers/:level',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'A map layer as GeoJSON (WGS84); bbox filters grids',
          params: GeoLevelParams,
          querystring: LayerQuery,
          response: { 200: FeatureCollectionOut, ...errors },
        },
      },
      async (req, reply) =>
        sendJsonText(
          reply,
          'application/json; charset=utf-8',
          await s.layer(actorOf(req), req.params.level, req.query),
        ),
    );
    r.get(
      '/api/geo/export/:level',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'A layer as a downloadable .geojson file (re-importable)',
          params: GeoLevelParams,
          response: { 200: FeatureCollectionOut, ...errors },
        },
      },
      async (req, reply) => {
        const file = await s.exportLayer(actorOf(req), req.params.level);
        reply.header('content-disposition', attachment(file.filename));
        return sendJsonText(reply, `${GEOJSON}; charset=utf-8`, file.body);
      },
    );
    r.post(
      '/api/geo/import/:level',
      {
        bodyLimit: MAX_GEO_IMPORT_BYTES,
        config: { permission: 'region.manage' },
        schema: {
          tags,
          summary:
            'Import a FeatureCollection of one level (upsert by code) as a job, all or nothing: 202 + Location /api/imports/:id, whose result is a GeoImportResult or GEO_IMPORT_INVALID listing every problem by path',
          params: GeoLevelParams,
          querystring: ImportCrsQuery,
          body: Type.Unknown({ description: 'GeoJSON FeatureCollection, ≤ 20 MB' }),
          response: { 202: ImportJob, ...errorResponses(413, 422), ...errors },
        },
      },
      async (req, reply) => {
        const key = idempotencyKey(req.headers['idempotency-key']);
        // The parsed collection is stored as its JSON text; the job parses it back and imports it as before.
        const upload = {
          params: { level: req.params.level, crs: req.query.crs ?? null },
          bytes: Buffer.from(JSON.stringify(req.body ?? null)),
        };
        return acceptImport(req, reply, await imports.submit(actorOf(req), 'geo.layer', upload, key));
      },
    );
    r.post(
      '/api/geo/communities/:id/grids/generate',
      {
        config: { permission: 'region.manage' },
        schema: {
          tags,
          summary: 'Cover a community with ~100 m grids (409 if it has grids and replace is not set)',
          params: IdParams,
          body: GenerateGridsBody,
          response: { 200: GenerateGridsResult, ...errors },
        },
      },
      async (req) => s.generateGrids(actorOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/geo/locate',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'Point → grid, community, street (crs converts GCJ-02/BD-09 input)',
          querystring: LocateQuery,
          response: { 200: Location, ...errors },
        },
      },
      async (req) => s.locate(actorOf(req), req.query),
    );
  });
}
