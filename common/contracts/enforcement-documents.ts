import { Type, type Static } from 'typebox';
import { DOCUMENT_KINDS } from '../domain/enforcement-documents.ts';
import { Id, Literals, Nullable } from './common.ts';

/**
 * Documents (文书) of enforcement cases, their tenant templates, the per-case record chain and the signed bundle
 * (docs/enforcement.md, "Documents", "Record chain", "Bundle").
 */
export const DocumentKind = Literals(DOCUMENT_KINDS);

export const DocumentParams = Type.Object({ id: Id, kind: DocumentKind });
export const DocumentFileParams = Type.Object({ id: Id, docId: Id });
export const DocumentFileQuery = Type.Object({ format: Type.Optional(Literals(['docx', 'pdf'] as const)) });
export const TemplateParams = Type.Object({ kind: DocumentKind });

export const IssuedDocument = Type.Object({
  id: Type.String(),
  kind: DocumentKind,
  docNo: Type.String(),
  title: Type.String(),
  docxSha256: Type.String(),
  pdfSha256: Type.String(),
  issuedBy: Type.String(),
  issuedByName: Type.String(),
  issuedAt: Type.String(),
});
export type IssuedDocument = Static<typeof IssuedDocument>;

export const DocumentKindState = Type.Object({
  kind: DocumentKind,
  title: Type.String(),
  /** issuable now: the case is in one of the document's stages (and the other conditions hold) */
  available: Type.Boolean(),
  /** why not, when not available: `stage`, `hearing`, `issued` (a single document already issued) */
  reason: Nullable(Literals(['stage', 'hearing', 'issued'] as const)),
  repeatable: Type.Boolean(),
});
export type DocumentKindState = Static<typeof DocumentKindState>;

export const CaseDocuments = Type.Object({
  kinds: Type.Array(DocumentKindState),
  issued: Type.Array(IssuedDocument),
  canIssue: Type.Boolean(),
});
export type CaseDocuments = Static<typeof CaseDocuments>;

const Body = Type.String({ minLength: 1, maxLength: 20_000 });
const Title = Type.String({ minLength: 1, maxLength: 60 });
const Pattern = Type.String({ minLength: 1, maxLength: 60 });

export const DocumentTemplate = Type.Object({
  kind: DocumentKind,
  title: Type.String(),
  body: Type.String(),
  numberPattern: Type.String(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type DocumentTemplate = Static<typeof DocumentTemplate>;

export const DocumentTemplatePut = Type.Object({
  title: Title,
  body: Body,
  numberPattern: Pattern,
  version: Type.Integer({ minimum: 1 }),
});
export type DocumentTemplatePut = Static<typeof DocumentTemplatePut>;

export const TemplatePreviewBody = Type.Object({
  /** fill from this case; sample values when absent */
  caseId: Type.Optional(Id),
  title: Type.Optional(Title),
  body: Type.Optional(Body),
});
export type TemplatePreviewBody = Static<typeof TemplatePreviewBody>;

export const TemplatePreview = Type.Object({
  title: Type.String(),
  docNo: Type.String(),
  paragraphs: Type.Array(Type.String()),
  /** placeholders in the body that are not known (typos) */
  unknown: Type.Array(Type.String()),
});
export type TemplatePreview = Static<typeof TemplatePreview>;

export const SigningKeyInfo = Type.Object({
  algorithm: Type.Literal('Ed25519'),
  /** raw 32-byte public key, base64 */
  publicKey: Type.String(),
  /** first 16 hex digits of SHA-256 over the raw public key */
  fingerprint: Type.String(),
  createdAt: Type.String(),
});
export type SigningKeyInfo = Static<typeof SigningKeyInfo>;

export const ChainCheck = Type.Object({
  entries: Type.Integer(),
  head: Type.String(),
  /** null when every link and keyed MAC holds; else the first position that does not */
  brokenAt: Nullable(Type.Integer()),
  problem: Nullable(Type.String()),
});
export type ChainCheck = Static<typeof ChainCheck>;
