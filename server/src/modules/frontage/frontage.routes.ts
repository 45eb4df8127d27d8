import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  Agreement,
  AgreementCreate,
  AgreementTemplateSchema,
  AgreementTemplateState,
  AgreementQuery,
  AgreementTerminate,
  Committee,
  CommitteeCreate,
  CommitteeQuery,
  Figures,
  FiguresQuery,
  Inspection,
  InspectionCreate,
  InspectionQuery,
  ListRuleSchema,
  MonthBody,
  MonthQuery,
  Publication,
  PublicationList,
  PublicPublicationList,
  SelfReport,
  SelfReportCreate,
  SelfReportQuery,
  Shift,
  ShiftCreate,
  ShiftQuery,
  ShiftRecord,
  Volunteer,
  VolunteerQuery,
  VolunteerSignedUp,
  VolunteerSignUp,
  VolunteerStatusBody,
} from '../../../../common/contracts/frontage.ts';
import type { Clock } from '../../platform/clock.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import { actorOf } from '../auth/index.ts';
import { publicLineScope, type PublicLineLimits } from '../citizen/index.ts';
import type { FrPrint } from './fr-print.ts';
import type { FrontageService } from './frontage.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'frontage.read' } as const;
const MANAGE = { permission: 'frontage.manage' } as const;
const PUBLISH = { permission: 'frontage.publish' } as const;
const BASE = '/api/frontage';
const File = Type.Unknown({ description: 'a file' });

