import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import { Device, DeviceCreate, DeviceQuery, DeviceUpdate, DeviceWithKey } from '../../../../common/contracts/iot.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { DeviceService } from './device.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** HTTP only. Reading the registry is device.read; registering, changing and issuing keys device.manage. */
export function registerDeviceRoutes(app: FastifyInstance, s: DeviceService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['devices'];

  r.get(
    '/api/devices',
    {
      config: { permission: 'device.read' },
      schema: {
        tags,
        summary: 'Devices: filter by type and status, search (code, name, component, address, model), paging, sorting',
        querystring: DeviceQuery,
        response: { 200: PageOf(Device), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    '/api/devices',
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Register a device; the answer carries its key, shown this once',
        body: DeviceCreate,
        response: { 201: DeviceWithKey, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body)),
  );
  r.get(
    '/api/devices/:id',
    {
      config: { permission: 'device.read' },
      schema: { tags, params: IdParams, response: { 200: Device, ...errors } },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/devices/:id',
    {
      config: { permission: 'device.manage' },
      schema: { tags, params: IdParams, body: DeviceUpdate, response: { 200: Device, ...errors } },
    },
    async (req) => s.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/devices/:id/key',
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Issue a new key (the old one stops verifying at once); shown this once',
        params: IdParams,
        response: { 200: DeviceWithKey, ...errors },
      },
    },
    async (req) => s.rotateKey(actorOf(req), req.params.id),
  );
}
