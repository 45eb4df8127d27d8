import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams, PageOf } from '../../../../common/contracts/common.ts';
import { ImportJob, ImportJobQuery } from '../../../../common/contracts/imports.ts';
import { localizeDetails } from '../../platform/errors.ts';
import { errorMessage } from '../../platform/http-errors.ts';
import { localeFromHeader } from '../../platform/messages.ts';
import { actorOf } from '../auth/index.ts';
import type { ImportJobs } from './import-jobs.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** A failed job's error gets its message in the reader's language, as an error answer would. */
const localized = (req: FastifyRequest, job: ImportJob): ImportJob => {
  if (!job.error) return job;
  const details = localizeDetails(job.error.details, localeFromHeader(req.headers['accept-language']));
  return {
    ...job,
    error: {
      ...job.error,
      message: errorMessage(req, job.error.code, job.error.details),
      ...(details === undefined ? {} : { details }),
    },
  };
};

/** The answer of every import route: 202, the job, and where to follow it. */
export function acceptImport(
  req: FastifyRequest,
  reply: FastifyReply,
  submitted: { job: ImportJob; replayed: boolean },
) {
  if (submitted.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(202).header('location', `/api/imports/${submitted.job.id}`).send(localized(req, submitted.job));
}

/** HTTP only (docs/architecture.md, "Module anatomy"). Signed-in staff reach the routes; the service shows only kinds the user may import. */
export function registerImportRoutes(app: FastifyInstance, jobs: ImportJobs): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['imports'];
  r.get(
    '/api/imports',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Import jobs of the kinds the user may import, newest first',
        querystring: ImportJobQuery,
        response: { 200: PageOf(ImportJob), ...errors },
      },
    },
    async (req) => {
      const page = await jobs.list(actorOf(req), req.query);
      return { ...page, items: page.items.map((j) => localized(req, j)) };
    },
  );
  r.get(
    '/api/imports/:id',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'One import job: status, progress, then the result or the row/field errors',
        params: IdParams,
        response: { 200: ImportJob, ...errors },
      },
    },
    async (req) => localized(req, await jobs.get(actorOf(req), req.params.id)),
  );
}
