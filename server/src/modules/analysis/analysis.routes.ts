import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AnalysisOverview,
  GovernanceListQuery,
  GovernanceTask,
  GovernanceUpdate,
  Heatmap,
  HeatmapQuery,
  HotspotSettings,
  OverviewQuery,
  ScanResult,
} from '../../../../common/contracts/analysis.ts';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { AnalysisService } from './analysis.service.ts';
import type { GovernanceService } from './governance.service.ts';

const errors = errorResponses(400, 401, 403, 404);

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). */
export function registerAnalysisRoutes(
  app: FastifyInstance,
  analysis: AnalysisService,
  governance: GovernanceService,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['analysis'];
  r.get(
    '/api/analysis/overview',
    {
      config: { permission: 'analysis.read' },
      schema: {
        tags,
        summary:
          '高发问题 top N by matter, street, hour of day and component class, with 环比 / 同比 (docs/analysis.md)',
        querystring: OverviewQuery,
        response: { 200: AnalysisOverview, ...errors },
      },
    },
    async (req) => analysis.overview(actorOf(req), req.query),
  );
  r.get(
    '/api/analysis/heatmap',
    {
      config: { permission: 'analysis.read' },
      schema: {
        tags,
        summary: 'Cases reported per grid in one ISO week, for the grids of a map viewport',
        querystring: HeatmapQuery,
        response: { 200: Heatmap, ...errors },
      },
    },
    async (req) => analysis.heatmap(actorOf(req), req.query),
  );
  r.get(
    '/api/analysis/hotspot-settings',
    {
      config: { permission: 'analysis.read' },
      schema: {
        tags,
        summary: 'Repeat hotspots: N cases within a radius or on one component in M days',
        response: { 200: HotspotSettings, ...errors },
      },
    },
    async (req) => governance.getSettings(actorOf(req)),
  );
  r.put(
    '/api/analysis/hotspot-settings',
    {
      config: { permission: 'governance.manage' },
      schema: {
        tags,
        summary: 'Change the repeat-hotspot rule of the city',
        body: HotspotSettings,
        response: { 200: HotspotSettings, ...errors },
      },
    },
    async (req) => governance.putSettings(actorOf(req), req.body),
  );
  r.post(
    '/api/analysis/hotspots/scan',
    {
      config: { permission: 'governance.manage' },
      schema: {
        tags,
        summary: 'Detect repeat hotspots now and open a 源头治理 task for each one not yet covered',
        response: { 200: ScanResult, ...errors },
      },
    },
    async (req) => governance.scan(actorOf(req)),
  );
  r.get(
    '/api/analysis/governance-tasks',
    {
      config: { permission: 'analysis.read' },
      schema: {
        tags,
        summary: '源头治理 tasks, newest first',
        querystring: GovernanceListQuery,
        response: { 200: PageOf(GovernanceTask), ...errors },
      },
    },
    async (req) => governance.list(actorOf(req), req.query),
  );
  r.patch(
    '/api/analysis/governance-tasks/:id',
    {
      config: { permission: 'governance.manage' },
      schema: {
        tags,
        summary: 'Assign, finish or dismiss a 源头治理 task (version from the last read)',
        params: IdParams,
        body: GovernanceUpdate,
        response: { 200: GovernanceTask, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => governance.update(actorOf(req), req.params.id, req.body),
  );
}
