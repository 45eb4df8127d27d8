import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  Assessment,
  AssessmentQuery,
  Contract,
  ContractCreate,
  ContractQuery,
  GenerateQuery,
  Inspection,
  InspectionKpis,
  InspectionPlan,
  InspectionPlanCreate,
  InspectionQuery,
  InspectionSubmit,
  KpiQuery,
  PlanInspector,
  PlanQuery,
} from '../../../../common/contracts/inspections.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { idempotencyKey } from '../../platform/idempotency.ts';
import { actorOf } from '../auth/index.ts';
import { assessmentPdf, assessmentXlsx } from './assessment-files.ts';
import type { AssetServices } from './assets.module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'assets.read' } as const;
const MANAGE = { permission: 'assets.manage' } as const;
const INSPECT = { permission: 'assets.inspect' } as const;
const BASE = '/api/assets';

/** HTTP only (docs/inspections.md): plans, inspections, contracts, the monthly sheet and the KPIs. */
export async function registerInspectionRoutes(app: FastifyInstance, s: AssetServices, fontPath: string) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['assets'];

  r.get(
    `${BASE}/inspection-plans`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Inspection plans; q searches the name and the asset type',
        querystring: PlanQuery,
        response: { 200: PageOf(InspectionPlan), ...errors },
      },
    },
    async (req) => s.plans.list(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/inspection-plans`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Add an inspection plan: a checklist per asset type and a schedule',
        body: InspectionPlanCreate,
        response: { 201: InspectionPlan, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await s.plans.create(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/inspection-plans/inspectors`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Whom a plan can name as its inspector: active users whose roles inspect assets',
        response: { 200: Type.Object({ items: Type.Array(PlanInspector) }), ...errors },
      },
    },
    async (req) => s.plans.inspectors(actorOf(req)),
  );
  r.post(
    `${BASE}/inspection-plans/generate`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Generate the inspections due in a range of dates (idempotent)',
        querystring: GenerateQuery,
        response: { 200: Type.Object({ added: Type.Integer() }), ...errors },
      },
    },
    async (req) => s.plans.generateFor(actorOf(req), req.query.from, req.query.to),
  );
  r.get(
    `${BASE}/inspections`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Inspections in the reader\u2019s scope',
        querystring: InspectionQuery,
        response: { 200: PageOf(Inspection), ...errors },
      },
    },
    async (req) => s.inspections.list(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/inspections/:id`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'One inspection with its items',
        params: IdParams,
        response: { 200: Inspection, ...errors },
      },
    },
    async (req) => s.inspections.get(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/my-inspections`,
    {
      config: INSPECT,
      schema: {
        tags,
        summary: 'The inspector\u2019s inspections: given to them or to nobody',
        querystring: InspectionQuery,
        response: { 200: PageOf(Inspection), ...errors },
      },
    },
    async (req) => s.inspections.list(actorOf(req), { ...req.query, mine: true }),
  );
  r.get(
    `${BASE}/my-inspections/:id`,
    {
      config: INSPECT,
      schema: {
        tags,
        summary: 'One of the inspector\u2019s inspections',
        params: IdParams,
        response: { 200: Inspection, ...errors },
      },
    },
    async (req) => s.inspections.get(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/inspections/:id/submit`,
    {
      config: INSPECT,
      schema: {
        tags,
        summary: 'Submit the results; failed items open work orders or cases; honours Idempotency-Key',
        params: IdParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) }),
        body: InspectionSubmit,
        response: { 200: Inspection, ...errors },
      },
    },
    async (req) =>
      s.inspections.submit(actorOf(req), req.params.id, req.body, idempotencyKey(req.headers['idempotency-key'])),
  );
  r.get(
    `${BASE}/inspection-kpis`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Inspection completion and on-time work orders',
        querystring: KpiQuery,
        response: { 200: InspectionKpis, ...errors },
      },
    },
    async (req) => s.kpis(actorOf(req), req.query.from, req.query.to),
  );
  r.get(
    `${BASE}/contracts`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Service contracts; q searches the number and the name',
        querystring: ContractQuery,
        response: { 200: PageOf(Contract), ...errors },
      },
    },
    async (req) => s.contracts.list(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/contracts`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Register a service contract',
        body: ContractCreate,
        response: { 201: Contract, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await s.contracts.create(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/contracts/:id/assessment`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The monthly assessment of a contract',
        params: IdParams,
        querystring: AssessmentQuery,
        response: { 200: Assessment, ...errors },
      },
    },
    async (req) => s.contracts.assessment(actorOf(req), req.params.id, req.query.month),
  );
  r.get(
    `${BASE}/contracts/:id/assessment.:format`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The monthly assessment sheet as PDF or XLSX',
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]),
        }),
        querystring: AssessmentQuery,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (req, reply) => {
      const a = await s.contracts.assessment(actorOf(req), req.params.id, req.query.month);
      const name = `${a.contract.contractNo}-${a.month}`;
      if (req.params.format === 'pdf')
        return sendDownload(reply, {
          filename: `${name}-考核表.pdf`,
          fallback: `${name}-assessment.pdf`,
          contentType: 'application/pdf',
          body: await assessmentPdf(a, fontPath),
        });
      return sendDownload(reply, {
        filename: `${name}-考核表.xlsx`,
        fallback: `${name}-assessment.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await assessmentXlsx(a),
      });
    },
  );
}
