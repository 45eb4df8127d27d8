import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ReportFigure } from '../../../../common/contracts/reports.ts';
import {
  YearbookCreate,
  YearbookDocument,
  YearbookDocumentSummary,
  YearbookFiguresQuery,
  YearbookLang,
  YearbookSectionCreate,
  YearbookSectionWrite,
  YearbookUpdate,
} from '../../../../common/contracts/yearbook.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { YearbookFiles } from './yearbook.module.ts';
import type { YearbookService } from './yearbook.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'yearbook.read' } as const;
const EDIT = { permission: 'yearbook.edit' } as const;
const BASE = '/api/yearbook';
const Params = Type.Object({ id: Type.String({ maxLength: 40 }) });
const SectionParams = Type.Object({ id: Type.String({ maxLength: 40 }), sid: Type.String({ maxLength: 40 }) });
const FileParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  ext: Type.Union([Type.Literal('docx'), Type.Literal('pdf')]),
});
const CONTENT = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/yearbook.md. */
export function registerYearbookRoutes(app: FastifyInstance, s: YearbookService, files: YearbookFiles): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['yearbook'];
  const lang = (q: { lang?: 'zh-CN' | 'en' }) => q.lang ?? 'zh-CN';

  r.get(
    `${BASE}/documents`,
    {
      config: READ,
      schema: { tags, summary: 'The years written', response: { 200: Type.Array(YearbookDocumentSummary), ...errors } },
    },
    async (req) => s.list(actorOf(req)),
  );
  r.post(
    `${BASE}/documents`,
    {
      config: EDIT,
      schema: {
        tags,
        summary: "Start a year's 工作总结 from last year's (figures rebound) or from the outline",
        querystring: YearbookLang,
        body: YearbookCreate,
        response: { 201: YearbookDocument, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await s.create(actorOf(req), req.body, lang(req.query))),
  );
  r.get(
    `${BASE}/documents/:id`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The document with its figures resolved now, and the figure panel',
        params: Params,
        querystring: YearbookLang,
        response: { 200: YearbookDocument, ...errors },
      },
    },
    async (req) => s.get(actorOf(req), req.params.id, lang(req.query)),
  );
  r.patch(
    `${BASE}/documents/:id`,
    {
      config: EDIT,
      schema: {
        tags,
        summary: 'Title, 发文机关 and date line',
        params: Params,
        querystring: YearbookLang,
        body: YearbookUpdate,
        response: { 200: YearbookDocument, ...errors },
      },
    },
    async (req) => s.update(actorOf(req), req.params.id, req.body, lang(req.query)),
  );
  r.post(
    `${BASE}/documents/:id/sections`,
    {
      config: EDIT,
      schema: {
        tags,
        summary: 'Add a section to a part',
        params: Params,
        querystring: YearbookLang,
        body: YearbookSectionCreate,
        response: { 201: YearbookDocument, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await s.addSection(actorOf(req), req.params.id, req.body, lang(req.query))),
  );
  r.put(
    `${BASE}/documents/:id/sections/:sid`,
    {
      config: EDIT,
      schema: {
        tags,
        summary: "A section's heading and prose (placeholders checked against the report's figures)",
        params: SectionParams,
        querystring: YearbookLang,
        body: YearbookSectionWrite,
        response: { 200: YearbookDocument, ...errors },
      },
    },
    async (req) => s.writeSection(actorOf(req), req.params.id, req.params.sid, req.body, lang(req.query)),
  );
  r.delete(
    `${BASE}/documents/:id/sections/:sid`,
    {
      config: EDIT,
      schema: {
        tags,
        summary: 'Remove a section',
        params: SectionParams,
        querystring: YearbookLang,
        response: { 200: YearbookDocument, ...errors },
      },
    },
    async (req) => s.deleteSection(actorOf(req), req.params.id, req.params.sid, lang(req.query)),
  );
  r.get(
    `${BASE}/documents/:id/file.:ext`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The 公文 as .docx or PDF (GB/T 9704 layout)',
        params: FileParams,
        querystring: YearbookLang,
        response: errors,
      },
    },
    async (req, reply) => {
      const d = await s.forExport(actorOf(req), req.params.id, lang(req.query));
      const body = req.params.ext === 'docx' ? await files.docx(d) : await files.pdf(d);
      return sendDownload(reply, {
        contentType: CONTENT[req.params.ext],
        filename: `${d.title}.${req.params.ext}`,
        fallback: `yearbook-${d.year}.${req.params.ext}`,
        body,
      });
    },
  );
  r.get(
    `${BASE}/figures`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Every figure key with its value in the year (to insert into prose)',
        querystring: YearbookFiguresQuery,
        response: { 200: Type.Array(ReportFigure), ...errors },
      },
    },
    async (req) => s.figures(actorOf(req), req.query.year, lang(req.query)),
  );
}
