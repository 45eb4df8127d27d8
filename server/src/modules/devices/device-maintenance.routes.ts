import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  MaintenanceDone,
  MaintenanceQuery,
  MaintenanceSettingsBody,
  MaintenanceTask,
} from '../../../../common/contracts/iot.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { MaintenanceService } from './device-maintenance.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const BASE = '/api/device-maintenance';

/** HTTP only. Reading tasks and the threshold is device.read; closing a task and setting the threshold device.manage. */
export function registerMaintenanceRoutes(app: FastifyInstance, s: MaintenanceService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['devices'];

  r.get(
    BASE,
    {
      config: { permission: 'device.read' },
      schema: {
        tags,
        summary:
          'Maintenance tasks (维护任务): filter by state and device, search, paging, sort raisedAt|doneAt|deviceCode|batteryPct',
        querystring: MaintenanceQuery,
        response: { 200: PageOf(MaintenanceTask), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/export.csv`,
    {
      config: { permission: 'device.read' },
      schema: {
        tags,
        summary: 'Maintenance tasks as CSV (same filters and order as the list, up to 10 000 rows)',
        querystring: MaintenanceQuery,
        response: { 200: Type.Unknown({ description: 'CSV file' }), ...errors },
      },
    },
    async (req, reply) => {
      const file = await s.exportCsv(actorOf(req), req.query);
      return sendDownload(reply, { filename: file.filename, contentType: 'text/csv; charset=utf-8', body: file.body });
    },
  );
  r.get(
    `${BASE}/settings`,
    {
      config: { permission: 'device.read' },
      schema: { tags, summary: 'The low-battery threshold', response: { 200: MaintenanceSettingsBody, ...errors } },
    },
    async (req) => s.settings(actorOf(req)),
  );
  r.put(
    `${BASE}/settings`,
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Set the low-battery threshold (percent)',
        body: MaintenanceSettingsBody,
        response: { 200: MaintenanceSettingsBody, ...errors },
      },
    },
    async (req) => s.putSettings(actorOf(req), req.body),
  );
  r.get(
    `${BASE}/:id`,
    {
      config: { permission: 'device.read' },
      schema: { tags, params: IdParams, response: { 200: MaintenanceTask, ...errors } },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.put(
    `${BASE}/:id/done`,
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Close a task with a note (the version seen; 409 when someone else changed it)',
        params: IdParams,
        body: MaintenanceDone,
        response: { 200: MaintenanceTask, ...errors },
      },
    },
    async (req) => s.done(actorOf(req), req.params.id, req.body),
  );
}
