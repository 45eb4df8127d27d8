import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CheckpointExport } from '../../../../common/contracts/audit.ts';
import { PageOf } from '../../../../common/contracts/common.ts';
import { AuditEntry, AuditQuery } from '../../../../common/contracts/org.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { AuditService } from './audit.service.ts';

export function registerAuditRoutes(app: FastifyInstance, audit: AuditService): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Administrative changes, newest first',
        querystring: AuditQuery,
        response: { 200: PageOf(AuditEntry), ...errorResponses(401, 403) },
      },
    },
    async (req) => audit.list(actorOf(req), req.query),
  );

  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/audit/checkpoints',
    {
      config: { permission: 'audit.export' },
      schema: {
        tags: ['audit'],
        summary:
          "Signed daily checkpoints of the hash chains (this tenant's entries), oldest first; the export is audited",
        response: { 200: CheckpointExport, ...errorResponses(401, 403) },
      },
    },
    async (req) => audit.exportCheckpoints(actorOf(req)),
  );
}
