import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Asset,
  AssetCreate,
  AssetExportQuery,
  AssetImportQuery,
  AssetMapQuery,
  AssetQuery,
  AssetType,
  AssetTypeCreate,
  AssetTypeQuery,
  AssetTypeUpdate,
  AssetUpdate,
  DailyLog,
  DailyLogCreate,
  DailyLogQuery,
  MAX_ASSET_IMPORT_BYTES,
  WorkOrder,
  WorkOrderCreate,
  WorkOrderQuery,
  WorkOrderStep,
} from '../../../../common/contracts/assets.ts';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import { ImportJob } from '../../../../common/contracts/imports.ts';
import { errorResponses, sendDownload, uploadedFile } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import { acceptImport, type ImportJobs, type ImportUpload } from '../imports/index.ts';
import type { AssetServices } from './assets.module.ts';
import type { AssetFileFormat } from './asset-files.ts';
import { assetErrors } from './assets.errors.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'assets.read' } as const;
const MANAGE = { permission: 'assets.manage' } as const;
const WORK = { permission: 'assets.work' } as const;
const BASE = '/api/assets';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  xlsx: XLSX_TYPE,
} as const;

/**
 * What an uploaded register file is: a zip is a workbook whatever its name; otherwise the extension decides, and a
 * file without one is GeoJSON when it starts with "{" and CSV else. An old .xls or any other named type is refused
 * at once (415) rather than parsed as something it is not. A declared `?format=` decides only for the others.
 */
