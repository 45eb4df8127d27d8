import type { WorkflowOptionsBody } from '../../../../common/contracts/workflow-options.ts';
import type { InspectorChoice } from '../../../../common/contracts/monitor.ts';
import type {
  CaseCreate,
  CaseDetail,
  CaseQuery,
  CaseSummary,
  CaseTransition,
  CountsQuery,
  InboxCounts,
} from '../../../../common/contracts/cases.ts';
import type { FilingCondition } from '../../../../common/contracts/catalog.ts';
import type { DuplicateCandidate } from '../../../../common/contracts/routing.ts';
import type { Unit, User } from '../../../../common/contracts/org.ts';
import type { AreaGeometry, FeatureCollection } from '../../../../common/domain/geo.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { v4 as uuidv4 } from 'uuid';
import { api, type Query } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';

export type { CaseDetail, CaseSummary, DuplicateCandidate, FilingCondition, InboxCounts };
export type CaseListQuery = CaseQuery;

export interface UploadedPhoto {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

/** The street layer's properties (contracts/geo.ts FeatureCollectionOut). */
export type StreetLayer = FeatureCollection<AreaGeometry, { id?: string; name?: string; code?: string }>;

/** Who sends: the CSRF token of the session and the UI language (for the server's error texts). */
export interface Sender {
  csrfToken: string | null;
  locale: string;
}

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;

/**
 * Requests the shared client cannot express (an Idempotency-Key header, a multipart body) go through fetch here,
 * with the same CSRF header and the same error shape (ApiError).
 */
async function send<T>(path: string, body: BodyInit, headers: Record<string, string>, sender: Sender): Promise<T> {
  const all: Record<string, string> = { accept: 'application/json', 'accept-language': sender.locale, ...headers };
  if (sender.csrfToken) all['x-csrf-token'] = sender.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: all, body, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(cause) });
  }
  const text = await response.text();
  let payload: unknown = text;
  try {
    payload = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // not JSON: keep the text for the error message
  }
  if (!response.ok) throw ApiError.fromResponse(response.status, payload);
  return payload as T;
}

/**
 * A fresh Idempotency-Key (one per filled form: a retried submit of the same form sends the same key). Not
 * crypto.randomUUID, which browsers offer only on https or localhost, and the console may run on plain intranet http.
 */
export function newIdempotencyKey(): string {
  return uuidv4();
}

export const casesApi = {
  workflowOptions: (signal?: AbortSignal) => api.get<WorkflowOptionsBody>('/api/cases/settings/workflow', { signal }),
  saveWorkflowOptions: (body: WorkflowOptionsBody) =>
    api.put<WorkflowOptionsBody>('/api/cases/settings/workflow', body),
  list: (query: CaseListQuery, signal?: AbortSignal) =>
    api.get<Page<CaseSummary>>('/api/cases', { query: q(query), signal }),
  counts: (query: CountsQuery = {}, signal?: AbortSignal) =>
    api.get<InboxCounts>(`/api/cases/counts${query.mine ? '?mine=true' : ''}`, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${enc(id)}`, { signal }),
  transition: (id: string, body: CaseTransition) => api.post<CaseDetail>(`/api/cases/${enc(id)}/transitions`, body),
  duplicates: (id: string, signal?: AbortSignal) =>
    api.get<DuplicateCandidate[]>(`/api/cases/${enc(id)}/duplicates`, { signal }),
  create: (body: CaseCreate, idempotencyKey: string, sender: Sender) =>
    send<CaseDetail>(
      '/api/cases',
      JSON.stringify(body),
      { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      sender,
    ),
  uploadPhoto: (file: Blob, name: string, sender: Sender) => {
    const form = new FormData();
    form.append('file', file, name);
    return send<UploadedPhoto>('/api/photos', form, {}, sender);
  },

  conditions: (matterCode: string, signal?: AbortSignal) =>
    api.get<Page<FilingCondition>>('/api/catalog/conditions', { query: { matterCode, pageSize: 100 }, signal }),
  matters: (text: string, signal?: AbortSignal) =>
    api.get<Page<{ code: string; name: string }>>('/api/catalog/entries', {
      query: { q: text || undefined, kind: 'matter', active: true, pageSize: 50 },
      signal,
    }),
  unit: (id: string, signal?: AbortSignal) => api.get<Unit>(`/api/org/units/${enc(id)}`, { signal }),
  units: (text: string, signal?: AbortSignal) =>
    api.get<Page<Unit>>('/api/org/units', {
      query: { q: text || undefined, active: true, pageSize: 50, sort: 'name', order: 'asc' },
      signal,
    }),
  /** active inspectors to send a 核实/核查 task to (intake staff hold no user.read): on duty, nearest to the case first */
  inspectors: (caseId: string | undefined, signal?: AbortSignal) =>
    api.get<InspectorChoice[]>('/api/cases/inspectors', { query: { caseId }, signal }),
  users: (query: { unitId?: string; role?: string; q?: string }, signal?: AbortSignal) =>
    api.get<Page<User>>('/api/org/users', { query: { ...query, active: true, pageSize: 50 }, signal }),
  /** street or community boundaries (WGS84 GeoJSON) for the small maps */
  areas: (level: 'street' | 'community', signal?: AbortSignal) =>
    api.get<StreetLayer>(`/api/geo/layers/${level}`, { signal }),
};
