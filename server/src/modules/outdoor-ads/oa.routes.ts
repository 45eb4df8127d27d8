import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  AdInspectionCreate,
  AdRemoval,
  AdRemovalCreate,
  AdRemovalQuery,
  AdReminderList,
  AdReminderQuery,
  FloodSweep,
  FloodSweepQuery,
  OutdoorAd,
  OutdoorAdCreate,
  OutdoorAdDetail,
  OutdoorAdQuery,
  OutdoorAdUpdate,
} from '../../../../common/contracts/outdoor-ads.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { OutdoorAdsService } from './oa.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'ads.read' } as const;
const MANAGE = { permission: 'ads.manage' } as const;
const BASE = '/api/outdoor-ads';

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/outdoor-ads.md. */
export function registerOutdoorAdsRoutes(app: FastifyInstance, s: OutdoorAdsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['outdoor-ads'];

  r.get(
    `${BASE}/ads`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The inventory of outdoor signs (owner phones masked)',
        querystring: OutdoorAdQuery,
        response: { 200: PageOf(OutdoorAd), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/ads`,
    { config: MANAGE, schema: { tags, body: OutdoorAdCreate, response: { 201: OutdoorAdDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/ads/:id`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'One sign with its latest 100 inspections',
        params: IdParams,
        response: { 200: OutdoorAdDetail, ...errors },
      },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.patch(
    `${BASE}/ads/:id`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: OutdoorAdUpdate, response: { 200: OutdoorAdDetail, ...errors } },
    },
    async (req) => s.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/ads/:id/inspections`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Record a safety inspection; the next one falls due 180 days later unless given',
        params: IdParams,
        body: AdInspectionCreate,
        response: { 201: OutdoorAdDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.inspect(actorOf(req), req.params.id, req.body)),
  );

  r.get(
    `${BASE}/reminders`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Permits expired or expiring and inspections overdue or due within `withinDays`',
        querystring: AdReminderQuery,
        response: { 200: AdReminderList, ...errors },
      },
    },
    async (req) => s.reminders(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/flood-sweep`,
    {
      config: READ,
      schema: {
        tags,
        summary: '汛前安全排查: wind-exposed signs without a passing inspection since 1 March',
        querystring: FloodSweepQuery,
        response: { 200: FloodSweep, ...errors },
      },
    },
    async (req) => s.floodSweep(actorOf(req), req.query),
  );

  r.get(
    `${BASE}/removals`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Removal records by type, voluntary or enforced',
        querystring: AdRemovalQuery,
        response: { 200: PageOf(AdRemoval), ...errors },
      },
    },
    async (req) => s.listRemovals(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/removals`,
    { config: MANAGE, schema: { tags, body: AdRemovalCreate, response: { 201: AdRemoval, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createRemoval(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/removals/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: AdRemoval, ...errors } } },
    async (req) => s.getRemoval(actorOf(req), req.params.id),
  );
}
