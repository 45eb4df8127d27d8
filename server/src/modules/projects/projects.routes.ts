import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Ok, PageOf } from '../../../../common/contracts/common.ts';
import {
  FiguresQuery,
  FundInput,
  MapPoint,
  MilestoneInput,
  MilestonePlan,
  MilestoneProgress,
  ProjectDetail,
  ProjectFigures,
  ProjectInput,
  ProjectPatch,
  ProjectQuery,
  ProjectSummary,
  ReportInput,
  SubprojectInput,
  SubprojectPatch,
  WeightsInput,
} from '../../../../common/contracts/projects.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { ProjectsService } from './projects.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'project.read' } as const;
const MANAGE = { permission: 'project.manage' } as const;
// progress (a milestone's progress, reports) is the building unit's
const PROGRESS = { permission: 'project.report' } as const;
const BASE = '/api/projects';
const Id = IdParams.properties.id;
const SubParams = Type.Object({ id: Id, subId: Id });
const MilestoneParams = Type.Object({ id: Id, subId: Id, milestoneId: Id });
const FundParams = Type.Object({ id: Id, fundId: Id });
const Created = Type.Object({ id: Type.String() });

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/projects.md. */
export async function registerProjectRoutes(app: FastifyInstance, s: ProjectsService): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['projects'];

  r.get(
    BASE,
    { config: READ, schema: { tags, querystring: ProjectQuery, response: { 200: PageOf(ProjectSummary), ...errors } } },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    BASE,
    { config: MANAGE, schema: { tags, body: ProjectInput, response: { 201: ProjectDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/figures`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Funds won by source in the period; subprojects done and progress of the running projects',
        querystring: FiguresQuery,
        response: { 200: ProjectFigures, ...errors },
      },
    },
    async (req) => s.readFigures(actorOf(req), req.query.from, req.query.to),
  );
  r.get(
    `${BASE}/map`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Projects and subprojects with a position',
        response: { 200: Type.Object({ items: Type.Array(MapPoint) }), ...errors },
      },
    },
    async (req) => ({ items: await s.mapPoints(actorOf(req)) }),
  );
  r.get(
    `${BASE}/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: ProjectDetail, ...errors } } },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.patch(
    `${BASE}/:id`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: ProjectPatch, response: { 200: ProjectDetail, ...errors } },
    },
    async (req) => s.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/:id/funds`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: FundInput, response: { 201: ProjectDetail, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.addFund(actorOf(req), req.params.id, req.body)),
  );
  r.delete(
    `${BASE}/:id/funds/:fundId`,
    { config: MANAGE, schema: { tags, params: FundParams, response: { 200: ProjectDetail, ...errors } } },
    async (req) => s.removeFund(actorOf(req), req.params.id, req.params.fundId),
  );
  r.post(
    `${BASE}/:id/subprojects`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: SubprojectInput, response: { 201: Created, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.addSubproject(actorOf(req), req.params.id, req.body)),
  );
  r.put(
    `${BASE}/:id/weights`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Every subproject weight at once; they sum to 100 %',
        params: IdParams,
        body: WeightsInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await s.setSubprojectWeights(actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
  r.patch(
    `${BASE}/:id/subprojects/:subId`,
    { config: MANAGE, schema: { tags, params: SubParams, body: SubprojectPatch, response: { 200: Ok, ...errors } } },
    async (req) => {
      await s.updateSubproject(actorOf(req), req.params.id, req.params.subId, req.body);
      return { ok: true };
    },
  );
  r.post(
    `${BASE}/:id/subprojects/:subId/milestones`,
    {
      config: MANAGE,
      schema: { tags, params: SubParams, body: MilestoneInput, response: { 201: Created, ...errors } },
    },
    async (req, reply) =>
      reply.status(201).send(await s.addMilestone(actorOf(req), req.params.id, req.params.subId, req.body)),
  );
  r.put(
    `${BASE}/:id/subprojects/:subId/weights`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Every milestone weight at once; they sum to 100 %',
        params: SubParams,
        body: WeightsInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await s.setMilestoneWeights(actorOf(req), req.params.id, req.params.subId, req.body);
      return { ok: true };
    },
  );
  r.patch(
    `${BASE}/:id/subprojects/:subId/milestones/:milestoneId`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Re-plan a milestone: name, weight, planned date',
        params: MilestoneParams,
        body: MilestonePlan,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      const p = req.params;
      await s.updateMilestone(actorOf(req), p.id, p.subId, p.milestoneId, req.body, 'plan');
      return { ok: true };
    },
  );
  r.put(
    `${BASE}/:id/subprojects/:subId/milestones/:milestoneId/progress`,
    {
      config: PROGRESS,
      schema: {
        tags,
        summary: "A milestone's progress and completion date (the building unit)",
        params: MilestoneParams,
        body: MilestoneProgress,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      const p = req.params;
      await s.updateMilestone(actorOf(req), p.id, p.subId, p.milestoneId, req.body, 'progress');
      return { ok: true };
    },
  );
  r.post(
    `${BASE}/:id/reports`,
    { config: PROGRESS, schema: { tags, params: IdParams, body: ReportInput, response: { 201: Created, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addReport(actorOf(req), req.params.id, req.body)),
  );
}
