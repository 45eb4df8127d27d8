import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  EnforcementLead,
  EnforcementLeadQuery,
  LeadDecline,
  LeadFile,
} from '../../../../common/contracts/enforcement-leads.ts';
import { EnforcementCaseDetail } from '../../../../common/contracts/enforcement.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { LeadService } from './enforcement-leads.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const BASE = '/api/enforcement/leads';

/** HTTP only (docs/enforcement-leads.md): reading needs lead.read, 研判 lead.decide (立案 also enforcement.file). */
export function registerEnforcementLeadRoutes(app: FastifyInstance, s: LeadService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['enforcement'];
  r.get(
    BASE,
    {
      config: { permission: 'lead.read' },
      schema: {
        tags,
        summary: 'Leads (线索) handed over by other modules, newest first',
        querystring: EnforcementLeadQuery,
        response: { 200: PageOf(EnforcementLead), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/:id`,
    {
      config: { permission: 'lead.read' },
      schema: { tags, summary: 'One lead', params: IdParams, response: { 200: EnforcementLead, ...errors } },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/:id/file`,
    {
      config: { permission: 'lead.decide' },
      schema: {
        tags,
        summary: '立案: open an ordinary-procedure case prefilled from the lead',
        params: IdParams,
        body: LeadFile,
        response: { 201: Type.Object({ lead: EnforcementLead, case: EnforcementCaseDetail }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.file(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    `${BASE}/:id/decline`,
    {
      config: { permission: 'lead.decide' },
      schema: {
        tags,
        summary: '不予立案, with the reason',
        params: IdParams,
        body: LeadDecline,
        response: { 200: EnforcementLead, ...errors },
      },
    },
    async (req) => s.decline(actorOf(req), req.params.id, req.body),
  );
}
