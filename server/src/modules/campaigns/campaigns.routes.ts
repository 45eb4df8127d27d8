import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  Campaign,
  CampaignCreate,
  CampaignUpdate,
  CampaignFigures,
  CampaignQuery,
  FiguresQuery,
  Honour,
  HonourCreate,
  Problem,
  ProblemCreate,
  ProblemList,
  ProblemListCreate,
  ProblemListQuery,
  ProblemQuery,
  ProblemStep,
  Publicity,
  PublicityCreate,
  QuantityReport,
  QuantityReportCreate,
  RecordQuery,
  Task,
  TaskCreate,
  TaskProgress,
  TaskQuery,
  Topic,
  TopicCreate,
  TopicUpdate,
} from '../../../../common/contracts/campaigns.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { Campaigns } from './campaigns.module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'campaign.read' } as const;
const MANAGE = { permission: 'campaign.manage' } as const;
const BASE = '/api/campaigns';

/**
 * HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/campaigns.md. Reports,
 * progress and rectification steps are declared with campaign.read: the service decides between the task's own
 * unit (campaign.report) and the keepers (campaign.manage).
 */
export async function registerCampaignRoutes(app: FastifyInstance, m: Campaigns): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['campaigns'];
  const { campaigns: c, problems: p, records: rec } = m;

  r.get(
    `${BASE}`,
    { config: READ, schema: { tags, querystring: CampaignQuery, response: { 200: PageOf(Campaign), ...errors } } },
    async (req) => c.list(actorOf(req), req.query),
  );
  r.post(
    `${BASE}`,
    { config: MANAGE, schema: { tags, body: CampaignCreate, response: { 201: Campaign, ...errors } } },
    async (req, reply) => reply.status(201).send(await c.create(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/figures`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The figures of a period: quantities, tasks, rectification, topics, publicity and honours',
        querystring: FiguresQuery,
        response: { 200: CampaignFigures, ...errors },
      },
    },
    async (req) => m.figures.figures(actorOf(req), req.query.from, req.query.to),
  );
  r.get(
    `${BASE}/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: Campaign, ...errors } } },
    async (req) => c.get(actorOf(req), req.params.id),
  );
  r.patch(
    `${BASE}/:id`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Corrects an active campaign: name, description, verb, dates (409 once closed)',
        params: IdParams,
        body: CampaignUpdate,
        response: { 200: Campaign, ...errors },
      },
    },
    async (req) => c.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/:id/close`,
    { config: MANAGE, schema: { tags, params: IdParams, response: { 200: Campaign, ...errors } } },
    async (req) => c.close(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/:id/tasks`,
    {
      config: READ,
      schema: { tags, params: IdParams, querystring: TaskQuery, response: { 200: PageOf(Task), ...errors } },
    },
    async (req) => c.listTasks(actorOf(req), req.params.id, req.query),
  );
  r.post(
    `${BASE}/:id/tasks`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'A task for a unit of the city, due on a working day',
        params: IdParams,
        body: TaskCreate,
        response: { 201: Task, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await c.createTask(actorOf(req), req.params.id, req.body)),
  );
  r.get(
    `${BASE}/:id/reports`,
    {
      config: READ,
      schema: { tags, params: IdParams, querystring: TaskQuery, response: { 200: PageOf(QuantityReport), ...errors } },
    },
    async (req) => c.listReports(actorOf(req), req.params.id, req.query),
  );
  r.get(
    `${BASE}/tasks/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: Task, ...errors } } },
    async (req) => c.getTask(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/tasks/:id/progress`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The unit reports its progress (0–100 %; 100 finishes the task)',
        params: IdParams,
        body: TaskProgress,
        response: { 200: Task, ...errors },
      },
    },
    async (req) => c.progress(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/tasks/:id/reports`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The unit reports a quantity with photos; the total may pass the target only by its allowance',
        params: IdParams,
        body: QuantityReportCreate,
        response: { 201: QuantityReport, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await c.report(actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/problem-lists',
    {
      config: READ,
      schema: { tags, querystring: ProblemListQuery, response: { 200: PageOf(ProblemList), ...errors } },
    },
    async (req) => p.lists(actorOf(req), req.query),
  );
  r.post(
    '/api/problem-lists',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'A 巡察反馈 or "一下三民" list with its items (all or nothing)',
        body: ProblemListCreate,
        response: { 201: ProblemList, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await p.createList(actorOf(req), req.body)),
  );
  r.get(
    '/api/problem-lists/:id',
    { config: READ, schema: { tags, params: IdParams, response: { 200: ProblemList, ...errors } } },
    async (req) => p.getList(actorOf(req), req.params.id),
  );
  r.get(
    '/api/problem-lists/:id/items',
    {
      config: READ,
      schema: { tags, params: IdParams, querystring: ProblemQuery, response: { 200: PageOf(Problem), ...errors } },
    },
    async (req) => p.items(actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/problem-lists/:id/items',
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: ProblemCreate, response: { 201: Problem, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await p.addItem(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/problems/:id/step',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Rectification: start (open → rectifying), finish (→ rectified, with measures and photos)',
        params: IdParams,
        body: ProblemStep,
        response: { 200: Problem, ...errors },
      },
    },
    async (req) => p.step(actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/research-topics',
    { config: READ, schema: { tags, querystring: RecordQuery, response: { 200: PageOf(Topic), ...errors } } },
    async (req) => rec.topics(actorOf(req), req.query),
  );
  r.post(
    '/api/research-topics',
    { config: MANAGE, schema: { tags, body: TopicCreate, response: { 201: Topic, ...errors } } },
    async (req, reply) => reply.status(201).send(await rec.createTopic(actorOf(req), req.body)),
  );
  r.patch(
    '/api/research-topics/:id',
    { config: MANAGE, schema: { tags, params: IdParams, body: TopicUpdate, response: { 200: Topic, ...errors } } },
    async (req) => rec.updateTopic(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/honours',
    { config: READ, schema: { tags, querystring: RecordQuery, response: { 200: PageOf(Honour), ...errors } } },
    async (req) => rec.honours(actorOf(req), req.query),
  );
  r.post(
    '/api/honours',
    { config: MANAGE, schema: { tags, body: HonourCreate, response: { 201: Honour, ...errors } } },
    async (req, reply) => reply.status(201).send(await rec.createHonour(actorOf(req), req.body)),
  );
  r.get(
    '/api/publicity',
    { config: READ, schema: { tags, querystring: RecordQuery, response: { 200: PageOf(Publicity), ...errors } } },
    async (req) => rec.publicity(actorOf(req), req.query),
  );
  r.post(
    '/api/publicity',
    { config: MANAGE, schema: { tags, body: PublicityCreate, response: { 201: Publicity, ...errors } } },
    async (req, reply) => reply.status(201).send(await rec.createPublicity(actorOf(req), req.body)),
  );
}
