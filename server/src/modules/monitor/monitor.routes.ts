import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Ok } from '../../../../common/contracts/common.ts';
import {
  DayQuery,
  DutyState,
  GridAssignment,
  InspectorDay,
  InspectorDayList,
  LastPositionList,
  MonitorSettingsBody,
  PositionBatch,
  PositionReceipt,
  RosterBody,
  RosterList,
  RosterQuery,
  TrackView,
} from '../../../../common/contracts/monitor.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import { registerCensusRoutes } from './monitor-census.routes.ts';
import type { MonitorService } from './monitor.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const REPORT = { permission: 'position.report' } as const;
const SUPERVISE = { permission: 'inspector.supervise' } as const;
const SETTINGS = { permission: 'settings.manage' } as const;
const BASE = '/api/monitor';

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/monitor.md. */
export function registerMonitorRoutes(app: FastifyInstance, s: MonitorService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['monitor'];

  r.get(
    `${BASE}/me`,
    {
      config: REPORT,
      schema: {
        tags,
        summary: 'Whether I am on duty now and how often to report',
        response: { 200: DutyState, ...errors },
      },
    },
    async (req) => s.dutyState(actorOf(req)),
  );
  r.post(
    `${BASE}/positions`,
    {
      config: REPORT,
      schema: {
        tags,
        summary: 'A batch of positions captured on duty (the app queues them offline; re-sending stores nothing twice)',
        body: PositionBatch,
        response: { 200: PositionReceipt, ...errors },
      },
    },
    async (req) => s.report(actorOf(req), req.body),
  );

  r.get(
    `${BASE}/board`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: '在岗, attendance, distance and grid coverage of my inspectors on a day (audited)',
        querystring: DayQuery,
        response: { 200: InspectorDayList, ...errors },
      },
    },
    async (req) => s.board(actorOf(req), req.query.day),
  );
  r.get(
    `${BASE}/inspectors/:id/track`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: "One inspector-day's track for replay (audited)",
        params: IdParams,
        querystring: DayQuery,
        response: { 200: TrackView, ...errors },
      },
    },
    async (req) => s.track(actorOf(req), req.params.id, req.query.day),
  );
  r.put(
    `${BASE}/inspectors/:id/grids`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: 'Replace the responsibility grids (责任网格) of an inspector',
        params: IdParams,
        body: GridAssignment,
        response: { 200: InspectorDay, ...errors },
      },
    },
    async (req) => s.setGrids(actorOf(req), req.params.id, req.body),
  );
  r.get(
    `${BASE}/positions/last`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: "Today's last position of my inspectors (audited)",
        response: { 200: LastPositionList, ...errors },
      },
    },
    async (req) => s.lastPositions(actorOf(req)),
  );

  r.get(
    `${BASE}/roster`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: 'Shifts of my inspectors',
        querystring: RosterQuery,
        response: { 200: RosterList, ...errors },
      },
    },
    async (req) => s.roster(actorOf(req), req.query.from, req.query.to),
  );
  r.put(
    `${BASE}/roster`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        summary: 'Set one shift a day for inspectors over a range of days (working days of the calendar by default)',
        body: RosterBody,
        response: { 200: Type.Object({ shifts: Type.Integer() }), ...errors },
      },
    },
    async (req) => s.setRoster(actorOf(req), req.body),
  );
  r.delete(
    `${BASE}/inspectors/:id/shifts/:day`,
    {
      config: SUPERVISE,
      schema: {
        tags,
        params: Type.Object({ id: IdParams.properties.id, day: Type.String({ format: 'date' }) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => s.deleteShift(actorOf(req), req.params.id, req.params.day),
  );

  r.get(
    `${BASE}/settings`,
    { config: SETTINGS, schema: { tags, response: { 200: MonitorSettingsBody, ...errors } } },
    async (req) => s.settings(actorOf(req)),
  );
  r.put(
    `${BASE}/settings`,
    {
      config: SETTINGS,
      schema: {
        tags,
        summary: 'Report interval, retention, speed limit, grace period and out-of-area share',
        body: MonitorSettingsBody,
        response: { 200: MonitorSettingsBody, ...errors },
      },
    },
    async (req) => s.setSettings(actorOf(req), req.body),
  );
  registerCensusRoutes(app, s);
}