/** Per-IP reads and per-device and per-IP sign-ups on the citizen page. */
export const FRONTAGE_LIMITS: PublicLineLimits = {
  readsPerMinuteIp: 60,
  writes: { name: 'sign-ups', perHourDevice: 3, perHourIp: 20 },
};

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/frontage.md. */
export async function registerFrontageRoutes(
  app: FastifyInstance,
  s: FrontageService,
  print: FrPrint,
  tenantOf: (cityCode: string | null) => Promise<{ id: string }>,
  clock: Clock,
  hits: HitCounter,
): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['frontage'];

  // ── agreements and inspections ──
  r.get(
    `${BASE}/agreements`,
    { config: READ, schema: { tags, querystring: AgreementQuery, response: { 200: PageOf(Agreement), ...errors } } },
    async (req) => s.listAgreements(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/agreements`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: '签订责任书: one per shop and period',
        body: AgreementCreate,
        response: { 201: Agreement, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.createAgreement(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/agreements/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: Agreement, ...errors } } },
    async (req) => s.getAgreement(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/agreements/:id/docx`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The printable 门前三包责任书 (.docx)',
        params: IdParams,
        response: { 200: File, ...errors },
      },
    },
    async (req, reply) => sendDownload(reply, await print.agreementDocx(actorOf(req), req.params.id)),
  );
  r.post(
    `${BASE}/agreements/:id/terminate`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: AgreementTerminate, response: { 200: Agreement, ...errors } },
    },
    async (req) => s.terminateAgreement(actorOf(req), req.params.id, req.body),
  );
  r.get(
    `${BASE}/inspections`,
    { config: READ, schema: { tags, querystring: InspectionQuery, response: { 200: PageOf(Inspection), ...errors } } },
    async (req) => s.listInspections(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/inspections`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: '检查: a score out of 100',
        body: InspectionCreate,
        response: { 201: Inspection, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.inspect(actorOf(req), req.body)),
  );

  // ── the 责任书 template ──
  r.get(
    `${BASE}/template`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The wording the 责任书 is printed with, and its placeholders',
        response: { 200: AgreementTemplateState, ...errors },
      },
    },
    async (req) => print.template(actorOf(req)),
  );
  r.put(
    `${BASE}/template`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "The tenant's 责任书 wording; an unknown {{placeholder}} is a 400 on its field",
        body: AgreementTemplateSchema,
        response: { 200: AgreementTemplateState, ...errors },
      },
    },
    async (req) => print.setTemplate(actorOf(req), req.body),
  );
  r.delete(
    `${BASE}/template`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Back to the built-in 责任书 wording',
        response: { 200: AgreementTemplateState, ...errors },
      },
    },
    async (req) => print.resetTemplate(actorOf(req)),
  );

  // ── red and black lists ──
  r.get(
    `${BASE}/lists/rule`,
    { config: READ, schema: { tags, response: { 200: ListRuleSchema, ...errors } } },
    async (req) => s.listRule(actorOf(req)),
  );
  r.put(
    `${BASE}/lists/rule`,
    {
      config: PUBLISH,
      schema: {
        tags,
        summary: 'The tenant rule of the monthly lists',
        body: ListRuleSchema,
        response: { 200: ListRuleSchema, ...errors },
      },
    },
    async (req) => s.setListRule(actorOf(req), req.body),
  );
  r.get(
    `${BASE}/lists`,
    { config: READ, schema: { tags, summary: 'Published months', response: { 200: PublicationList, ...errors } } },
    async (req) => ({ items: await s.publications(actorOf(req)) }),
  );
  r.get(
    `${BASE}/lists/month`,
    {
      config: READ,
      schema: {
        tags,
        summary: "A month's lists: as published, or as the current rule ranks them",
        querystring: MonthQuery,
        response: { 200: Publication, ...errors },
      },
    },
    async (req) => s.monthLists(actorOf(req), req.query.month),
  );
  r.post(
    `${BASE}/lists`,
    {
      config: PUBLISH,
      schema: {
        tags,
        summary: '发布红黑榜 of a month that is over (once)',
        body: MonthBody,
        response: { 201: Publication, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.publish(actorOf(req), req.body.month)),
  );

  // ── 城管体验岗 ──
  r.get(
    `${BASE}/volunteers`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Volunteers (phones masked) with shifts and minutes served',
        querystring: VolunteerQuery,
        response: { 200: PageOf(Volunteer), ...errors },
      },
    },
    async (req) => s.listVolunteers(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/volunteers/:id/status`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: VolunteerStatusBody, response: { 200: Volunteer, ...errors } },
    },
    async (req) => s.setVolunteerStatus(actorOf(req), req.params.id, req.body.status),
  );
  r.get(
    `${BASE}/shifts`,
    { config: READ, schema: { tags, querystring: ShiftQuery, response: { 200: PageOf(Shift), ...errors } } },
    async (req) => s.listShifts(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/shifts`,
    { config: MANAGE, schema: { tags, body: ShiftCreate, response: { 201: Shift, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createShift(actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/shifts/:id/record`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Served or absent, once',
        params: IdParams,
        body: ShiftRecord,
        response: { 200: Shift, ...errors },
      },
    },
    async (req) => s.recordShift(actorOf(req), req.params.id, req.body),
  );

  // ── 商街自治 ──
  r.get(
    `${BASE}/committees`,
    { config: READ, schema: { tags, querystring: CommitteeQuery, response: { 200: PageOf(Committee), ...errors } } },
    async (req) => s.listCommittees(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/committees`,
    { config: MANAGE, schema: { tags, body: CommitteeCreate, response: { 201: Committee, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createCommittee(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/self-reports`,
    { config: READ, schema: { tags, querystring: SelfReportQuery, response: { 200: PageOf(SelfReport), ...errors } } },
    async (req) => s.listSelfReports(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/committees/:id/self-reports`,
    {
      config: MANAGE,
      schema: { tags, params: IdParams, body: SelfReportCreate, response: { 201: SelfReport, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.addSelfReport(actorOf(req), req.params.id, req.body)),
  );

  r.get(
    `${BASE}/figures`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The figures of a period',
        querystring: FiguresQuery,
        response: { 200: Figures, ...errors },
      },
    },
    async (req) => s.periodFigures(actorOf(req), req.query.from, req.query.to),
  );

  // ── the citizen page: public, rate-limited, the city from x-city like the other citizen routes ──
  const publicErrors = errorResponses(400, 404, 409, 429);
  await publicLineScope(app, { name: 'frontage', limits: FRONTAGE_LIMITS, tenantOf, hits, clock }, (line) => {
    const { routes: p, tenant, config, tags: ptags } = line;
    p.get(
      '/api/public/frontage/lists',
      {
        config,
        schema: {
          tags: ptags,
          summary: 'The last published red and black lists: shop names and their street or township only',
          response: { 200: PublicPublicationList, ...publicErrors },
        },
      },
      async (req) => ({ items: await s.publicLists(await tenant(req)) }),
    );
    p.post(
      '/api/public/frontage/volunteers',
      {
        config,
        schema: {
          tags: ptags,
          summary: '城管体验岗 sign-up (one per phone number); the answer holds only the sign-up number',
          body: VolunteerSignUp,
          response: { 201: VolunteerSignedUp, ...publicErrors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.signUp(await tenant(req), req.body)),
    );
  });
}
