import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Nullable } from '../../../../common/contracts/common.ts';
import { DossierBatch, DossierBatchCreate } from '../../../../common/contracts/dossier.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { errorMessage } from '../../platform/http-errors.ts';
import { actorOf } from '../auth/index.ts';
import type { DossierBatches } from './batch.service.ts';
import type { DossierService } from './dossier.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 503);
const Pdf = Type.Unknown({ description: 'application/pdf' });
const Zip = Type.Unknown({ description: 'application/zip: one PDF per case' });

/** A failed batch's error gets its message in the reader's language, as an error answer would. */
const localized = (req: FastifyRequest, b: DossierBatch): DossierBatch =>
  b.error ? { ...b, error: { ...b.error, message: errorMessage(req, b.error.code, undefined) } } : b;

/** HTTP only: case.read, then the case visibility rule for every case printed. */
export function registerDossierRoutes(app: FastifyInstance, s: DossierService, batches: DossierBatches): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dossier'];
  r.get(
    '/api/cases/:id/dossier.pdf',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The case’s 案卷 as PDF: sheet, map, timeline, approvals, 督办单, photos',
        params: IdParams,
        response: { 200: Pdf, ...errors },
      },
    },
    async (req, reply) => sendDownload(reply, await s.casePdf(actorOf(req), req.params.id)),
  );
  r.post(
    '/api/dossiers/batches',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Starts printing the 案卷 of a month’s closed cases in the background (202; follow Location)',
        body: DossierBatchCreate,
        response: { 202: DossierBatch, ...errors },
      },
    },
    async (req, reply) => {
      const batch = await batches.submit(actorOf(req), req.body);
      return reply.status(202).header('location', `/api/dossiers/batches/${batch.id}`).send(localized(req, batch));
    },
  );
  r.get(
    '/api/dossiers/batches/latest',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The requester’s newest month batch (running or ended), or null',
        response: { 200: Type.Object({ batch: Nullable(DossierBatch) }), ...errors },
      },
    },
    async (req) => {
      const batch = await batches.latest(actorOf(req));
      return { batch: batch ? localized(req, batch) : null };
    },
  );
  r.get(
    '/api/dossiers/batches/:id',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'One month batch: status, cases done of total, then the download or the failure',
        params: IdParams,
        response: { 200: DossierBatch, ...errors },
      },
    },
    async (req) => localized(req, await batches.get(actorOf(req), req.params.id)),
  );
  r.get(
    '/api/dossiers/batches/:id/file',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The finished batch as a zip of one 案卷 PDF per case; downloadable once',
        params: IdParams,
        response: { 200: Zip, ...errors },
      },
    },
    async (req, reply) => sendDownload(reply, await batches.download(actorOf(req), req.params.id)),
  );
}
