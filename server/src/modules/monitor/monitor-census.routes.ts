import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../../common/contracts/common.ts';
import {
  CensusCampaignCreate,
  CensusCampaignDetail,
  CensusCampaignList,
  CensusRecordBatch,
  CensusRecordReceipt,
  CensusTaskDetail,
  CensusTaskList,
} from '../../../../common/contracts/census.ts';
import {
  InspectorMissedList,
  MissedCasePage,
  MissedCasesQuery,
  MissedQuery,
} from '../../../../common/contracts/monitor-missed.ts';
import { errorResponses } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import type { MonitorService } from './monitor.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const SUPERVISE = { permission: 'inspector.supervise' } as const;
const REPORT = { permission: 'case.report' } as const;
const BASE = '/api/monitor';

/** Per-inspector 漏报 and 专项普查 (docs/monitor.md): HTTP only. */
export function registerCensusRoutes(app: FastifyInstance, s: MonitorService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['monitor'];

  r.get(
    `${BASE}/missed`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: '漏报 per supervised inspector: cases filed in the window in their grids that others reported',
        querystring: MissedQuery,
        response: { 200: InspectorMissedList, ...errors },
      },
    },
    async (req) => s.missed(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/inspectors/:id/missed`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: 'The cases behind one inspector’s 漏报, newest filing day first',
        params: IdParams,
        querystring: MissedCasesQuery,
        response: { 200: MissedCasePage, ...errors },
      },
    },
    async (req) => s.missedCases(actorOf(req), req.params.id, req.query),
  );

  r.post(
    `${BASE}/census`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: 'A census campaign: one component class over streets or communities, one task per grid',
        body: CensusCampaignCreate,
        response: { 201: CensusCampaignDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.census.createCampaign(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/census`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: 'Census campaigns with their progress',
        response: { 200: CensusCampaignList, ...errors },
      },
    },
    async (req) => s.census.campaigns(actorOf(req)),
  );
  r.get(
    `${BASE}/census/:id`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: 'One census campaign with the progress of each grid task',
        params: IdParams,
        response: { 200: CensusCampaignDetail, ...errors },
      },
    },
    async (req) => s.census.campaign(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/census-tasks/mine`,
    {
      config: REPORT,
      schema: { tags, summary: 'My census tasks in open campaigns', response: { 200: CensusTaskList, ...errors } },
    },
    async (req) => s.census.myTasks(actorOf(req)),
  );
  r.get(
    `${BASE}/census-tasks/:id`,
    {
      config: REPORT,
      schema: {
        tags,
        summary: 'A census task with its registered components and what was recorded for each',
        params: IdParams,
        response: { 200: CensusTaskDetail, ...errors },
      },
    },
    async (req) => s.census.task(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/census-tasks/:id/records`,
    {
      config: REPORT,
      schema: {
        tags,
        summary:
          'Records of a census task (ok / damaged / missing / new); each updates the component registry; honours Idempotency-Key',
        params: IdParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) }),
        body: CensusRecordBatch,
        response: { 200: CensusRecordReceipt, ...errors },
      },
    },
    async (req) =>
      s.census.record(actorOf(req), req.params.id, req.body, idempotencyKey(req.headers['idempotency-key'])),
  );
}
