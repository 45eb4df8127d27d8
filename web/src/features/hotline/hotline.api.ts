import type {
  HotlineConvert,
  HotlineSecret,
  HotlineSourceConfig,
  HotlineImportResult,
  HotlineOrderDetail,
  HotlineOrderSummary,
  HotlineQuery,
  HotlineReply,
  HotlineReturn,
  HotlineRevisit,
  HotlineSource,
} from '../../../../common/contracts/hotline.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';
import { importFile, type ImportProgress } from '../../api/import-jobs.ts';

export type {
  HotlineImportResult,
  HotlineOrderDetail,
  HotlineOrderSummary,
  HotlineSecret,
  HotlineSource,
  HotlineSourceConfig,
};
const enc = encodeURIComponent;
const base = (id: string) => `/api/hotline/orders/${enc(id)}`;
type Body<T> = Omit<T, 'version'>;

export const TEMPLATE_PATH = '/api/hotline/orders/template.xlsx';

export const hotlineApi = {
  list: (query: HotlineQuery, signal?: AbortSignal) =>
    api.get<Page<HotlineOrderSummary>>('/api/hotline/orders', { query: query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<HotlineOrderDetail>(base(id), { signal }),
  replyDraft: (id: string, signal?: AbortSignal) => api.get<{ text: string }>(`${base(id)}/reply-draft`, { signal }),
  sign: (o: HotlineOrderDetail) => api.post<HotlineOrderDetail>(`${base(o.id)}/sign`, { version: o.version }),
  returnOrder: (o: HotlineOrderDetail, body: Body<HotlineReturn>) =>
    api.post<HotlineOrderDetail>(`${base(o.id)}/return`, { ...body, version: o.version }),
  convert: (o: HotlineOrderDetail, body: Body<HotlineConvert>) =>
    api.post<HotlineOrderDetail>(`${base(o.id)}/convert`, { ...body, version: o.version }),
  reply: (o: HotlineOrderDetail, body: Body<HotlineReply>) =>
    api.post<HotlineOrderDetail>(`${base(o.id)}/reply`, { ...body, version: o.version }),
  revisit: (o: HotlineOrderDetail, body: Body<HotlineRevisit>) =>
    api.post<HotlineOrderDetail>(`${base(o.id)}/revisit`, { ...body, version: o.version }),
  /** A second upload of the same file imports nothing new: orders already registered are skipped by number. */
  importFile: (file: Blob, source: HotlineSource, onProgress?: (p: ImportProgress) => void) =>
    importFile<HotlineImportResult>('/api/hotline/orders/import', file, { source }, onProgress),

  sources: (signal?: AbortSignal) => api.get<HotlineSourceConfig[]>('/api/hotline/sources', { signal }),
  rotateSecret: (source: HotlineSource) => api.post<HotlineSecret>(`/api/hotline/sources/${enc(source)}/secret`),
  removeSecret: (source: HotlineSource) => api.delete<{ ok: boolean }>(`/api/hotline/sources/${enc(source)}/secret`),
};
