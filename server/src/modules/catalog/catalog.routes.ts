import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CatalogCodeParams, CatalogEntry, CatalogEntryCreate, CatalogEntryQuery, CatalogEntryUpdate, CatalogKindQuery, FilingCondition,
  FilingConditionCreate, FilingConditionExportQuery, FilingConditionQuery, FilingConditionUpdate, ImportQuery,
  MAX_IMPORT_BYTES, MajorClass, OldCodeMapping, OldCodeQuery, XLSX_MIME,
} from '../../../../common/contracts/catalog.ts';
import { ErrorBody, IdParams, Ok, PageOf } from '../../../../common/contracts/common.ts';
import { ImportJob } from '../../../../common/contracts/imports.ts';
import { invalidField } from '../../platform/errors.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import { acceptImport, type ImportJobs } from '../imports/index.ts';
import type { CatalogServices } from './index.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const EXPORT_NAME = '立结案标准.xlsx';

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so every browser saves 立结案标准.xlsx. */
const attachment = (name: string) => `attachment; filename="filing-conditions.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The uploaded workbook: a multipart/form-data field `file` (browsers, antd Upload) or a raw body sent as
 * application/octet-stream or the xlsx type (scripts, curl --data-binary). Both are capped at MAX_IMPORT_BYTES.
 */
async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (req.isMultipart()) {
    const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
    if (!part || part.fieldname !== 'file') throw invalidField('body.file', 'required', '请在表单字段 file 中上传 xlsx 文件');
    return part.toBuffer();
  }
  if (Buffer.isBuffer(req.body) && req.body.length > 0) return req.body;
  throw invalidField('body.file', 'required', '请上传 xlsx 文件（multipart 字段 file，或 application/octet-stream 请求体）');
}

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). Multipart parsing is registered in this scope only. */
export async function registerCatalogRoutes(app: FastifyInstance, s: CatalogServices, imports: ImportJobs): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 } });
    scope.addContentTypeParser(['application/octet-stream', XLSX_MIME], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['catalog'];

    r.get('/api/catalog/entries', { config: { permission: 'org.read' }, schema: { tags, summary: 'GB/T 47678.5 components and matters; q searches code, old code, name and pinyin', querystring: CatalogEntryQuery, response: { 200: PageOf(CatalogEntry), ...errors } } },
      async (req) => s.catalog.list(actorOf(req), req.query));
    r.post('/api/catalog/entries', { config: { permission: 'settings.manage' }, schema: { tags, summary: 'Add a local extension (code counted down from 99)', body: CatalogEntryCreate, response: { 201: CatalogEntry, ...errors } } },
      async (req, reply) => reply.status(201).send(await s.catalog.create(actorOf(req), req.body)));
    r.patch('/api/catalog/entries/:code', { config: { permission: 'settings.manage' }, schema: { tags, summary: 'Rename a local entry or (de)activate any', params: CatalogCodeParams, querystring: CatalogKindQuery, body: CatalogEntryUpdate, response: { 200: CatalogEntry, ...errors } } },
      async (req) => s.catalog.update(actorOf(req), req.params.code, req.query.kind, req.body));
    r.get('/api/catalog/majors', { config: { permission: 'org.read' }, schema: { tags, summary: 'Major classes with entry counts', response: { 200: Type.Array(MajorClass), ...errors } } },
      async (req) => s.catalog.majors(actorOf(req)));
    r.get('/api/catalog/map-old-code', { config: { permission: 'org.read' }, schema: { tags, summary: 'Old GB/T 30428.2 code → GB/T 47678.5 entry', querystring: OldCodeQuery, response: { 200: OldCodeMapping, ...errors } } },
      async (req) => s.catalog.mapOldCode(actorOf(req), req.query));

    r.get('/api/catalog/conditions', { config: { permission: 'org.read' }, schema: { tags, summary: '立结案标准: filing conditions', querystring: FilingConditionQuery, response: { 200: PageOf(FilingCondition), ...errors } } },
      async (req) => s.standards.list(actorOf(req), req.query));
    r.get('/api/catalog/conditions/export.xlsx', { config: { permission: 'org.read' }, schema: { tags, summary: 'The 立结案标准 workbook (same filters as the list)', querystring: FilingConditionExportQuery, response: { 200: Type.Unknown({ description: 'xlsx workbook (sent as bytes)' }), ...errors } } },
      async (req, reply) => {
        const workbook = await s.standards.exportSheet(actorOf(req), req.query);
        return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(EXPORT_NAME)).send(workbook);
      });
    r.post('/api/catalog/conditions/import', {
      bodyLimit: MAX_IMPORT_BYTES, config: { permission: 'settings.manage' },
      schema: {
        tags, summary: 'Import the 立结案标准 workbook as a job, all or nothing (multipart field `file`, ≤ 5 MB): 202 + Location /api/imports/:id, whose result is an ImportResult',
        querystring: ImportQuery, response: { 202: ImportJob, 413: ErrorBody, 422: ErrorBody, ...errors },
      },
    }, async (req, reply) => {
      const key = idempotencyKey(req.headers['idempotency-key']);
      return acceptImport(req, reply, await imports.submit(actorOf(req), 'catalog.conditions', { params: { mode: req.query.mode ?? 'append' }, bytes: await uploadedFile(req) }, key));
    });
    r.post('/api/catalog/conditions', { config: { permission: 'settings.manage' }, schema: { tags, body: FilingConditionCreate, response: { 201: FilingCondition, ...errors } } },
      async (req, reply) => reply.status(201).send(await s.standards.create(actorOf(req), req.body)));
    r.get('/api/catalog/conditions/:id', { config: { permission: 'org.read' }, schema: { tags, params: IdParams, response: { 200: FilingCondition, ...errors } } },
      async (req) => s.standards.get(actorOf(req), req.params.id));
    r.patch('/api/catalog/conditions/:id', { config: { permission: 'settings.manage' }, schema: { tags, params: IdParams, body: FilingConditionUpdate, response: { 200: FilingCondition, ...errors } } },
      async (req) => s.standards.update(actorOf(req), req.params.id, req.body));
    r.delete('/api/catalog/conditions/:id', { config: { permission: 'settings.manage' }, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
      async (req) => {
        await s.standards.remove(actorOf(req), req.params.id);
        return { ok: true };
      });
  });
}
