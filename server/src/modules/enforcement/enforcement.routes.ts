import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  CaseIdParams,
  EnforcementActionBody,
  EnforcementCaseCreate,
  EnforcementCaseDetail,
  EnforcementCaseQuery,
  EnforcementCaseSummary,
  EnforcementSettings,
  LegalBasis,
  LegalBasisCreate,
  LegalBasisQuery,
  OfficerOption,
  PartyLookup,
  Certificate,
  CertificateCreate,
  EnforcementFigures,
  EnforcementFiguresQuery,
  LeniencyCreate,
  LeniencyEntry,
} from '../../../../common/contracts/enforcement.ts';
import { errorResponses, sendDownload, uploadedFile } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { EnforcementService } from './enforcement.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** An evidence file (photo, video, scanned record) at most this large. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;
const EvidenceParams = Type.Object({ id: IdParams.properties.id, evidenceId: IdParams.properties.id });

/**
 * HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"). Each action of a case needs its
 * own verb, checked by the service; the route checks that the caller reads enforcement cases at all.
 */
export async function registerEnforcementRoutes(app: FastifyInstance, s: EnforcementService): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['enforcement'];

  // Evidence uploads: multipart field `file` or a raw body, parsed in this scope only.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.addContentTypeParser(
      ['application/octet-stream', 'image/jpeg', 'image/png', 'video/mp4', 'application/pdf'],
      { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/enforcement/cases/:id/evidence-files',
      {
        bodyLimit: MAX_EVIDENCE_BYTES,
        config: { permission: 'enforcement.investigate' },
        schema: {
          tags,
          summary:
            'Upload an evidence file (≤ 50 MB); answers the SHA-256 the server computed, which add_evidence then names',
          params: IdParams,
          response: {
            201: Type.Object({ sha256: Type.String(), bytes: Type.Integer() }),
            ...errorResponses(413),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const file = await uploadedFile(req, { maxBytes: MAX_EVIDENCE_BYTES, types: 'photo / video / PDF / scan' });
        return reply.status(201).send(await s.uploadEvidence(actorOf(req), req.params.id, file.bytes));
      },
    );
  });
  r.get(
    '/api/enforcement/cases/:id/evidence/:evidenceId',
    {
      config: { permission: 'enforcement.read' },
      schema: { tags, summary: 'An evidence file, checked against its recorded SHA-256', params: EvidenceParams },
    },
    async (req, reply) => {
      const file = await s.evidenceFile(actorOf(req), req.params.id, req.params.evidenceId);
      return sendDownload(reply, {
        filename: `evidence-${file.sha256.slice(0, 12)}`,
        contentType: 'application/octet-stream',
        body: file.bytes,
      });
    },
  );

  r.get(
    '/api/enforcement/cases',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'Enforcement cases (行政处罚), newest first; party identifiers masked',
        querystring: EnforcementCaseQuery,
        response: { 200: PageOf(EnforcementCaseSummary), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    '/api/enforcement/cases',
    {
      config: { permission: 'enforcement.file' },
      schema: {
        tags,
        summary: 'Open a case: ordinary procedure (立案 awaiting approval) or summary procedure (decided on the spot)',
        body: EnforcementCaseCreate,
        response: { 201: EnforcementCaseDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body)),
  );
  r.get(
    '/api/enforcement/cases/:id',
    {
      config: { permission: 'enforcement.read' },
      schema: { tags, params: IdParams, response: { 200: EnforcementCaseDetail, ...errors } },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/enforcement/cases/:id/actions',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'One step of the procedure (the action names it; each needs its own permission)',
        params: IdParams,
        body: EnforcementActionBody,
        response: { 200: EnforcementCaseDetail, ...errors },
      },
    },
    async (req) => s.act(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/enforcement/by-case/:caseId',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'Enforcement cases opened from a 数字城管 case (the link back)',
        params: CaseIdParams,
        response: { 200: Type.Object({ items: Type.Array(EnforcementCaseSummary) }), ...errors },
      },
    },
    async (req) => ({ items: await s.forCityCase(actorOf(req), req.params.caseId) }),
  );
  // A POST, so the ID number travels in the body and never in a logged URL.
  r.post(
    '/api/enforcement/parties/lookup',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'Earlier cases of a party (repeat offences) by ID number or credit code',
        body: PartyLookup,
        response: { 200: Type.Object({ items: Type.Array(EnforcementCaseSummary) }), ...errors },
      },
    },
    async (req) => ({ items: await s.lookupParty(actorOf(req), req.body) }),
  );

  r.get(
    '/api/enforcement/bases',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'Legal bases with discretion bands (裁量基准), tenant data',
        querystring: LegalBasisQuery,
        response: { 200: Type.Object({ items: Type.Array(LegalBasis) }), ...errors },
      },
    },
    async (req) => ({ items: await s.listBases(actorOf(req), req.query.violationCode) }),
  );
  r.post(
    '/api/enforcement/bases',
    {
      config: { permission: 'enforcement.manage' },
      schema: { tags, body: LegalBasisCreate, response: { 201: LegalBasis, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.createBasis(actorOf(req), req.body)),
  );
  r.post(
    '/api/enforcement/bases/starter',
    {
      config: { permission: 'enforcement.manage' },
      schema: {
        tags,
        summary: 'Load the starter set (marked sample) into a city with no legal bases yet',
        response: { 200: Type.Object({ written: Type.Integer() }), ...errors },
      },
    },
    async (req) => s.loadStarterBases(actorOf(req)),
  );
  r.get(
    '/api/enforcement/officers',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'Officers a step may name (执法队员, 中队长/大队长), active users only',
        response: { 200: Type.Object({ items: Type.Array(OfficerOption) }), ...errors },
      },
    },
    async (req) => ({ items: await s.officers(actorOf(req)) }),
  );
  r.get(
    '/api/enforcement/settings',
    {
      config: { permission: 'enforcement.read' },
      schema: { tags, response: { 200: EnforcementSettings, ...errors } },
    },
    async (req) => s.getSettings(actorOf(req)),
  );
  r.put(
    '/api/enforcement/settings',
    {
      config: { permission: 'enforcement.manage' },
      schema: { tags, body: EnforcementSettings, response: { 200: EnforcementSettings, ...errors } },
    },
    async (req) => s.putSettings(actorOf(req), req.body),
  );

  r.get(
    '/api/enforcement/certificates',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'The 执法证 register: certificate numbers with their validity',
        response: { 200: Type.Object({ items: Type.Array(Certificate) }), ...errors },
      },
    },
    async (req) => ({ items: await s.certificates(actorOf(req)) }),
  );
  r.post(
    '/api/enforcement/certificates',
    {
      config: { permission: 'enforcement.manage' },
      schema: { tags, body: CertificateCreate, response: { 201: Certificate, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.addCertificate(actorOf(req), req.body)),
  );
  r.get(
    '/api/enforcement/leniency',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'The 首违不罚 / 轻微免罚 list (tenant data)',
        response: { 200: Type.Object({ items: Type.Array(LeniencyEntry) }), ...errors },
      },
    },
    async (req) => ({ items: await s.leniency(actorOf(req)) }),
  );
  r.post(
    '/api/enforcement/leniency',
    {
      config: { permission: 'enforcement.manage' },
      schema: { tags, body: LeniencyCreate, response: { 201: LeniencyEntry, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await s.addLeniency(actorOf(req), req.body)),
  );
  r.get(
    '/api/enforcement/figures',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'KPIs over a period (办案数, 按期办结率, 罚没金额, 复议/诉讼), within the caller’s visibility',
        querystring: EnforcementFiguresQuery,
        response: { 200: EnforcementFigures, ...errors },
      },
    },
    async (req) => s.figures(actorOf(req), req.query),
  );
  r.get(
    '/api/enforcement/warnings',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'Latest deadline warnings and 督办 of the cases the caller sees',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                caseId: Type.String(),
                caseNo: Type.String(),
                clock: Type.String(),
                due: Type.String(),
                level: Type.String(),
                at: Type.String(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => ({ items: await s.warnings(actorOf(req)) }),
  );
}
