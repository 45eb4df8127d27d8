import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import { MyNotices, Notice, NoticeInput, NoticeManageQuery } from '../../../../common/contracts/notices.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { NoticeService } from './notice.service.ts';

const errors = errorResponses(400, 401, 403, 404);

/**
 * HTTP only. Reading is for every staff member (every staff role holds org.read); writing needs notice.manage.
 * The management routes sit under /api/notices/manage so the staff list stays one short path.
 */
export function registerNoticeRoutes(app: FastifyInstance, s: NoticeService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['notices'];

  r.get(
    '/api/notices',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'My notices now (audience and window), newest first',
        response: { 200: MyNotices, ...errors },
      },
    },
    async (req) => s.mine(actorOf(req)),
  );
  r.post(
    '/api/notices/:id/read',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Mark one of my notices read',
        params: IdParams,
        response: { 200: MyNotices, ...errors },
      },
    },
    async (req) => s.markRead(actorOf(req), req.params.id),
  );
  r.get(
    '/api/notices/manage',
    {
      config: { permission: 'notice.manage' },
      schema: {
        tags,
        summary: 'Every notice of the city, any window, with its reader count',
        querystring: NoticeManageQuery,
        response: { 200: PageOf(Notice), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    '/api/notices/manage',
    {
      config: { permission: 'notice.manage' },
      schema: { tags, summary: 'Publish a notice. Audited', body: NoticeInput, response: { 201: Notice, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body)),
  );
  r.put(
    '/api/notices/manage/:id',
    {
      config: { permission: 'notice.manage' },
      schema: { tags, params: IdParams, body: NoticeInput, response: { 200: Notice, ...errors } },
    },
    async (req) => s.update(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/notices/manage/:id',
    {
      config: { permission: 'notice.manage' },
      schema: { tags, params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } },
    },
    async (req) => {
      await s.remove(actorOf(req), req.params.id);
      return { ok: true };
    },
  );
}
