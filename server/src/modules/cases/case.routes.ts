import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CaseCreate,
  CaseDetail,
  CaseQuery,
  CaseSummary,
  CaseTransition,
  CountsQuery,
  InboxCounts,
} from '../../../../common/contracts/cases.ts';
import { CaseMapQuery, CaseMapResult } from '../../../../common/contracts/case-map.ts';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import { InspectorChoice, InspectorChoiceQuery } from '../../../../common/contracts/monitor.ts';
import { errorResponses } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import type { CaseService } from './case.service.ts';
import { StepLimits, type StepLimitService } from './case-step-limits.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

export function registerCaseRoutes(app: FastifyInstance, cases: CaseService, limits: StepLimitService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cases'];

  r.get(
    '/api/cases/settings/step-limits',
    {
      config: { permission: 'case.read' },
      schema: { tags, summary: 'Time limit of each step', response: { 200: StepLimits, ...errors } },
    },
    async (req) => limits.get(actorOf(req)),
  );
  r.put(
    '/api/cases/settings/step-limits',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, body: StepLimits, response: { 200: StepLimits, ...errors } },
    },
    async (req) => limits.put(actorOf(req), req.body),
  );

  r.post(
    '/api/cases',
    {
      config: { permission: 'case.report' },
      schema: {
        tags,
        summary: 'Report a case (inspector patrol, operator for a caller, leader instruction); honours Idempotency-Key',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) }),
        body: CaseCreate,
        response: { 200: CaseDetail, 201: CaseDetail, ...errors },
      },
    },
    async (req, reply) => {
      const result = await cases.create(actorOf(req), req.body, idempotencyKey(req.headers['idempotency-key']));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.status).send(result.body);
    },
  );

  r.get(
    '/api/cases',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Inbox / search',
        querystring: CaseQuery,
        response: { 200: PageOf(CaseSummary), ...errors },
      },
    },
    async (req) => cases.list(actorOf(req), req.query),
  );
  r.get(
    '/api/cases/counts',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Inbox counts (mine=true: only my tasks)',
        querystring: CountsQuery,
        response: { 200: InboxCounts, ...errors },
      },
    },
    async (req) => cases.counts(actorOf(req), req.query),
  );
  r.get(
    '/api/cases/map',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: '一张图: the cases in a box (list visibility and filters), at most `limit`, most urgent first',
        querystring: CaseMapQuery,
        response: { 200: CaseMapResult, ...errors },
      },
    },
    async (req) => cases.mapCases(actorOf(req), req.query),
  );
  r.get(
    '/api/cases/inspectors',
    {
      config: { permission: 'case.accept' },
      schema: {
        tags,
        summary: 'Inspectors to send for 核实/核查: on duty first, nearest to the case (`caseId`) by last position',
        querystring: InspectorChoiceQuery,
        response: { 200: Type.Array(InspectorChoice), ...errors },
      },
    },
    async (req) => cases.inspectors(actorOf(req), req.query.caseId),
  );
  r.get(
    '/api/cases/:id',
    {
      config: { permission: 'case.read' },
      schema: { tags, params: IdParams, response: { 200: CaseDetail, ...errors } },
    },
    async (req) => cases.get(actorOf(req), req.params.id),
  );
  r.get(
    '/api/cases/:id/duplicates',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Possible duplicates nearby',
        params: IdParams,
        response: { 200: Type.Array(Type.Unknown()), ...errors },
      },
    },
    async (req) => cases.duplicates(actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/transitions',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'One step of the lifecycle (optimistic concurrency by version)',
        params: IdParams,
        body: CaseTransition,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req) => cases.transition(actorOf(req), req.params.id, req.body),
  );
}
