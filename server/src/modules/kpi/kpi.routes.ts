import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CaseListQuery,
  DrillQuery,
  GridMap,
  GridMapQuery,
  KpiCaseItem,
  KpiQuery,
  KpiResult,
  KpiSettings,
  KpiSettingsView,
  Ranking,
  RankingQuery,
} from '../../../../common/contracts/kpi.ts';
import { PageOf } from '../../../../common/contracts/common.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { localeFromHeader } from '../../platform/messages.ts';
import { actorOf } from '../auth/index.ts';
import { caseListWorkbook, rankingWorkbook } from './kpi-export.ts';
import type { KpiService } from './kpi.service.ts';

const errors = errorResponses(400, 401, 403, 404);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_MAX = 5000;

function sendXlsx(reply: FastifyReply, name: string, body: Buffer) {
  return sendDownload(reply, { filename: `${name}.xlsx`, contentType: XLSX, body });
}

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). */
export function registerKpiRoutes(app: FastifyInstance, kpi: KpiService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['kpi'];

  r.get(
    '/api/kpi',
    {
      config: { permission: 'kpi.read' },
      schema: {
        tags,
        summary:
          'Indicators, composite scores and grades for a period and subject (docs/standards.md, "Assessment (KPI)")',
        querystring: KpiQuery,
        response: { 200: KpiResult, ...errors },
      },
    },
    async (req) => kpi.compute(actorOf(req), req.query),
  );
  r.get(
    '/api/kpi/grid-map',
    {
      config: { permission: 'kpi.read' },
      schema: {
        tags,
        summary: 'Grid scores and grades with their polygons within a map viewport (bbox), for a period',
        querystring: GridMapQuery,
        response: { 200: GridMap, ...errors },
      },
    },
    async (req) => kpi.gridMap(actorOf(req), req.query),
  );
  r.get(
    '/api/kpi/drill',
    {
      config: { permission: 'kpi.read' },
      schema: {
        tags,
        summary: 'The cases behind one counter',
        querystring: DrillQuery,
        response: { 200: PageOf(KpiCaseItem), ...errors },
      },
    },
    async (req) => kpi.drill(actorOf(req), req.query),
  );
  r.get(
    '/api/kpi/settings',
    {
      config: { permission: 'kpi.read' },
      schema: {
        tags,
        summary: 'Weights, grade thresholds, denominator options (docs/standards.md, "KPI weights", "KPI grades")',
        response: { 200: KpiSettingsView, ...errors },
      },
    },
    async (req) => kpi.settings(actorOf(req)),
  );
  r.put(
    '/api/kpi/settings',
    {
      config: { permission: 'kpi.manage' },
      schema: {
        tags,
        summary: 'Edit weights (each subject sums to 100 %), grades, options',
        body: KpiSettings,
        response: { 200: KpiSettingsView, ...errors },
      },
    },
    async (req) => kpi.putSettings(actorOf(req), req.body),
  );
  r.get(
    '/api/kpi/rankings',
    {
      config: { permission: 'kpi.read' },
      schema: {
        tags,
        summary: 'Monthly ranking of units or streets, 流动红旗 and the bottom list',
        querystring: RankingQuery,
        response: { 200: Ranking, ...errors },
      },
    },
    async (req) => kpi.ranking(actorOf(req), req.query),
  );
  r.get(
    '/api/kpi/rankings.xlsx',
    {
      config: { permission: 'kpi.read' },
      schema: { tags, summary: 'The monthly ranking as .xlsx', querystring: RankingQuery, response: errors },
    },
    async (req, reply) => {
      const ranking = await kpi.ranking(actorOf(req), req.query);
      return sendXlsx(
        reply,
        `ranking-${req.query.subject}-${req.query.month}`,
        await rankingWorkbook(ranking, localeFromHeader(req.headers['accept-language'])),
      );
    },
  );

  for (const kind of ['overdue', 'escalated'] as const) {
    r.get(
      `/api/kpi/lists/${kind}`,
      {
        config: { permission: 'kpi.read' },
        schema: {
          tags,
          summary:
            kind === 'overdue' ? '超期: open with the unit, past the handling deadline' : '督办: open cases escalated',
          querystring: CaseListQuery,
          response: { 200: PageOf(KpiCaseItem), ...errors },
        },
      },
      async (req) => kpi.caseList(actorOf(req), kind, req.query),
    );
    r.get(
      `/api/kpi/lists/${kind}.xlsx`,
      {
        config: { permission: 'kpi.read' },
        schema: {
          tags,
          summary: `The ${kind} list as .xlsx (≤ ${EXPORT_MAX} rows)`,
          querystring: CaseListQuery,
          response: errors,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const items: KpiCaseItem[] = [];
        for (let page = 1; items.length < EXPORT_MAX; page++) {
          const p = await kpi.caseList(actor, kind, { ...req.query, page, pageSize: 200 });
          items.push(...p.items);
          if (p.items.length < 200) break;
        }
        return sendXlsx(
          reply,
          `${kind}-cases`,
          await caseListWorkbook(kind, items.slice(0, EXPORT_MAX), localeFromHeader(req.headers['accept-language'])),
        );
      },
    );
  }
}