export function assetFileFormat(
  filename: string | undefined,
  bytes: Buffer,
  declared?: AssetFileFormat,
): AssetFileFormat {
  if (bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (bytes.length > 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw assetErrors.importFormat('assetFile.legacyXls');
  if (declared) return declared;
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'xlsx') return 'xlsx';
  if (ext) throw assetErrors.importFormat('assetFile.unknownFormat', { name: filename });
  return bytes
    .toString('utf8', 0, 64)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'geojson'
    : 'csv';
}

/** The upload: multipart field `file`, a raw file body, or a JSON FeatureCollection; the format from the query or the file. */
async function upload(req: FastifyRequest, types: string): Promise<ImportUpload> {
  const query = req.query as { crs?: string; format?: AssetFileFormat };
  const crs = query.crs ?? null;
  if (req.isMultipart() || Buffer.isBuffer(req.body) || req.body === undefined || req.body === null) {
    const file = await uploadedFile(req, { maxBytes: MAX_ASSET_IMPORT_BYTES, types });
    const contentType = String(req.headers['content-type']);
    const named = file.filename ?? (contentType.startsWith('text/csv') ? 'upload.csv' : undefined);
    return { params: { crs, format: assetFileFormat(named, file.bytes, query.format) }, bytes: file.bytes };
  }
  return { params: { crs, format: 'geojson' }, bytes: Buffer.from(JSON.stringify(req.body)) };
}

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/assets.md. */
export async function registerAssetRoutes(app: FastifyInstance, s: AssetServices, imports: ImportJobs): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_ASSET_IMPORT_BYTES, files: 1, fields: 5, parts: 6 } });
    scope.addContentTypeParser(
      ['text/csv', 'application/octet-stream', 'application/geo+json', XLSX_TYPE],
      { parseAs: 'buffer', bodyLimit: MAX_ASSET_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['assets'];

    r.get(
      `${BASE}/types`,
      {
        config: READ,
        schema: {
          tags,
          summary: 'Asset types with their attribute schema and asset counts',
          querystring: AssetTypeQuery,
          response: { 200: Type.Object({ items: Type.Array(AssetType) }), ...errors },
        },
      },
      async (req) => s.assets.listTypes(actorOf(req), req.query),
    );
    r.post(
      `${BASE}/types`,
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Add an asset type; its attribute schema is the JSON Schema subset of docs/assets.md',
          body: AssetTypeCreate,
          response: { 201: AssetType, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.assets.createType(actorOf(req), req.body)),
    );
    r.patch(
      `${BASE}/types/:id`,
      {
        config: MANAGE,
        schema: { tags, params: IdParams, body: AssetTypeUpdate, response: { 200: AssetType, ...errors } },
      },
      async (req) => s.assets.updateType(actorOf(req), req.params.id, req.body),
    );

    r.get(
      `${BASE}/items`,
      {
        config: READ,
        schema: {
          tags,
          summary: 'Assets; q searches code, name and address; filter by line, type and status',
          querystring: AssetQuery,
          response: { 200: PageOf(Asset), ...errors },
        },
      },
      async (req) => s.assets.list(actorOf(req), req.query),
    );
    r.post(
      `${BASE}/items`,
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Register an asset: geometry inside the city, attributes per its type (409 on a taken code)',
          body: AssetCreate,
          response: { 201: Asset, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.assets.create(actorOf(req), req.body)),
    );
    for (const format of ['csv', 'geojson', 'xlsx'] as const) {
      r.get(
        `${BASE}/export.${format}`,
        {
          config: READ,
          schema: {
            tags,
            summary: `Assets as ${format} (same filters as the list; re-importable)`,
            querystring: AssetExportQuery,
            response: { 200: Type.Unknown({ description: `${format} file` }), ...errors },
          },
        },
        async (req, reply) => {
          const file = await s.assets.export(actorOf(req), format, req.query);
          return sendDownload(reply, { filename: file.filename, contentType: EXPORT_TYPES[format], body: file.body });
        },
      );
    }
    r.get(
      `${BASE}/layer`,
      {
        config: READ,
        schema: {
          tags,
          summary: 'The assets as a GeoJSON FeatureCollection for the map (一张图)',
          querystring: AssetMapQuery,
          response: { 200: Type.Unknown({ description: 'GeoJSON FeatureCollection' }), ...errors },
        },
      },
      async (req, reply) =>
        reply.type('application/geo+json; charset=utf-8').send(await s.assets.layer(actorOf(req), req.query)),
    );
    r.post(
      `${BASE}/import`,
      {
        bodyLimit: MAX_ASSET_IMPORT_BYTES,
        config: MANAGE,
        schema: {
          tags,
          summary:
            'Import .xlsx/.csv/.geojson (multipart field `file`, ≤ 10 MB; the kind by content and extension, another kind is 415 ASSET_IMPORT_FORMAT) or a JSON FeatureCollection as a job, all or nothing: 202 + Location /api/imports/:id, whose result is { created, updated } or ASSET_IMPORT_INVALID listing every bad row',
          querystring: AssetImportQuery,
          response: { 202: ImportJob, ...errorResponses(413, 415, 422), ...errors },
        },
      },
      async (req, reply) => {
        const key = idempotencyKey(req.headers['idempotency-key']);
        const file = await upload(req, '.xlsx / .csv / .geojson');
        return acceptImport(req, reply, await imports.submit(actorOf(req), 'assets', file, key));
      },
    );
    r.get(
      `${BASE}/items/:id`,
      { config: READ, schema: { tags, params: IdParams, response: { 200: Asset, ...errors } } },
      async (req) => s.assets.get(actorOf(req), req.params.id),
    );
    r.patch(
      `${BASE}/items/:id`,
      { config: MANAGE, schema: { tags, params: IdParams, body: AssetUpdate, response: { 200: Asset, ...errors } } },
      async (req) => s.assets.update(actorOf(req), req.params.id, req.body),
    );

    r.get(
      `${BASE}/work-orders`,
      {
        config: READ,
        schema: {
          tags,
          summary: '养护工单; overdue=true: unfinished past the deadline or finished after it',
          querystring: WorkOrderQuery,
          response: { 200: PageOf(WorkOrder), ...errors },
        },
      },
      async (req) => s.workOrders.list(actorOf(req), req.query),
    );
    r.post(
      `${BASE}/work-orders`,
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Open a 养护工单 on an asset (deadline in work days on the tenant calendar)',
          body: WorkOrderCreate,
          response: { 201: WorkOrder, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.workOrders.create(actorOf(req), req.body)),
    );
    r.get(
      `${BASE}/work-orders/:id`,
      { config: READ, schema: { tags, params: IdParams, response: { 200: WorkOrder, ...errors } } },
      async (req) => s.workOrders.get(actorOf(req), req.params.id),
    );
    r.post(
      `${BASE}/work-orders/:id/steps`,
      {
        config: WORK,
        schema: {
          tags,
          summary: 'start / finish (quantity, cost, after photos) by the unit; accept / rework by the register keeper',
          params: IdParams,
          body: WorkOrderStep,
          response: { 200: WorkOrder, ...errors },
        },
      },
      async (req) => s.workOrders.step(actorOf(req), req.params.id, req.body),
    );

    r.get(
      `${BASE}/logs`,
      {
        config: READ,
        schema: {
          tags,
          summary: 'Daily logs (tonnage, running hours, dredged m, washed m²), newest first',
          querystring: DailyLogQuery,
          response: { 200: PageOf(DailyLog), ...errors },
        },
      },
      async (req) => s.logs.list(actorOf(req), req.query),
    );
    r.post(
      `${BASE}/logs`,
      {
        config: WORK,
        schema: {
          tags,
          summary: "Record an asset's quantity of one day (replaces that day's entry)",
          body: DailyLogCreate,
          response: { 201: DailyLog, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.logs.record(actorOf(req), req.body)),
    );
    r.post(
      `${BASE}/logs/import`,
      {
        bodyLimit: MAX_ASSET_IMPORT_BYTES,
        config: WORK,
        schema: {
          tags,
          summary:
            'Import a weighbridge CSV (station code, date, tonnes; one line per weighing) as a job, all or nothing',
          response: { 202: ImportJob, ...errorResponses(413, 422), ...errors },
        },
      },
      async (req, reply) => {
        const key = idempotencyKey(req.headers['idempotency-key']);
        const file = await upload(req, '.csv');
        return acceptImport(req, reply, await imports.submit(actorOf(req), 'assets.logs', file, key));
      },
    );
  });
}
