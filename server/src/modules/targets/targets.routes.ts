import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Ok, PageOf } from '../../../../common/contracts/common.ts';
import { ReportFigure } from '../../../../common/contracts/reports.ts';
import {
  ProgressInput,
  TargetDetail,
  TargetInput,
  TargetPatch,
  TargetQuery,
  TargetView,
} from '../../../../common/contracts/targets.ts';
import { errorResponses } from '../../platform/http.ts';
import { localeFromHeader } from '../../platform/messages.ts';
import { actorOf } from '../auth/index.ts';
import type { TargetsService } from './targets.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'targets.read' } as const;
const EDIT = { permission: 'targets.edit' } as const;
// progress reports are the owner unit's (the service checks the unit)
const REPORT = { permission: 'targets.report' } as const;
const BASE = '/api/targets';
const lang = (req: FastifyRequest) => localeFromHeader(req.headers['accept-language']);

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/targets.md. */
export function registerTargetRoutes(app: FastifyInstance, s: TargetsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['targets'];

  r.get(
    BASE,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Targets with their progress to date, the value at each quarter end and the status',
        querystring: TargetQuery,
        response: { 200: PageOf(TargetView), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query, lang(req)),
  );
  r.get(
    `${BASE}/figures`,
    {
      config: EDIT,
      schema: {
        tags,
        summary: 'The statistics figures a target may measure, with their value in the year (the editor’s picker)',
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: { 200: Type.Array(ReportFigure), ...errors },
      },
    },
    async (req) => s.figures(actorOf(req), req.query.year, lang(req)),
  );
  r.post(
    BASE,
    { config: EDIT, schema: { tags, body: TargetInput, response: { 201: TargetDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body, lang(req))),
  );
  r.get(
    `${BASE}/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: TargetDetail, ...errors } } },
    async (req) => s.get(actorOf(req), req.params.id, lang(req)),
  );
  r.patch(
    `${BASE}/:id`,
    { config: EDIT, schema: { tags, params: IdParams, body: TargetPatch, response: { 200: TargetDetail, ...errors } } },
    async (req) => s.update(actorOf(req), req.params.id, req.body, lang(req)),
  );
  r.delete(
    `${BASE}/:id`,
    {
      config: EDIT,
      schema: {
        tags,
        summary: 'Only a target without progress reports',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await s.remove(actorOf(req), req.params.id);
      return { ok: true };
    },
  );
  r.post(
    `${BASE}/:id/reports`,
    {
      config: REPORT,
      schema: {
        tags,
        summary: "A manual target's progress (value, date, note, evidence photos) by its owner unit",
        params: IdParams,
        body: ProgressInput,
        response: { 201: TargetDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.addReport(actorOf(req), req.params.id, req.body, lang(req))),
  );
}
