import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Ok, PageOf } from '../../../../common/contracts/common.ts';
import {
  Region,
  RegionCreate,
  RegionQuery,
  RegionUpdate,
  ResetPasswordBody,
  Tenant,
  Unit,
  UnitCreate,
  UnitQuery,
  UnitUpdate,
  User,
  UserCreate,
  UserQuery,
  UserUpdate,
} from '../../../../common/contracts/org.ts';
import { errorResponses } from '../../platform/http.ts';
import { localeFromHeader } from '../../platform/messages.ts';
import { actorOf } from '../auth/index.ts';
import type { OrgServices } from './org.module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). */
export function registerOrgRoutes(app: FastifyInstance, s: OrgServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['org'];

  r.get(
    '/api/org/tenant',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: "The caller's tenant", response: { 200: Tenant, ...errors } },
    },
    async (req) => s.tenant(actorOf(req)),
  );

  r.get(
    '/api/org/regions',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Streets, towns and communities',
        querystring: RegionQuery,
        response: { 200: PageOf(Region), ...errors },
      },
    },
    async (req) => s.regions.list(actorOf(req), req.query),
  );
  r.post(
    '/api/org/regions',
    {
      config: { permission: 'region.manage' },
      schema: { tags, body: RegionCreate, response: { 201: Region, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.regions.create(actorOf(req), req.body)),
  );
  r.get(
    '/api/org/regions/:id',
    { config: { permission: 'org.read' }, schema: { tags, params: IdParams, response: { 200: Region, ...errors } } },
    async (req) => s.regions.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/org/regions/:id',
    {
      config: { permission: 'region.manage' },
      schema: { tags, params: IdParams, body: RegionUpdate, response: { 200: Region, ...errors } },
    },
    async (req) => s.regions.update(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/org/regions/:id',
    { config: { permission: 'region.manage' }, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      await s.regions.remove(actorOf(req), req.params.id);
      return { ok: true };
    },
  );

  r.get(
    '/api/org/units',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: 'Handling units', querystring: UnitQuery, response: { 200: PageOf(Unit), ...errors } },
    },
    async (req) => s.units.list(actorOf(req), req.query),
  );
  r.post(
    '/api/org/units',
    { config: { permission: 'unit.manage' }, schema: { tags, body: UnitCreate, response: { 201: Unit, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.units.create(actorOf(req), req.body)),
  );
  r.get(
    '/api/org/units/:id',
    { config: { permission: 'org.read' }, schema: { tags, params: IdParams, response: { 200: Unit, ...errors } } },
    async (req) => s.units.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/org/units/:id',
    {
      config: { permission: 'unit.manage' },
      schema: { tags, params: IdParams, body: UnitUpdate, response: { 200: Unit, ...errors } },
    },
    async (req) => s.units.update(actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/org/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: 'Users (phones masked)',
        querystring: UserQuery,
        response: { 200: PageOf(User), ...errors },
      },
    },
    async (req) => s.users.list(actorOf(req), req.query),
  );
  r.post(
    '/api/org/users',
    { config: { permission: 'user.manage' }, schema: { tags, body: UserCreate, response: { 201: User, ...errors } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await s.users.create(actorOf(req), req.body, localeFromHeader(req.headers['accept-language']))),
  );
  r.get(
    '/api/org/users/:id',
    { config: { permission: 'user.read' }, schema: { tags, params: IdParams, response: { 200: User, ...errors } } },
    async (req) => s.users.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/org/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: { tags, params: IdParams, body: UserUpdate, response: { 200: User, ...errors } },
    },
    async (req) => s.users.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/org/users/:id/password',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags,
        summary: "Reset a user's password (they must change it at next sign-in)",
        params: IdParams,
        body: ResetPasswordBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await s.users.resetPassword(
        actorOf(req),
        req.params.id,
        req.body,
        localeFromHeader(req.headers['accept-language']),
      );
      return { ok: true };
    },
  );
  r.post(
    '/api/org/users/:id/unlock',
    {
      config: { permission: 'user.manage' },
      schema: { tags, params: IdParams, body: Type.Optional(Type.Object({})), response: { 200: User, ...errors } },
    },
    async (req) => s.users.unlock(actorOf(req), req.params.id),
  );
}
