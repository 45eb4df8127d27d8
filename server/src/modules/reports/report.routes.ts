import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { KeyFigures, KeyFiguresQuery } from '../../../../common/contracts/key-figures.ts';
import { DashboardSummary, ReportQuery, StatReport } from '../../../../common/contracts/reports.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { DashboardService } from './dashboard.service.ts';
import type { ReportService } from './report.service.ts';

const errors = errorResponses(400, 401, 403, 404);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** HTTP only: the statistics report as JSON, .docx and .xlsx; the command dashboard summary. */
export function registerReportRoutes(app: FastifyInstance, reports: ReportService, dashboard: DashboardService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reports'];
  r.get(
    '/api/reports/statistics',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'Statistics report (monthly / quarterly / yearly / custom) as JSON',
        querystring: ReportQuery,
        response: { 200: StatReport, ...errors },
      },
    },
    async (req) => reports.json(actorOf(req), req.query),
  );
  r.get(
    '/api/reports/statistics.docx',
    {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'The statistics report as a Word document', querystring: ReportQuery, response: errors },
    },
    async (req, reply) => {
      const file = await reports.docx(actorOf(req), req.query);
      return sendDownload(reply, { filename: `${file.name}.docx`, contentType: DOCX, body: file.body });
    },
  );
  r.get(
    '/api/reports/statistics.xlsx',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'The tables of the statistics report as an Excel workbook',
        querystring: ReportQuery,
        response: errors,
      },
    },
    async (req, reply) => {
      const file = await reports.xlsx(actorOf(req), req.query);
      return sendDownload(reply, { filename: `${file.name}.xlsx`, contentType: XLSX, body: file.body });
    },
  );
  r.get(
    '/api/reports/key-figures',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: "The year's figures per business line, each with its monthly values",
        querystring: KeyFiguresQuery,
        response: { 200: KeyFigures, ...errors },
      },
    },
    async (req) => reports.keyFigures(actorOf(req), req.query),
  );
  r.get(
    '/api/dashboard/summary',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'The command dashboard: open cases, today, rates, overdue, unit ranking, 30-day trend',
        response: { 200: DashboardSummary, ...errors },
      },
    },
    async (req) => dashboard.summary(actorOf(req)),
  );
}
