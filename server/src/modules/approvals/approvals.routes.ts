import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  Application,
  ApplicationClose,
  ApplicationCreate,
  ApplicationDetail,
  ApplicationQuery,
  ApprovalFigures,
  ApprovalType,
  ApprovalTypeInput,
  ApprovalTypeList,
  Consultation,
  ConsultationCreate,
  ConsultationQuery,
  CorrectionCreate,
  CorrectionResume,
  DecisionCreate,
  FiguresQuery,
} from '../../../../common/contracts/approvals.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { ApprovalsService } from './approvals.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'approval.read' } as const;
const HANDLE = { permission: 'approval.handle' } as const;
const DECIDE = { permission: 'approval.decide' } as const;
const MANAGE = { permission: 'approval.manage' } as const;
const BASE = '/api/approvals';

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/approvals.md. */
export function registerApprovalsRoutes(app: FastifyInstance, s: ApprovalsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['approvals'];
  const detail = { 200: ApplicationDetail, ...errors };

  r.get(
    `${BASE}/types`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Application types with checklists and promised limits',
        response: { 200: ApprovalTypeList, ...errors },
      },
    },
    async (req) => s.listTypes(actorOf(req)),
  );
  r.post(
    `${BASE}/types`,
    { config: MANAGE, schema: { tags, body: ApprovalTypeInput, response: { 201: ApprovalType, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createType(actorOf(req), req.body)),
  );
  r.put(
    `${BASE}/types/:id`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: ApprovalTypeInput, response: { 200: ApprovalType, ...errors } },
    },
    async (req) => s.updateType(actorOf(req), req.params.id, req.body),
  );

  r.get(
    `${BASE}/applications`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Applications (applicant phones masked)',
        querystring: ApplicationQuery,
        response: { 200: PageOf(Application), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/applications`,
    {
      config: HANDLE,
      schema: {
        tags,
        summary: '受理: accept an application against its checklist; the promised limit starts now',
        body: ApplicationCreate,
        response: { 201: ApplicationDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.accept(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/applications/:id`,
    { config: READ, schema: { tags, params: IdParams, response: detail } },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/applications/:id/review`,
    { config: HANDLE, schema: { tags, summary: '审查: start the review', params: IdParams, response: detail } },
    async (req) => s.review(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/applications/:id/corrections`,
    {
      config: HANDLE,
      schema: {
        tags,
        summary: '补正: ask for materials; the promised-time clock stops',
        params: IdParams,
        body: CorrectionCreate,
        response: detail,
      },
    },
    async (req) => s.correct(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/applications/:id/resume`,
    {
      config: HANDLE,
      schema: {
        tags,
        summary: 'The materials arrived: the clock runs again, the due date moved by the paused working time',
        params: IdParams,
        body: CorrectionResume,
        response: detail,
      },
    },
    async (req) => s.resume(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/applications/:id/decision`,
    {
      config: DECIDE,
      schema: {
        tags,
        summary: '决定: grant (writes the permit and the register entry) or refuse',
        params: IdParams,
        body: DecisionCreate,
        response: detail,
      },
    },
    async (req) => s.decide(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/applications/:id/close`,
    {
      config: HANDLE,
      schema: { tags, summary: '办结', params: IdParams, body: ApplicationClose, response: detail },
    },
    async (req) => s.close(actorOf(req), req.params.id, req.body),
  );

  r.get(
    `${BASE}/consultations`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The consultations log (phones masked)',
        querystring: ConsultationQuery,
        response: { 200: PageOf(Consultation), ...errors },
      },
    },
    async (req) => s.listConsultations(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/consultations`,
    { config: HANDLE, schema: { tags, body: ConsultationCreate, response: { 201: Consultation, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createConsultation(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/figures`,
    {
      config: READ,
      schema: {
        tags,
        summary: '办结率, 提前办结率 and 咨询人次 of a period (local dates, inclusive)',
        querystring: FiguresQuery,
        response: { 200: ApprovalFigures, ...errors },
      },
    },
    async (req) => s.figuresFor(actorOf(req), req.query),
  );
}
