import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  SupervisionFigures,
  SupervisionFiguresQuery,
  SupervisionIssue,
  SupervisionOrder,
  SupervisionQuery,
  SupervisionReply,
} from '../../../../common/contracts/supervision.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { SupervisionPrint } from './supervision-print.ts';
import type { SupervisionService } from './supervision.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** HTTP only. Issuing is case.escalate (the case's 督办 step); reading supervision.read; replying supervision.reply. */
export function registerSupervisionRoutes(app: FastifyInstance, s: SupervisionService, print: SupervisionPrint): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['supervision'];

  r.get(
    '/api/supervision',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: '督办单 in the caller’s scope: filters, search (order or case number, reason), paging, sorting',
        querystring: SupervisionQuery,
        response: { 200: PageOf(SupervisionOrder), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.get(
    '/api/supervision/figures',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: '督办数 and 按期回复率 of the orders issued in [from, to)',
        querystring: SupervisionFiguresQuery,
        response: { 200: SupervisionFigures, ...errors },
      },
    },
    async (req) => s.figures(actorOf(req), req.query),
  );
  r.post(
    '/api/supervision',
    {
      config: { permission: 'case.escalate' },
      schema: {
        tags,
        summary: 'Issue a 督办单 on a case (writes the case’s 督办 step)',
        body: SupervisionIssue,
        response: { 201: SupervisionOrder, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.issue(actorOf(req), req.body)),
  );
  r.get(
    '/api/supervision/:id',
    {
      config: { permission: 'supervision.read' },
      schema: { tags, params: IdParams, response: { 200: SupervisionOrder, ...errors } },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/supervision/:id/reply',
    {
      config: { permission: 'supervision.reply' },
      schema: {
        tags,
        summary: 'The target unit’s reply, with photo evidence',
        params: IdParams,
        body: SupervisionReply,
        response: { 200: SupervisionOrder, ...errors },
      },
    },
    async (req) => s.reply(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/supervision/:id/docx',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'The printable 督办单 (.docx)',
        params: IdParams,
        response: { 200: Type.Unknown({ description: 'docx' }), ...errors },
      },
    },
    async (req, reply) => sendDownload(reply, await print.docx(actorOf(req), req.params.id)),
  );
}
