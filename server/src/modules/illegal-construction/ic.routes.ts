import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import { FeatureCollectionOut } from '../../../../common/contracts/geo.ts';
import {
  IcDemolition,
  IcDemolitionCreate,
  IcDemolitionQuery,
  IcLetter,
  IcLetterCreate,
  IcLetterQuery,
  IcLetterReply,
  IcMapQuery,
  IcReport,
  IcReportCreate,
  IcReportQuery,
  IcReportUpdate,
  IcStats,
  IcStatsQuery,
  IcStopNotice,
  IcStopNoticeCreate,
  IcStopNoticeQuery,
  IcNoticeFileParams,
  IcNoticeFileQuery,
} from '../../../../common/contracts/illegal-construction.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { IllegalConstructionService } from './ic.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'construction.read' } as const;
const MANAGE = { permission: 'construction.manage' } as const;
const BASE = '/api/illegal-construction';
const FILE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/illegal-construction.md. */
export function registerIllegalConstructionRoutes(app: FastifyInstance, s: IllegalConstructionService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['illegal-construction'];

  r.get(
    `${BASE}/reports`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Reports of illegal construction (查违控违) with their sites',
        querystring: IcReportQuery,
        response: { 200: PageOf(IcReport), ...errors },
      },
    },
    async (req) => s.listReports(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/reports`,
    { config: MANAGE, schema: { tags, body: IcReportCreate, response: { 201: IcReport, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createReport(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/reports/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: IcReport, ...errors } } },
    async (req) => s.getReport(actorOf(req), req.params.id),
  );
  r.patch(
    `${BASE}/reports/:id`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Edit a report; a status change follows reported → stopped → demolished | legalised',
        params: IdParams,
        body: IcReportUpdate,
        response: { 200: IcReport, ...errors },
      },
    },
    async (req) => s.updateReport(actorOf(req), req.params.id, req.body),
  );

  r.get(
    `${BASE}/stop-notices`,
    {
      config: READ,
      schema: {
        tags,
        summary: '停工通知书 records',
        querystring: IcStopNoticeQuery,
        response: { 200: PageOf(IcStopNotice), ...errors },
      },
    },
    async (req) => s.listNotices(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/stop-notices`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Record a 停工通知书; the site becomes stopped',
        body: IcStopNoticeCreate,
        response: { 201: IcStopNotice, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.createNotice(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/stop-notices/:id/file`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The 停工通知书 the enforcement module issued, as .docx (default) or .pdf',
        params: IcNoticeFileParams,
        querystring: IcNoticeFileQuery,
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'docx';
      const f = await s.noticeFile(actorOf(req), req.params.id, format);
      return sendDownload(reply, {
        filename: `${f.title}-${f.docNo}.${format}`,
        fallback: `stop-notice.${format}`,
        contentType: FILE_TYPES[format],
        body: f.bytes,
      });
    },
  );

  r.get(
    `${BASE}/letters`,
    {
      config: READ,
      schema: {
        tags,
        summary: '交办函 / 督办函 to townships',
        querystring: IcLetterQuery,
        response: { 200: PageOf(IcLetter), ...errors },
      },
    },
    async (req) => s.listLetters(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/letters`,
    { config: MANAGE, schema: { tags, body: IcLetterCreate, response: { 201: IcLetter, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createLetter(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/letters/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: IcLetter, ...errors } } },
    async (req) => s.getLetter(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/letters/:id/reply`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "The township's reply (once)",
        params: IdParams,
        body: IcLetterReply,
        response: { 200: IcLetter, ...errors },
      },
    },
    async (req) => s.replyLetter(actorOf(req), req.params.id, req.body),
  );

  r.get(
    `${BASE}/demolitions`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Demolition actions (拆违行动)',
        querystring: IcDemolitionQuery,
        response: { 200: PageOf(IcDemolition), ...errors },
      },
    },
    async (req) => s.listDemolitions(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/demolitions`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Record a demolition; a linked site becomes demolished',
        body: IcDemolitionCreate,
        response: { 201: IcDemolition, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.createDemolition(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/demolitions/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: IcDemolition, ...errors } } },
    async (req) => s.getDemolition(actorOf(req), req.params.id),
  );

  r.get(
    `${BASE}/stats`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'A year by township and by month (the whole city; every township listed)',
        querystring: IcStatsQuery,
        response: { 200: IcStats, ...errors },
      },
    },
    async (req) => s.stats(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/map`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Sites as GeoJSON points with their status (newest 5,000)',
        querystring: IcMapQuery,
        response: { 200: FeatureCollectionOut, ...errors },
      },
    },
    async (req) => s.map(actorOf(req), req.query),
  );
}
