import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../../../../../common/contracts/common.ts';
import {
  CaseDocuments,
  ChainCheck,
  DocumentFileParams,
  DocumentFileQuery,
  DocumentParams,
  DocumentTemplate,
  DocumentTemplatePut,
  IssuedDocument,
  SigningKeyInfo,
  TemplateParams,
  TemplatePreview,
  TemplatePreviewBody,
} from '../../../../../common/contracts/enforcement-documents.ts';
import { errorResponses, sendDownload } from '../../../platform/http.ts';
import { actorOf } from '../../auth/index.ts';
import type { EnforcementRecords } from './records.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Documents (文书), templates, the record chain and the signed bundle of enforcement cases (HTTP only). */
export async function registerEnforcementDocumentRoutes(app: FastifyInstance, s: EnforcementRecords): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['enforcement'];

  r.get(
    '/api/enforcement/cases/:id/documents',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'Document kinds with whether each may be issued in the case’s state, and the documents issued',
        params: IdParams,
        response: { 200: CaseDocuments, ...errors },
      },
    },
    async (req) => s.documents.list(actorOf(req), req.params.id),
  );
  r.post(
    '/api/enforcement/cases/:id/documents/:kind',
    {
      config: { permission: 'enforcement.investigate' },
      schema: {
        tags,
        summary:
          'Issue a document: draws its 文号, stores the .docx and .pdf with their SHA-256, links it on the chain',
        params: DocumentParams,
        response: { 201: IssuedDocument, ...errorResponses(503), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.documents.issue(actorOf(req), req.params.id, req.params.kind)),
  );
  r.get(
    '/api/enforcement/cases/:id/documents/:docId/file',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'A document as .docx (default) or .pdf, checked against its recorded SHA-256',
        params: DocumentFileParams,
        querystring: DocumentFileQuery,
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'docx';
      const f = await s.documents.file(actorOf(req), req.params.id, req.params.docId, format);
      return sendDownload(reply, {
        filename: `${f.title}-${f.docNo}.${format}`,
        fallback: `document.${format}`,
        contentType: TYPES[format],
        body: f.bytes,
      });
    },
  );

  r.get(
    '/api/enforcement/document-templates',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'The city’s document templates',
        response: { 200: Type.Object({ items: Type.Array(DocumentTemplate) }), ...errors },
      },
    },
    async (req) => ({ items: await s.documents.templates(actorOf(req)) }),
  );
  r.put(
    '/api/enforcement/document-templates/:kind',
    {
      config: { permission: 'enforcement.manage' },
      schema: {
        tags,
        params: TemplateParams,
        body: DocumentTemplatePut,
        response: { 200: DocumentTemplate, ...errors },
      },
    },
    async (req) => s.documents.putTemplate(actorOf(req), req.params.kind, req.body),
  );
  r.post(
    '/api/enforcement/document-templates/:kind/preview',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'A template (stored, or the text being edited) filled from a case or from sample values',
        params: TemplateParams,
        body: TemplatePreviewBody,
        response: { 200: TemplatePreview, ...errors },
      },
    },
    async (req) => s.documents.preview(actorOf(req), req.params.kind, req.body),
  );

  r.get(
    '/api/enforcement/cases/:id/chain',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'Checks the case’s record chain (links and keyed MACs)',
        params: IdParams,
        response: { 200: ChainCheck, ...errors },
      },
    },
    async (req) => s.verifyChain(actorOf(req), req.params.id),
  );
  r.get(
    '/api/enforcement/cases/:id/bundle',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'The whole case as a signed zip (documents, evidence, chain, manifest)',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const b = await s.bundle.export(actorOf(req), req.params.id);
      return sendDownload(reply, { filename: `${b.caseNo}-bundle.zip`, contentType: 'application/zip', body: b.zip });
    },
  );
  r.get(
    '/api/enforcement/signing-key',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: 'The city’s bundle signing key (public half and fingerprint)',
        response: { 200: SigningKeyInfo, ...errors },
      },
    },
    async (req) => s.signingKey(actorOf(req)),
  );
}
