import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  ApiClient,
  ApiClientCreate,
  ApiClientCreated,
  ApiClientQuery,
  ApiClientUpdate,
} from '../../../../common/contracts/open311.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { ClientService } from './open311-clients.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** 开放接口: Open311 client applications (list, create — key shown once —, rename, re-limit, disable). Audited. */
export function registerOpen311AdminRoutes(app: FastifyInstance, s: ClientService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['open311'];
  const config = { permission: 'apikey.manage' } as const;

  r.get(
    '/api/open311/clients',
    {
      config,
      schema: {
        tags,
        summary: 'Open311 client applications',
        querystring: ApiClientQuery,
        response: { 200: PageOf(ApiClient), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    '/api/open311/clients',
    {
      config,
      schema: {
        tags,
        summary: 'Add a client application; the answer carries its api_key, shown this once',
        body: ApiClientCreate,
        response: { 201: ApiClientCreated, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await s.create(actorOf(req), req.body)),
  );
  r.patch(
    '/api/open311/clients/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename, change the rate limit, disable or enable',
        params: IdParams,
        body: ApiClientUpdate,
        response: { 200: ApiClient, ...errors },
      },
    },
    async (req) => s.update(actorOf(req), req.params.id, req.body),
  );
}
