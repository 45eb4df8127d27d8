import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PageOf } from '../../../../common/contracts/common.ts';
import {
  ClustersQuery, ClustersResult, Component, ComponentCodeParams, ComponentCreate, ComponentExportQuery, ComponentImportQuery, ComponentImportResult,
  ComponentQuery, ComponentUpdate, MAX_COMPONENT_IMPORT_BYTES, NearestQuery, NearestResult,
} from '../../../../common/contracts/components.ts';
import { errorResponses, sendDownload, uploadedFile } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import type { ImportInput } from './component-import.ts';
import type { ComponentServices } from './index.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: XLSX, geojson: 'application/geo+json; charset=utf-8' } as const;

/** The upload: multipart field `file` (browsers), a raw file body (scripts, curl --data-binary) or a JSON FeatureCollection. */
async function importInput(req: FastifyRequest): Promise<ImportInput> {
  // No body at all is a missing file too: uploadedFile answers it with the same 400.
  if (req.isMultipart() || Buffer.isBuffer(req.body) || req.body === undefined || req.body === null) return { kind: 'file', ...await uploadedFile(req, { maxBytes: MAX_COMPONENT_IMPORT_BYTES, types: '.geojson / .csv / .xlsx' }) };
  return { kind: 'json', body: req.body };
}

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). Multipart and raw-file parsing live in this scope only. */
export async function registerComponentRoutes(app: FastifyInstance, s: ComponentServices): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_COMPONENT_IMPORT_BYTES, files: 1, fields: 5, parts: 6 } });
    scope.addContentTypeParser(['text/csv', XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_COMPONENT_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    scope.addContentTypeParser('application/geo+json', { parseAs: 'string', bodyLimit: MAX_COMPONENT_IMPORT_BYTES }, (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (err) {
        done(Object.assign(err as Error, { statusCode: 400 }), undefined);
      }
    });
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['components'];

    r.get('/api/components', { config: { permission: 'org.read' }, schema: { tags, summary: 'Component registry (管理部件); q searches id and name', querystring: ComponentQuery, response: { 200: PageOf(Component), ...errors } } },
      async (req) => s.components.list(actorOf(req), req.query));
    r.get('/api/components/nearest', { config: { permission: 'org.read' }, schema: { tags, summary: 'Nearest components with distance in metres (limit ≤ 50, radius ≤ 5000 m)', querystring: NearestQuery, response: { 200: NearestResult, ...errors } } },
      async (req) => s.components.nearest(actorOf(req), req.query));
    r.get('/api/components/clusters', { config: { permission: 'org.read' }, schema: { tags, summary: 'Server-side grid clusters for the map', querystring: ClustersQuery, response: { 200: ClustersResult, ...errors } } },
      async (req) => s.components.clusters(actorOf(req), req.query));
    for (const format of ['csv', 'xlsx', 'geojson'] as const) {
      r.get(`/api/components/export.${format}`, { config: { permission: 'org.read' }, schema: { tags, summary: `Components as ${format} (same filters as the list; re-importable)`, querystring: ComponentExportQuery, response: { 200: Type.Unknown({ description: `${format} file` }), ...errors } } },
        async (req, reply) => {
          const file = await s.components.export(actorOf(req), format, req.query);
          return sendDownload(reply, { filename: file.filename, contentType: EXPORT_TYPES[format], body: file.body });
        });
    }
    r.post('/api/components/import', {
      bodyLimit: MAX_COMPONENT_IMPORT_BYTES,
      config: { permission: 'settings.manage' },
      schema: {
        tags, summary: 'Import .geojson/.json/.csv/.xlsx (multipart field `file`, ≤ 10 MB) or a JSON FeatureCollection; all or nothing, 400 lists every bad row',
        querystring: ComponentImportQuery, response: { 200: ComponentImportResult, ...errorResponses(413), ...errors },
      },
    }, async (req) => s.importComponents(actorOf(req), await importInput(req), req.query.crs, idempotencyKey(req.headers['idempotency-key'])));
    r.post('/api/components', { config: { permission: 'settings.manage' }, schema: { tags, summary: 'Register a component (the next serial of its class when code is absent)', body: ComponentCreate, response: { 201: Component, ...errors } } },
      async (req, reply) => reply.status(201).send(await s.components.create(actorOf(req), req.body)));
    r.get('/api/components/:code', { config: { permission: 'org.read' }, schema: { tags, params: ComponentCodeParams, response: { 200: Component, ...errors } } },
      async (req) => s.components.get(actorOf(req), req.params.code));
    r.patch('/api/components/:code', { config: { permission: 'settings.manage' }, schema: { tags, summary: 'Edit attributes; a state change sets the change date', params: ComponentCodeParams, body: ComponentUpdate, response: { 200: Component, ...errors } } },
      async (req) => s.components.update(actorOf(req), req.params.code, req.body));
  });
}
