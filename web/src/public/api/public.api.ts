/**
 * The citizen H5's calls to /api/public. Its own small fetch wrapper rather than the console's client: it never
 * sends a staff session cookie (credentials: omit, so a signed-in officer testing the page is treated like any
 * citizen), it adds the device id and Idempotency-Key headers, and it gives up after a timeout so a weak signal
 * never hangs the page (a timed-out report is safe to send again: the key makes the server answer the first one).
 */
import type {
  PublicCaseView,
  PublicInfo,
  PublicLookup,
  PublicLookupResult,
  PublicLookupSent,
  PublicLookupVerify,
  PublicMatterPage,
  PublicPhotoUploaded,
  PublicRating,
  PublicReport,
  PublicReportResult,
} from '../../../../common/contracts/public.ts';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import type { AreaLeaves, AreaTree, PublicPlaceHits } from '../../../../common/contracts/gazetteer.ts';
import { ApiError } from '../../api/errors.ts';
import { deviceId } from './device.ts';

export type { PublicCaseView, PublicInfo, PublicReport, PublicReportResult };
export type PublicMapLayer = FeatureCollection;

const TIMEOUT_MS = 30_000;
let locale = 'zh-CN';
export const setPublicLocale = (next: string) => {
  locale = next;
};

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  options: {
    body?: BodyInit;
    json?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
    timeoutMs?: number;
  } = {},
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? TIMEOUT_MS);
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'omit',
      headers: {
        accept: 'application/json',
        'accept-language': locale,
        'x-device-id': deviceId(),
        ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
      signal: controller.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    throw new ApiError({ status: 0, code: 'NETWORK', message: controller.signal.aborted ? 'timeout' : String(cause) });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }
  const text = await response.text().catch(() => '');
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = text;
  }
  if (!response.ok) throw ApiError.fromResponse(response.status, payload);
  if (payload === undefined || typeof payload !== 'object')
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'incomplete response' });
  return payload as T;
}

const enc = encodeURIComponent;

export const publicApi = {
  info: (signal?: AbortSignal) => call<PublicInfo>('GET', '/api/public/info', { signal }),
  map: (signal?: AbortSignal) => call<PublicMapLayer>('GET', '/api/public/map', { signal }),
  /** the named roads for the map's road layer */
  roads: (signal?: AbortSignal) => call<PublicMapLayer>('GET', '/api/public/places/roads', { signal }),
  /** address and place search: names and points only (docs/gazetteer.md, "Public search") */
  places: (q: string, signal?: AbortSignal) =>
    call<PublicPlaceHits>('GET', `/api/public/places?limit=8&q=${enc(q)}`, { signal, timeoutMs: 10_000 }),
  placeAreas: (signal?: AbortSignal) => call<AreaTree>('GET', '/api/public/places/areas', { signal }),
  placeGrids: (community: string, signal?: AbortSignal) =>
    call<AreaLeaves>('GET', `/api/public/places/areas/${enc(community)}/grids`, { signal }),
  matters: (q: string, signal?: AbortSignal) =>
    call<PublicMatterPage>('GET', `/api/public/matters?pageSize=30${q ? `&q=${enc(q)}` : ''}`, { signal }),
  uploadPhoto: (photo: Blob, key: string) => {
    const form = new FormData();
    form.append('file', photo, 'photo.jpg');
    return call<PublicPhotoUploaded>('POST', '/api/public/photos', {
      body: form,
      headers: { 'idempotency-key': key },
      timeoutMs: TIMEOUT_MS * 3,
    });
  },
  report: (body: PublicReport, key: string) =>
    call<PublicReportResult>('POST', '/api/public/reports', { json: body, headers: { 'idempotency-key': key } }),
  track: (token: string, signal?: AbortSignal) =>
    call<PublicCaseView>('GET', `/api/public/track/${enc(token)}`, { signal }),
  rate: (token: string, body: PublicRating) =>
    call<PublicCaseView>('POST', `/api/public/track/${enc(token)}/rating`, { json: body }),
  /** Step 1 of the lookup by case number and phone: the same 202 whether or not they matched. */
  lookup: (body: PublicLookup) => call<PublicLookupSent>('POST', '/api/public/lookup', { json: body }),
  /** Step 2: the SMS code → an access token that opens the tracking page like the tracking code. */
  verifyLookup: (body: PublicLookupVerify) =>
    call<PublicLookupResult>('POST', '/api/public/lookup/verify', { json: body }),
  reopen: (token: string, reason: string) =>
    call<PublicCaseView>('POST', `/api/public/track/${enc(token)}/reopen`, { json: { reason } }),
};
export { call as publicCall };
