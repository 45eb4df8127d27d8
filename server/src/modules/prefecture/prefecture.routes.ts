import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PeriodQuery } from '../../../../common/contracts/kpi.ts';
import {
  PrefectureKpi,
  PrefectureLink,
  PrefectureLinkBody,
  PrefectureRanking,
  PrefectureTrend,
  RankingQuery,
  TrendQuery,
} from '../../../../common/contracts/prefecture.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { PrefectureService } from './prefecture.service.ts';

const errors = errorResponses(400, 401, 403, 404);

/** HTTP only: contract → service → reply (docs/prefecture.md). */
export function registerPrefectureRoutes(app: FastifyInstance, prefecture: PrefectureService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['prefecture'];

  r.get(
    '/api/prefecture/kpi',
    {
      config: { permission: 'prefecture.read' },
      schema: {
        tags,
        summary: 'KPI of the whole prefecture and of each linked county for a period, from the counties’ roll-ups',
        querystring: PeriodQuery,
        response: { 200: PrefectureKpi, ...errors },
      },
    },
    async (req) => prefecture.kpi(actorOf(req), req.query),
  );
  r.get(
    '/api/prefecture/ranking',
    {
      config: { permission: 'prefecture.read' },
      schema: {
        tags,
        summary: 'The linked counties ranked by composite score for a period, sorted by any indicator',
        querystring: RankingQuery,
        response: { 200: PrefectureRanking, ...errors },
      },
    },
    async (req) => prefecture.ranking(actorOf(req), req.query),
  );
  r.get(
    '/api/prefecture/trend',
    {
      config: { permission: 'prefecture.read' },
      schema: {
        tags,
        summary: 'The prefecture’s figures per calendar month',
        querystring: TrendQuery,
        response: { 200: PrefectureTrend, ...errors },
      },
    },
    async (req) => prefecture.trend(actorOf(req), req.query),
  );
  r.get(
    '/api/prefecture/link',
    {
      // the administrators who set the link see it; the prefecture's readers see their counties in the ranking
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'The prefecture this tenant reports to, and the counties that report to it',
        response: { 200: PrefectureLink, ...errors },
      },
    },
    async (req) => prefecture.link(actorOf(req)),
  );
  r.put(
    '/api/prefecture/link',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Name the prefecture (by admin code) this county’s KPI aggregates go to, or none',
        body: PrefectureLinkBody,
        response: { 200: PrefectureLink, ...errors },
      },
    },
    async (req) => prefecture.setLink(actorOf(req), req.body),
  );
}
