import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Ok, PageOf } from '../../../../common/contracts/common.ts';
import {
  RoutingRule,
  RoutingRuleCreate,
  RoutingRuleQuery,
  RoutingRuleUpdate,
  RoutingSettings,
  RoutingSuggestion,
  RoutingSuggestQuery,
} from '../../../../common/contracts/routing.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { RoutingService } from './routing.module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). Reads need org.read, changes settings.manage. */
export function registerRoutingRoutes(app: FastifyInstance, s: RoutingService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['routing'];

  r.get(
    '/api/routing/rules',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Routing rules (处置责任分解表) with unit, region and matter names',
        querystring: RoutingRuleQuery,
        response: { 200: PageOf(RoutingRule), ...errors },
      },
    },
    async (req) => s.rules.list(actorOf(req), req.query),
  );
  r.post(
    '/api/routing/rules',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Add a rule; matter, major and region all empty = the fallback rule (one per city)',
        body: RoutingRuleCreate,
        response: { 201: RoutingRule, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.rules.create(actorOf(req), req.body)),
  );
  r.get(
    '/api/routing/rules/:id',
    {
      config: { permission: 'org.read' },
      schema: { tags, params: IdParams, response: { 200: RoutingRule, ...errors } },
    },
    async (req) => s.rules.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/routing/rules/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, params: IdParams, body: RoutingRuleUpdate, response: { 200: RoutingRule, ...errors } },
    },
    async (req) => s.rules.update(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/routing/rules/:id',
    { config: { permission: 'settings.manage' }, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      await s.rules.remove(actorOf(req), req.params.id);
      return { ok: true };
    },
  );

  r.get(
    '/api/routing/suggest',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'The unit a case of this matter at this point would be suggested to, and why',
        querystring: RoutingSuggestQuery,
        response: { 200: RoutingSuggestion, ...errors },
      },
    },
    async (req) => s.rules.trySuggest(actorOf(req), req.query),
  );

  r.get(
    '/api/routing/settings',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Duplicate detection radius and time window',
        response: { 200: RoutingSettings, ...errors },
      },
    },
    async (req) => s.duplicates.getSettings(actorOf(req)),
  );
  r.put(
    '/api/routing/settings',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, body: RoutingSettings, response: { 200: RoutingSettings, ...errors } },
    },
    async (req) => s.duplicates.putSettings(actorOf(req), req.body),
  );
}
