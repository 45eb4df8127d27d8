import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PageOf } from '../../../../common/contracts/common.ts';
import { ImportJob } from '../../../../common/contracts/imports.ts';
import {
  ClustersQuery,
  ClustersResult,
  Component,
  ComponentCodeParams,
  ComponentCreate,
  ComponentExportQuery,
  ComponentImportQuery,
  ComponentQuery,
  ComponentUpdate,
  MAX_COMPONENT_IMPORT_BYTES,
  NearestQuery,
  NearestResult,
} from '../../../../common/contracts/components.ts';
import { errorResponses, sendDownload, uploadedFile } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import { acceptImport, type ImportJobs, type ImportUpload } from '../imports/index.ts';
import type { ComponentServices } from './components.module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX,
  geojson: 'application/geo+json; charset=utf-8',
} as const;

/** The upload: multipart field `file` (browsers), a raw file body (scripts, curl --data-binary) or a JSON FeatureCollection. */
async function importInput(req: FastifyRequest): Promise<ImportUpload> {
  const crs = (req.query as { crs?: string }).crs ?? null;
  // No body at all is a missing file too: uploadedFile answers it with the same 400.
  if (req.isMultipart() || Buffer.isBuffer(req.body) || req.body === undefined || req.body === null) {
    const file = await uploadedFile(req, { maxBytes: MAX_COMPONENT_IMPORT_BYTES, types: '.geojson / .csv / .xlsx' });
    return { params: { crs, format: 'file', filename: file.filename ?? null }, bytes: file.bytes };
  }
  // A JSON body is stored as its JSON text; the job parses it back (the import's ImportInput `json`).
  return { params: { crs, format: 'json', filename: null }, bytes: Buffer.from(JSON.stringify(req.body)) };
}

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). Multipart and raw-file parsing live in this scope only. */
export async function registerComponentRoutes(
  app: FastifyInstance,
  s: ComponentServices,
  imports: ImportJobs,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_COMPONENT_IMPORT_BYTES, files: 1, fields: 5, parts: 6 },
    });
    scope.addContentTypeParser(
      ['text/csv', XLSX, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_COMPONENT_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.addContentTypeParser(
      'application/geo+json',
      { parseAs: 'string', bodyLimit: MAX_COMPONENT_IMPORT_BYTES },
      (_req, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch (err) {
          done(Object.assign(err as Error, { statusCode: 400 }), undefined);
        }
      },
    );
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['components'];

    r.get(
      '/api/components',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'Component registry (管理部件); q searches id and name',
          querystring: ComponentQuery,
          response: { 200: PageOf(Component), ...errors },
        },
      },
      async (req) => s.components.list(actorOf(req), req.query),
    );
    r.get(
      '/api/components/nearest',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'Nearest components with distance in metres (limit ≤ 50, radius ≤ 5000 m)',
          querystring: NearestQuery,
          response: { 200: NearestResult, ...errors },
        },
      },
      async (req) => s.components.nearest(actorOf(req), req.query),
    );
    r.get(
      '/api/components/clusters',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'Server-side grid clusters for the map',
          querystring: ClustersQuery,
          response: { 200: ClustersResult, ...errors },
        },
      },
      async (req) => s.components.clusters(actorOf(req), req.query),
    );
    for (const format of ['csv', 'xlsx', 'geojson'] as const) {
      r.get(
        `/api/components/export.${format}`,
        {
          config: { permission: 'org.read' },
          schema: {
            tags,
            summary: `Components as ${format} (same filters as the list; re-importable)`,
            querystring: ComponentExportQuery,
            response: { 200: Type.Unknown({ description: `${format} file` }), ...errors },
          },
        },
        async (req, reply) => {
          const file = await s.components.export(actorOf(req), format, req.query);
          return sendDownload(reply, { filename: file.filename, contentType: EXPORT_TYPES[format], body: file.body });
        },
      );
    }
    r.post(
      '/api/components/import',
      {
        bodyLimit: MAX_COMPONENT_IMPORT_BYTES,
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary:
            'Import .geojson/.json/.csv/.xlsx (multipart field `file`, ≤ 10 MB) or a JSON FeatureCollection as a job, all or nothing: 202 + Location /api/imports/:id, whose result is a ComponentImportResult or COMPONENT_IMPORT_INVALID listing every bad row',
          querystring: ComponentImportQuery,
          response: { 202: ImportJob, ...errorResponses(413, 422), ...errors },
        },
      },
      async (req, reply) => {
        const key = idempotencyKey(req.headers['idempotency-key']);
        return acceptImport(req, reply, await imports.submit(actorOf(req), 'components', await importInput(req), key));
      },
    );
    r.post(
      '/api/components',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary: 'Register a component (the next serial of its class when code is absent)',
          body: ComponentCreate,
          response: { 201: Component, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.components.create(actorOf(req), req.body)),
    );
    r.get(
      '/api/components/:code',
      {
        config: { permission: 'org.read' },
        schema: { tags, params: ComponentCodeParams, response: { 200: Component, ...errors } },
      },
      async (req) => s.components.get(actorOf(req), req.params.code),
    );
    r.patch(
      '/api/components/:code',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary: 'Edit attributes; a state change sets the change date',
          params: ComponentCodeParams,
          body: ComponentUpdate,
          response: { 200: Component, ...errors },
        },
      },
      async (req) => s.components.update(actorOf(req), req.params.code, req.body),
    );
  });
}
