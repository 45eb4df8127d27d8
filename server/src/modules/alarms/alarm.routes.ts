import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  Alarm,
  AlarmQuery,
  AlarmRule,
  AlarmRuleCreate,
  AlarmRuleUpdate,
  AlarmStep,
} from '../../../../common/contracts/iot.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { AlarmService } from './alarm.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** HTTP only. Alarms: alarm.read to see, alarm.handle to act; rules: device.read to see, device.manage to change. */
export function registerAlarmRoutes(app: FastifyInstance, s: AlarmService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['alarms'];

  r.get(
    '/api/alarms',
    {
      config: { permission: 'alarm.read' },
      schema: {
        tags,
        summary: 'Alarms: filter by state (open = not cleared), kind and device, search (device code, case number)',
        querystring: AlarmQuery,
        response: { 200: PageOf(Alarm), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.get(
    '/api/alarms/:id',
    { config: { permission: 'alarm.read' }, schema: { tags, params: IdParams, response: { 200: Alarm, ...errors } } },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  for (const [path, summary, call] of [
    ['acknowledge', 'Acknowledge a raised alarm', s.acknowledge],
    ['case', 'File the alarm’s case (or join an open case nearby)', s.makeCase],
    ['clear', 'Clear an open alarm', s.clear],
  ] as const) {
    r.post(
      `/api/alarms/:id/${path}`,
      {
        config: { permission: 'alarm.handle' },
        schema: { tags, summary, params: IdParams, body: AlarmStep, response: { 200: Alarm, ...errors } },
      },
      async (req) => call(actorOf(req), req.params.id, req.body),
    );
  }
  r.get(
    '/api/alarm-rules',
    {
      config: { permission: 'device.read' },
      schema: { tags, summary: 'Alarm rules per device type', response: { 200: Type.Array(AlarmRule), ...errors } },
    },
    async (req) => s.rules(actorOf(req)),
  );
  r.post(
    '/api/alarm-rules',
    {
      config: { permission: 'device.manage' },
      schema: { tags, body: AlarmRuleCreate, response: { 201: AlarmRule, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.createRule(actorOf(req), req.body)),
  );
  r.post(
    '/api/alarm-rules/defaults',
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Load the default rule of each device type that has none',
        response: { 200: Type.Array(AlarmRule), ...errors },
      },
    },
    async (req) => s.loadDefaultRules(actorOf(req)),
  );
  r.put(
    '/api/alarm-rules/:id',
    {
      config: { permission: 'device.manage' },
      schema: { tags, params: IdParams, body: AlarmRuleUpdate, response: { 200: AlarmRule, ...errors } },
    },
    async (req) => s.updateRule(actorOf(req), req.params.id, req.body),
  );
}
