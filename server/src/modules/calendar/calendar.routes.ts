import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CalendarDayList,
  CalendarPeriods,
  CalendarYearParams,
  CalendarYearQuery,
  CalendarYears,
  ComputeQuery,
  ComputeResult,
  ElapsedQuery,
  ElapsedResult,
} from '../../../../common/contracts/calendar.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { CalendarService } from './calendar.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). Reads need org.read, changes settings.manage. */
export function registerCalendarRoutes(app: FastifyInstance, s: CalendarService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['calendar'];

  r.get(
    '/api/calendar/years',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Years with holiday rows, and nearby years still missing',
        response: { 200: CalendarYears, ...errors },
      },
    },
    async (req) => s.years(actorOf(req)),
  );
  r.post(
    '/api/calendar/years/:year/reseed',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: "Restore the data package's rows for the year",
        params: CalendarYearParams,
        body: Type.Optional(Type.Object({})),
        response: { 200: CalendarDayList, ...errors },
      },
    },
    async (req) => s.reseed(actorOf(req), req.params.year),
  );

  r.get(
    '/api/calendar/days',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Holiday and 调休 rows of a year, by date',
        querystring: CalendarYearQuery,
        response: { 200: CalendarDayList, ...errors },
      },
    },
    async (req) => s.days(actorOf(req), req.query.year),
  );
  r.put(
    '/api/calendar/days',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Replace every row of the year',
        querystring: CalendarYearQuery,
        body: CalendarDayList,
        response: { 200: CalendarDayList, ...errors },
      },
    },
    async (req) => s.replaceDays(actorOf(req), req.query.year, req.body),
  );

  r.get(
    '/api/calendar/periods',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: 'Working periods of a working day', response: { 200: CalendarPeriods, ...errors } },
    },
    async (req) => s.periods(actorOf(req)),
  );
  r.put(
    '/api/calendar/periods',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, body: CalendarPeriods, response: { 200: CalendarPeriods, ...errors } },
    },
    async (req) => s.setPeriods(actorOf(req), req.body),
  );

  r.get(
    '/api/calendar/compute',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Deadline of a limit starting at an instant',
        querystring: ComputeQuery,
        response: { 200: ComputeResult, ...errors },
      },
    },
    async (req) => s.compute(actorOf(req), req.query),
  );
  r.get(
    '/api/calendar/elapsed',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: "Time elapsed between two instants, in a unit's measure",
        querystring: ElapsedQuery,
        response: { 200: ElapsedResult, ...errors },
      },
    },
    async (req) => s.elapsed(actorOf(req), req.query),
  );
}
