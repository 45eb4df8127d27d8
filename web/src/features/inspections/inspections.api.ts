import type {
  Assessment,
  Contract,
  ContractCreate,
  ContractQuery,
  Inspection,
  InspectionPlan,
  PlanInspector,
  InspectionPlanCreate,
  PlanQuery,
  InspectionQuery,
  InspectionSubmit,
} from '../../../../common/contracts/inspections.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { Assessment, Contract, Inspection, InspectionPlan, PlanInspector };

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/assets';

/** 巡检 and 服务外包考核 (docs/inspections.md). */
export const inspectionsApi = {
  plans: (query: PlanQuery, signal?: AbortSignal) =>
    api.get<Page<InspectionPlan>>(`${BASE}/inspection-plans`, { query: query, signal }),
  inspectors: (signal?: AbortSignal) =>
    api.get<{ items: PlanInspector[] }>(`${BASE}/inspection-plans/inspectors`, { signal }),
  createPlan: (body: InspectionPlanCreate) => api.post<InspectionPlan>(`${BASE}/inspection-plans`, body),
  generate: (from: string, to: string) =>
    api.post<{ added: number }>(`${BASE}/inspection-plans/generate`, {}, { query: { from, to } }),
  list: (query: InspectionQuery, signal?: AbortSignal) =>
    api.get<Page<Inspection>>(`${BASE}/inspections`, { query: query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Inspection>(`${BASE}/inspections/${enc(id)}`, { signal }),
  mine: (signal?: AbortSignal) =>
    api.get<Page<Inspection>>(`${BASE}/my-inspections`, { query: { state: 'due', pageSize: 100 }, signal }),
  mineOne: (id: string, signal?: AbortSignal) => api.get<Inspection>(`${BASE}/my-inspections/${enc(id)}`, { signal }),
  /** With a key (the inspector app's offline queue), a submit sent again opens nothing twice. */
  submit: (id: string, body: InspectionSubmit, idempotencyKey?: string) =>
    api.post<Inspection>(`${BASE}/inspections/${enc(id)}/submit`, body, { idempotencyKey }),
  contracts: (query: ContractQuery, signal?: AbortSignal) =>
    api.get<Page<Contract>>(`${BASE}/contracts`, { query: query, signal }),
  createContract: (body: ContractCreate) => api.post<Contract>(`${BASE}/contracts`, body),
  assessment: (id: string, month: string, signal?: AbortSignal) =>
    api.get<Assessment>(`${BASE}/contracts/${enc(id)}/assessment`, { query: { month }, signal }),
  sheetUrl: (id: string, month: string, format: 'pdf' | 'xlsx') =>
    `${BASE}/contracts/${enc(id)}/assessment.${format}?month=${enc(month)}`,
};
