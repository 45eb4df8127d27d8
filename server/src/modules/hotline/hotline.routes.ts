import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MAX_IMPORT_BYTES, XLSX_MIME } from '../../../../common/contracts/catalog.ts';
import { IdParams, Ok, PageOf } from '../../../../common/contracts/common.ts';
import { ImportJob } from '../../../../common/contracts/imports.ts';
import {
  HotlineCallerReply,
  HotlineConvert,
  HotlineImportQuery,
  HotlineOrderDetail,
  HotlineOrderInput,
  HotlineOrderSummary,
  HotlineQuery,
  HotlineReply,
  HotlineReturn,
  HotlineRevisit,
  HotlineSecret,
  HotlineSourceConfig,
  HotlineSourceParams,
  HotlineVersioned,
  ReplyDraft,
  WebhookReceipt,
} from '../../../../common/contracts/hotline.ts';
import { errorResponses, sendDownload, uploadedFile } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import { acceptImport, type ImportJobs } from '../imports/index.ts';
import { buildTemplate } from './hotline-sheet.ts';
import { registerCallRoutes } from './hotline-calls.routes.ts';
import { hotlineErrors } from './hotline.errors.ts';
import type { HotlineService } from './hotline.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const IdemHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) });
const TEMPLATE_NAME = '热线工单导入模板.xlsx';

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). */
export async function registerHotlineRoutes(
  app: FastifyInstance,
  hotline: HotlineService,
  imports: ImportJobs,
): Promise<void> {
  hotline.useLogger(app.log);
  await registerCallRoutes(app, hotline.calls);
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 } });
    scope.addContentTypeParser(
      ['application/octet-stream', XLSX_MIME, 'text/csv'],
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['hotline'];

    r.get(
      '/api/hotline/orders',
      {
        config: { permission: 'hotline.read' },
        schema: {
          tags,
          summary: '12345 / 民情通 / 信访 work orders',
          querystring: HotlineQuery,
          response: { 200: PageOf(HotlineOrderSummary), ...errors },
        },
      },
      async (req) => hotline.list(actorOf(req), req.query),
    );
    r.get(
      '/api/hotline/orders/template.xlsx',
      {
        config: { permission: 'hotline.read' },
        schema: {
          tags,
          summary: 'The import template',
          response: { 200: Type.Unknown({ description: 'xlsx workbook' }), ...errors },
        },
      },
      async (_req, reply) =>
        sendDownload(reply, {
          filename: TEMPLATE_NAME,
          fallback: 'hotline-orders.xlsx',
          contentType: XLSX_MIME,
          body: await buildTemplate(),
        }),
    );
    r.post(
      '/api/hotline/orders/import',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        config: { permission: 'hotline.handle' },
        schema: {
          tags,
          summary:
            'Import work orders (xlsx or CSV) as a job, all or nothing: 202 + Location /api/imports/:id, whose result is a HotlineImportResult; honours Idempotency-Key',
          headers: IdemHeaders,
          querystring: HotlineImportQuery,
          response: { 202: ImportJob, ...errorResponses(413, 422), ...errors },
        },
      },
      async (req, reply) => {
        const key = idempotencyKey(req.headers['idempotency-key']);
        const { bytes } = await uploadedFile(req, { maxBytes: MAX_IMPORT_BYTES, types: 'xlsx / CSV' });
        return acceptImport(
          req,
          reply,
          await imports.submit(actorOf(req), 'hotline.orders', { params: { source: req.query.source }, bytes }, key),
        );
      },
    );
    r.get(
      '/api/hotline/orders/:id',
      {
        config: { permission: 'hotline.read' },
        schema: { tags, params: IdParams, response: { 200: HotlineOrderDetail, ...errors } },
      },
      async (req) => hotline.get(actorOf(req), req.params.id),
    );
    r.get(
      '/api/hotline/orders/:id/reply-draft',
      {
        config: { permission: 'hotline.read' },
        schema: {
          tags,
          summary: '办理答复 drafted from the closed case',
          params: IdParams,
          response: { 200: ReplyDraft, ...errors },
        },
      },
      async (req) => hotline.replyDraft(actorOf(req), req.params.id),
    );
    r.post(
      '/api/hotline/orders/:id/sign',
      {
        config: { permission: 'hotline.handle' },
        schema: {
          tags,
          summary: '签收',
          params: IdParams,
          body: HotlineVersioned,
          response: { 200: HotlineOrderDetail, ...errors },
        },
      },
      async (req) => hotline.sign(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/hotline/orders/:id/return',
      {
        config: { permission: 'hotline.handle' },
        schema: {
          tags,
          summary: '退回 to the hotline with a reason',
          params: IdParams,
          body: HotlineReturn,
          response: { 200: HotlineOrderDetail, ...errors },
        },
      },
      async (req) => hotline.returnOrder(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/hotline/orders/:id/convert',
      {
        config: { permission: 'hotline.handle' },
        schema: {
          tags,
          summary: '转为案件 (matter + map point)',
          params: IdParams,
          body: HotlineConvert,
          response: { 200: HotlineOrderDetail, ...errors },
        },
      },
      async (req) => hotline.convert(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/hotline/orders/:id/reply',
      {
        config: { permission: 'hotline.handle' },
        schema: {
          tags,
          summary: '办理答复: record and push back',
          params: IdParams,
          body: HotlineReply,
          response: { 200: HotlineOrderDetail, ...errors },
        },
      },
      async (req) => hotline.reply(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/hotline/orders/:id/revisit',
      {
        config: { permission: 'hotline.handle' },
        schema: {
          tags,
          summary: '回访满意度 from the hotline',
          params: IdParams,
          body: HotlineRevisit,
          response: { 200: HotlineOrderDetail, ...errors },
        },
      },
      async (req) => hotline.revisit(actorOf(req), req.params.id, req.body),
    );

    // Partner systems: no session; the per-source secret (Authorization: Bearer) identifies the tenant.
    // Authenticated before the body is parsed or validated, so a caller without the secret learns nothing of the contract.
    const webhookTenant = new WeakMap<FastifyRequest, string>();
    r.post(
      '/api/hotline/webhook/:source',
      {
        onRequest: async (req) => {
          const { source } = req.params as { source: string };
          webhookTenant.set(req, await hotline.authenticate(source, req.headers.authorization));
        },
        config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'A work order pushed by 12345 / 民情通 / 阳光信访 (Bearer secret; Idempotency-Key and the work-order number dedupe)',
          headers: IdemHeaders,
          params: HotlineSourceParams,
          body: HotlineOrderInput,
          response: { 200: WebhookReceipt, 201: WebhookReceipt, ...errors },
        },
      },
      async (req, reply) => {
        const tenantId = webhookTenant.get(req);
        if (!tenantId) throw hotlineErrors.unauthorized();
        const result = await hotline.webhook(
          tenantId,
          req.params.source,
          req.body,
          idempotencyKey(req.headers['idempotency-key']),
        );
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(result.status).send(result.body);
      },
    );

    r.get(
      '/api/hotline/sources',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary: 'Webhook secrets per source (hints only)',
          response: { 200: Type.Array(HotlineSourceConfig), ...errors },
        },
      },
      async (req) => hotline.sources(actorOf(req)),
    );
    r.post(
      '/api/hotline/sources/:source/secret',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary: 'New webhook secret (shown once)',
          params: HotlineSourceParams,
          response: { 201: HotlineSecret, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await hotline.rotateSecret(actorOf(req), req.params.source)),
    );
    r.put(
      '/api/hotline/sources/:source/caller-reply',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary: 'Whether the 办理答复 also goes to callers of this source by SMS',
          params: HotlineSourceParams,
          body: HotlineCallerReply,
          response: { 200: Ok, ...errors },
        },
      },
      async (req) => {
        await hotline.setCallerReply(actorOf(req), req.params.source, req.body.enabled);
        return { ok: true };
      },
    );
    r.delete(
      '/api/hotline/sources/:source/secret',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          summary: 'Disable the webhook of a source',
          params: HotlineSourceParams,
          response: { 200: Ok, ...errors },
        },
      },
      async (req) => {
        await hotline.removeSecret(actorOf(req), req.params.source);
        return { ok: true };
      },
    );
  });
}
