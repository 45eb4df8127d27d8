import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id, IdParams } from '../../../../common/contracts/common.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { DossierService } from './dossier.service.ts';

const errors = errorResponses(400, 401, 403, 404, 503);
const Pdf = Type.Unknown({ description: 'application/pdf' });

/** HTTP only: case.read, then the case visibility rule for every case printed. */
export function registerDossierRoutes(app: FastifyInstance, s: DossierService): void {
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
  r.get(
    '/api/dossiers/closed.pdf',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The 案卷 of a month’s closed cases in one PDF, for archiving (at most 200: narrow by unit)',
        querystring: Type.Object({
          month: Type.String({
            pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$',
            description: 'YYYY-MM, a month of this century',
          }),
          unitId: Type.Optional(Id),
        }),
        response: { 200: Pdf, ...errors },
      },
    },
    async (req, reply) => sendDownload(reply, await s.monthPdf(actorOf(req), req.query.month, req.query.unitId)),
  );
}
