import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AreaLeaves,
  AreaTree,
  CommunityGridsParams,
  GazetteerImportQuery,
  MAX_GAZETTEER_IMPORT_BYTES,
  PlaceHits,
  PlaceSearchQuery,
  PublicPlaceHits,
  type GazetteerFormat,
} from '../../../../common/contracts/gazetteer.ts';
import { FeatureCollectionOut } from '../../../../common/contracts/geo.ts';
import { ImportJob } from '../../../../common/contracts/imports.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import { acceptImport, type ImportJobs } from '../imports/index.ts';
import type { GazetteerService } from './gazetteer.service.ts';

const errors = errorResponses(400, 401, 403, 404);
/** Layers are prepared JSON text (stored geometry spliced in); Fastify sends a JSON-typed string as it is. */
const sendJsonText = (reply: FastifyReply, body: string) => reply.type('application/json; charset=utf-8').send(body);

/**
 * The citizen page's variant is deliberately public: place names and points only, a per-IP budget (typing sends a
 * request every few keystrokes, so the budget is that of a person typing, not of a crawler).
 */
const PUBLIC = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } } as const;

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). */
export async function registerGazetteerRoutes(
  app: FastifyInstance,
  s: GazetteerService,
  imports: ImportJobs,
  publicTenant: (req: FastifyRequest) => Promise<{ id: string }>,
): Promise<void> {
  await app.register(async (scope) => {
    // Uploads are read as text: CSV as it is, GeoJSON parsed by the import so its errors are the import's.
    for (const type of ['text/csv', 'application/geo+json'])
      scope.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: MAX_GAZETTEER_IMPORT_BYTES },
        (_req, body, done) => done(null, body),
      );
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['gazetteer'];
    const read = { permission: 'org.read' } as const;

    r.get(
      '/api/gazetteer/search',
      {
        config: read,
        schema: {
          tags,
          summary: 'Addresses and places by name, pinyin or initials, or road + house number; each with its grid',
          querystring: PlaceSearchQuery,
          response: { 200: PlaceHits, ...errors },
        },
      },
      async (req) => s.search(actorOf(req), req.query.q, req.query.limit),
    );
    r.get(
      '/api/gazetteer/areas',
      {
        config: read,
        schema: { tags, summary: 'Streets and their communities', response: { 200: AreaTree, ...errors } },
      },
      async (req) => s.areas(actorOf(req)),
    );
    r.get(
      '/api/gazetteer/areas/:code/grids',
      {
        config: read,
        schema: {
          tags,
          summary: 'The unit grids of a community',
          params: CommunityGridsParams,
          response: { 200: AreaLeaves, ...errors },
        },
      },
      async (req) => s.grids(actorOf(req), req.params.code),
    );
    r.get(
      '/api/gazetteer/roads',
      {
        config: read,
        schema: {
          tags,
          summary: 'Road lines with names (GeoJSON)',
          response: { 200: FeatureCollectionOut, ...errors },
        },
      },
      async (req, reply) => sendJsonText(reply, await s.roads(actorOf(req))),
    );
    for (const format of ['csv', 'geojson'] as const) {
      r.get(
        `/api/gazetteer/export.${format}`,
        {
          config: { permission: 'region.manage' },
          schema: {
            tags,
            summary: `The gazetteer as ${format} (re-importable)`,
            response: { 200: Type.Unknown({ description: `${format} file` }), ...errors },
          },
        },
        async (req, reply) => {
          const file = await s.exportPlaces(actorOf(req), format);
          return sendDownload(reply, {
            filename: file.filename,
            contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8',
            body: file.body,
          });
        },
      );
    }
    r.post(
      '/api/gazetteer/import',
      {
        bodyLimit: MAX_GAZETTEER_IMPORT_BYTES,
        config: { permission: 'region.manage' },
        schema: {
          tags,
          summary:
            'Import roads, POIs and house ranges (text/csv, or a GeoJSON FeatureCollection) as a job, all or nothing: 202 + Location /api/imports/:id, whose result is created/updated or GAZETTEER_IMPORT_INVALID listing every bad row',
          querystring: GazetteerImportQuery,
          body: Type.Unknown({ description: 'CSV text or GeoJSON, ≤ 10 MB' }),
          response: { 202: ImportJob, ...errorResponses(413, 422), ...errors },
        },
      },
      async (req, reply) => {
        const key = idempotencyKey(req.headers['idempotency-key']);
        const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null);
        const format: GazetteerFormat =
          req.query.format ?? ((req.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'geojson');
        const upload = { params: { format }, bytes: Buffer.from(text, 'utf8') };
        return acceptImport(req, reply, await imports.submit(actorOf(req), 'gazetteer', upload, key));
      },
    );

    const ptags = ['public'];
    r.get(
      '/api/public/places',
      {
        config: PUBLIC,
        schema: {
          tags: ptags,
          summary: 'Place search for the citizen page: names and points only',
          querystring: PlaceSearchQuery,
          response: { 200: PublicPlaceHits, ...errors },
        },
      },
      async (req) => s.publicSearch((await publicTenant(req)).id, req.query.q, req.query.limit),
    );
    r.get(
      '/api/public/places/areas',
      {
        config: PUBLIC,
        schema: { tags: ptags, summary: 'Streets and communities', response: { 200: AreaTree, ...errors } },
      },
      async (req) => s.publicAreas((await publicTenant(req)).id),
    );
    r.get(
      '/api/public/places/areas/:code/grids',
      {
        config: PUBLIC,
        schema: {
          tags: ptags,
          summary: 'The unit grids of a community',
          params: CommunityGridsParams,
          response: { 200: AreaLeaves, ...errors },
        },
      },
      async (req) => s.publicGrids((await publicTenant(req)).id, req.params.code),
    );
    r.get(
      '/api/public/places/roads',
      {
        config: PUBLIC,
        schema: { tags: ptags, summary: 'Road lines with names', response: { 200: FeatureCollectionOut, ...errors } },
      },
      async (req, reply) => sendJsonText(reply, await s.publicRoads((await publicTenant(req)).id)),
    );
  });
}
