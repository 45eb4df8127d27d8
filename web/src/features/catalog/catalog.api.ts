import type {
  CatalogEntry,
  CatalogEntryCreate,
  CatalogEntryQuery,
  CatalogEntryUpdate,
  FilingCondition,
  FilingConditionCreate,
  FilingConditionQuery,
  FilingConditionUpdate,
  ImportResult,
  MajorClass,
} from '../../../../common/contracts/catalog.ts';
import type { CatalogKind } from '../../../../common/domain/catalog.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';
import { importFile, type ImportProgress } from '../../api/import-jobs.ts';

export type { CatalogEntry, FilingCondition, ImportResult, MajorClass };
export type ImportMode = 'append' | 'replace';

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;

export const EXPORT_PATH = '/api/catalog/conditions/export.xlsx';

export const catalogApi = {
  entries: (query: CatalogEntryQuery, signal?: AbortSignal) =>
    api.get<Page<CatalogEntry>>('/api/catalog/entries', { query: q(query), signal }),
  majors: (signal?: AbortSignal) => api.get<MajorClass[]>('/api/catalog/majors', { signal }),
  createEntry: (body: CatalogEntryCreate) => api.post<CatalogEntry>('/api/catalog/entries', body),
  /** `kind` picks the component or its anomaly matter where both share the code (major classes 01–05). */
  updateEntry: (code: string, kind: CatalogKind, body: CatalogEntryUpdate) =>
    api.patch<CatalogEntry>(`/api/catalog/entries/${enc(code)}`, body, { query: { kind } }),

  conditions: (query: FilingConditionQuery, signal?: AbortSignal) =>
    api.get<Page<FilingCondition>>('/api/catalog/conditions', { query: q(query), signal }),
  createCondition: (body: FilingConditionCreate) => api.post<FilingCondition>('/api/catalog/conditions', body),
  updateCondition: (id: string, body: FilingConditionUpdate) =>
    api.patch<FilingCondition>(`/api/catalog/conditions/${enc(id)}`, body),
  deleteCondition: (id: string) => api.delete<{ ok: boolean }>(`/api/catalog/conditions/${enc(id)}`),
  /** Runs as a job on the server: resolves with its result, or rejects with its row errors, reporting progress meanwhile. */
  importSheet: (file: Blob, mode: ImportMode, onProgress?: (p: ImportProgress) => void) =>
    importFile<ImportResult>('/api/catalog/conditions/import', file, { mode }, onProgress),
};
