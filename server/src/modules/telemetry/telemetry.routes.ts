import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  ConsumerStatus,
  Readings,
  ReadingsQuery,
  RejectedMessage,
  RejectedQuery,
} from '../../../../common/contracts/iot.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { TelemetryService } from './telemetry.service.ts';

const errors = errorResponses(400, 401, 403, 404);

/** HTTP only. A device's readings are device.read; the consumer's state and the rejected messages alarm.read. */
export function registerTelemetryRoutes(app: FastifyInstance, s: TelemetryService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['telemetry'];

  r.get(
    '/api/devices/:id/readings',
    {
      config: { permission: 'device.read' },
      schema: {
        tags,
        summary: 'Recent readings of one metric: raw within the retention window, else minute or hour roll-ups',
        params: IdParams,
        querystring: ReadingsQuery,
        response: { 200: Type.Object({ ...Readings.properties, metrics: Type.Array(Type.String()) }), ...errors },
      },
    },
    async (req) => s.readings(actorOf(req), req.params.id, req.query),
  );
  r.get(
    '/api/telemetry/rejected',
    {
      config: { permission: 'alarm.read' },
      schema: {
        tags,
        summary: 'Messages the consumer refused (unknown device, bad signature, bad payload …), newest first',
        querystring: RejectedQuery,
        response: { 200: PageOf(RejectedMessage), ...errors },
      },
    },
    async (req) => s.rejected(actorOf(req), req.query),
  );
  r.get(
    '/api/telemetry/consumer',
    {
      config: { permission: 'alarm.read' },
      schema: {
        tags,
        summary: 'The MQTT consumer of this instance: connected, and messages counted since start',
        response: { 200: ConsumerStatus, ...errors },
      },
    },
    async (req) => s.status(actorOf(req)),
  );
}
