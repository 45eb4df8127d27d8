import type { KeyFigures } from '../../../../common/contracts/key-figures.ts';
import type { ReportFigure } from '../../../../common/contracts/reports.ts';
import type {
  YearbookDocument,
  YearbookDocumentSummary,
  YearbookSectionCreate,
  YearbookSectionWrite,
  YearbookUpdate,
} from '../../../../common/contracts/yearbook.ts';
import type { Locale } from '../../../../common/i18n/core.ts';
import { api } from '../../api/client.ts';

export type { KeyFigures, ReportFigure, YearbookDocument, YearbookDocumentSummary };

const BASE = '/api/yearbook';
const doc = (id: string) => `${BASE}/documents/${encodeURIComponent(id)}`;

/** The 年度工作总结 routes (server/src/modules/yearbook) and the key figures of the year (reports). */
export const yearbookApi = {
  list: (signal?: AbortSignal) => api.get<YearbookDocumentSummary[]>(`${BASE}/documents`, { signal }),
  create: (year: number, lang: Locale) =>
    api.post<YearbookDocument>(`${BASE}/documents`, { year }, { query: { lang } }),
  get: (id: string, lang: Locale, signal?: AbortSignal) =>
    api.get<YearbookDocument>(doc(id), { query: { lang }, signal }),
  update: (id: string, body: YearbookUpdate, lang: Locale) =>
    api.patch<YearbookDocument>(doc(id), body, { query: { lang } }),
  addSection: (id: string, body: YearbookSectionCreate, lang: Locale) =>
    api.post<YearbookDocument>(`${doc(id)}/sections`, body, { query: { lang } }),
  writeSection: (id: string, sid: string, body: YearbookSectionWrite, lang: Locale) =>
    api.put<YearbookDocument>(`${doc(id)}/sections/${encodeURIComponent(sid)}`, body, { query: { lang } }),
  deleteSection: (id: string, sid: string, lang: Locale) =>
    api.delete<YearbookDocument>(`${doc(id)}/sections/${encodeURIComponent(sid)}`, { query: { lang } }),
  figures: (year: number, lang: Locale, signal?: AbortSignal) =>
    api.get<ReportFigure[]>(`${BASE}/figures`, { query: { year, lang }, signal }),
  fileUrl: (id: string, ext: 'docx' | 'pdf') => `${doc(id)}/file.${ext}`,
  keyFigures: (year: number, lang: Locale, signal?: AbortSignal) =>
    api.get<KeyFigures>('/api/reports/key-figures', { query: { year, lang }, signal }),
};
