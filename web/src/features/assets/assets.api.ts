import type {
  Asset,
  AssetCreate,
  AssetQuery,
  AssetType,
  AssetTypeCreate,
  AssetTypeUpdate,
  AssetUpdate,
  DailyLog,
  DailyLogCreate,
  DailyLogImportResult,
  DailyLogQuery,
  WorkOrder,
  WorkOrderCreate,
  WorkOrderQuery,
  WorkOrderStep,
} from '../../../../common/contracts/assets.ts';
import type { AssetLine } from '../../../../common/domain/assets.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';
import { importFile } from '../../api/import-jobs.ts';

export type { Asset, AssetType, DailyLog, WorkOrder };

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;
const BASE = '/api/assets';
const FORMATS: Record<string, string> = { xlsx: 'xlsx', csv: 'csv', txt: 'csv', geojson: 'geojson', json: 'geojson' };
/** The import's format from the file name; none for another name, and the server tells by content. */
export function formatOf(name: string): Record<string, string> {
  const f = FORMATS[/\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''];
  return f ? { format: f } : {};
}

export const assetsApi = {
  types: (line?: AssetLine, signal?: AbortSignal) =>
    api.get<{ items: AssetType[] }>(`${BASE}/types`, { query: q(line ? { line } : {}), signal }),
  createType: (body: AssetTypeCreate) => api.post<AssetType>(`${BASE}/types`, body),
  updateType: (id: string, body: AssetTypeUpdate) => api.patch<AssetType>(`${BASE}/types/${enc(id)}`, body),
  items: (query: AssetQuery, signal?: AbortSignal) =>
    api.get<Page<Asset>>(`${BASE}/items`, { query: q(query), signal }),
  item: (id: string, signal?: AbortSignal) => api.get<Asset>(`${BASE}/items/${encodeURIComponent(id)}`, { signal }),
  create: (body: AssetCreate) => api.post<Asset>(`${BASE}/items`, body),
  update: (id: string, body: AssetUpdate) => api.patch<Asset>(`${BASE}/items/${enc(id)}`, body),
  importAssets: (file: File) =>
    // the body goes without its name, so the name's kind is sent along; the server still takes a zip as a workbook
    importFile<{ created: number; updated: number }>(`${BASE}/import`, file, formatOf(file.name)),
  workOrders: (query: WorkOrderQuery, signal?: AbortSignal) =>
    api.get<Page<WorkOrder>>(`${BASE}/work-orders`, { query: q(query), signal }),
  workOrder: (id: string, signal?: AbortSignal) => api.get<WorkOrder>(`${BASE}/work-orders/${enc(id)}`, { signal }),
  createWorkOrder: (body: WorkOrderCreate) => api.post<WorkOrder>(`${BASE}/work-orders`, body),
  step: (id: string, body: WorkOrderStep) => api.post<WorkOrder>(`${BASE}/work-orders/${enc(id)}/steps`, body),
  logs: (query: DailyLogQuery, signal?: AbortSignal) =>
    api.get<Page<DailyLog>>(`${BASE}/logs`, { query: q(query), signal }),
  recordLog: (body: DailyLogCreate) => api.post<DailyLog>(`${BASE}/logs`, body),
  importWeighbridge: (file: File) => importFile<DailyLogImportResult>(`${BASE}/logs/import`, file, {}),
};
