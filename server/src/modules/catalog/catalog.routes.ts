import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CatalogCodeParams,
  CatalogEntry,
  CatalogEntryCreate,
  CatalogEntryQuery,
  CatalogEntryUpdate,
  CatalogKindQuery,
  FilingCondition,
  FilingConditionCreate,
  FilingConditionExportQuery,
  FilingConditionQuery,
  FilingConditionUpdate,
  ImportQuery,
  MAX_IMPORT_BYTES,
  MajorClass,
  OldCodeMapping,
  OldCodeQuery,
  XLSX_MIME,
} from '../../../../common/contracts/catalog.ts';
import { IdParams, Ok, PageOf } from '../../../../common/contracts/common.ts';
import { ImportJob } from '../../../../common/contracts/imports.ts';

import { errorResponses, sendDownload, uploadedFile } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import { acceptImport, type ImportJobs } from '../imports/index.ts';
import type { CatalogServices } from './catalog.module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const EXPORT_NAME = '立结案标准.xlsx';

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). Multipart parsing is registered in this scope only. */
export async function registerCatalogRoutes(
  app: FastifyInstance,
  s: CatalogServices,
  imports: ImportJobs,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 } });
    scope.addContentTypeParser(
      ['application/octet-stream', XLSX_MIME],
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['catalog'];

    r.get(
      '/api/catalog/entries',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'GB/T 47678.5 components and matters; q searches code, old code, name and pinyin',
          querystring: CatalogEntryQuery,
          response: { 200: PageOf(CatalogEntry), ...errors },
        },
      },
      async (req) => s.catalog.list(actorOf(req), req.query),
    );
    r.post(
      '/api/catalog/entries',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary: 'Add a local extension (code counted down from 99)',
          body: CatalogEntryCreate,
          response: { 201: CatalogEntry, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.catalog.create(actorOf(req), req.body)),
    );
    r.patch(
      '/api/catalog/entries/:code',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary: 'Rename a local entry or (de)activate any',
          params: CatalogCodeParams,
          querystring: CatalogKindQuery,
          body: CatalogEntryUpdate,
          response: { 200: CatalogEntry, ...errors },
        },
      },
      async (req) => s.catalog.update(actorOf(req), req.params.code, req.query.kind, req.body),
    );
    r.get(
      '/api/catalog/majors',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'Major classes with entry counts',
          response: { 200: Type.Array(MajorClass), ...errors },
        },
      },
      async (req) => s.catalog.majors(actorOf(req)),
    );
    r.get(
      '/api/catalog/map-old-code',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'Old GB/T 30428.2 code → GB/T 47678.5 entry',
          querystring: OldCodeQuery,
          response: { 200: OldCodeMapping, ...errors },
        },
      },
      async (req) => s.catalog.mapOldCode(actorOf(req), req.query),
    );

    r.get(
      '/api/catalog/conditions',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '立结案标准: filing conditions',
          querystring: FilingConditionQuery,
          response: { 200: PageOf(FilingCondition), ...errors },
        },
      },
      async (req) => s.standards.list(actorOf(req), req.query),
    );
    r.get(
      '/api/catalog/conditions/export.xlsx',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: 'The 立结案标准 workbook (same filters as the list)',
          querystring: FilingConditionExportQuery,
          response: { 200: Type.Unknown({ description: 'xlsx workbook (sent as bytes)' }), ...errors },
        },
      },
      async (req, reply) => {
        const workbook = await s.standards.exportSheet(actorOf(req), req.query);
        return sendDownload(reply, {
          filename: EXPORT_NAME,
          fallback: 'filing-conditions.xlsx',
          contentType: XLSX_MIME,
          body: workbook,
        });
      },
    );
    r.post(
      '/api/catalog/conditions/import',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary:
            'Import the 立结案标准 workbook as a job, all or nothing (multipart field `file`, ≤ 5 MB): 202 + Location /api/imports/:id, whose result is an ImportResult',
          querystring: ImportQuery,
          response: { 202: ImportJob, ...errorResponses(413, 422), ...errors },
        },
      },
      async (req, reply) => {
        const key = idempotencyKey(req.headers['idempotency-key']);
        const { bytes } = await uploadedFile(req, { maxBytes: MAX_IMPORT_BYTES, types: 'xlsx' });
        return acceptImport(
          req,
          reply,
          await imports.submit(
            actorOf(req),
            'catalog.conditions',
            { params: { mode: req.query.mode ?? 'append' }, bytes },
            key,
          ),
        );
      },
    );
    r.post(
      '/api/catalog/conditions',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, body: FilingConditionCreate, response: { 201: FilingCondition, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await s.standards.create(actorOf(req), req.body)),
    );
    r.get(
      '/api/catalog/conditions/:id',
      {
        config: { permission: 'org.read' },
        schema: { tags, params: IdParams, response: { 200: FilingCondition, ...errors } },
      },
      async (req) => s.standards.get(actorOf(req), req.params.id),
    );
    r.patch(
      '/api/catalog/conditions/:id',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, params: IdParams, body: FilingConditionUpdate, response: { 200: FilingCondition, ...errors } },
      },
      async (req) => s.standards.update(actorOf(req), req.params.id, req.body),
    );
    r.delete(
      '/api/catalog/conditions/:id',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, params: IdParams, response: { 200: Ok, ...errors } },
      },
      async (req) => {
        await s.standards.remove(actorOf(req), req.params.id);
        return { ok: true };
      },
    );
  });
}
