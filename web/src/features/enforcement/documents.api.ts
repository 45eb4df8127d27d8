import type {
  CaseDocuments,
  ChainCheck,
  DocumentTemplate,
  DocumentTemplatePut,
  IssuedDocument,
  SigningKeyInfo,
  TemplatePreview,
  TemplatePreviewBody,
} from '../../../../common/contracts/enforcement-documents.ts';
import type { DocumentKind } from '../../../../common/domain/enforcement-documents.ts';
import { api } from '../../api/client.ts';
import { downloadFile } from '../../components/download.ts';

export type { CaseDocuments, DocumentTemplate, IssuedDocument, TemplatePreview };
const enc = encodeURIComponent;
const base = (id: string) => `/api/enforcement/cases/${enc(id)}`;

/** Documents (文书), templates, the record chain and the bundle of enforcement cases. */
export const documentsApi = {
  list: (caseId: string, signal?: AbortSignal) => api.get<CaseDocuments>(`${base(caseId)}/documents`, { signal }),
  issue: (caseId: string, kind: DocumentKind) => api.post<IssuedDocument>(`${base(caseId)}/documents/${enc(kind)}`),
  download: (caseId: string, docId: string, format: 'docx' | 'pdf', locale: string) =>
    downloadFile(`${base(caseId)}/documents/${enc(docId)}/file`, { format }, locale, `document.${format}`),
  bundle: (caseId: string, locale: string) => downloadFile(`${base(caseId)}/bundle`, {}, locale, 'bundle.zip'),
  chain: (caseId: string) => api.get<ChainCheck>(`${base(caseId)}/chain`),
  signingKey: (signal?: AbortSignal) => api.get<SigningKeyInfo>('/api/enforcement/signing-key', { signal }),
  templates: (signal?: AbortSignal) =>
    api.get<{ items: DocumentTemplate[] }>('/api/enforcement/document-templates', { signal }),
  putTemplate: (kind: DocumentKind, body: DocumentTemplatePut) =>
    api.put<DocumentTemplate>(`/api/enforcement/document-templates/${enc(kind)}`, body),
  preview: (kind: DocumentKind, body: TemplatePreviewBody) =>
    api.post<TemplatePreview>(`/api/enforcement/document-templates/${enc(kind)}/preview`, body),
};
