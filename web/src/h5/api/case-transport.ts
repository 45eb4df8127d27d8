/**
 * The two calls of case intake that the shared ApiClient cannot make: a multipart photo upload and a create with
 * an Idempotency-Key header. Same conventions as api/client.ts (CSRF token, Accept-Language, `{ error }` bodies
 * thrown as ApiError, status 0 = no answer), plus a timeout: on a weak signal a request can hang for minutes, and
 * a timed-out create is safe to repeat because the key makes the server answer the first result.
 */
import type { CaseCreate, CaseDetail, CasePhoto } from '../../../../common/contracts/cases.ts';
import { ApiError } from '../../api/errors.ts';

export interface CaseTransport {
  uploadPhoto(photo: Blob): Promise<CasePhoto>;
  createCase(body: CaseCreate, idempotencyKey: string): Promise<CaseDetail>;
  /** 处置反馈 on a case seen at `version`; a repeat after a lost answer finds the case already reported back */
  reportBack(caseId: string, body: { version: number; note?: string; photoIds?: string[] }): Promise<CaseDetail>;
}

/** States a case reaches only after its 处置反馈 (a 409 on a repeated report back then means it arrived). */
const AFTER_REPORT_BACK = ['reported_back', 'checking', 'pending_close', 'closed'];

export interface TransportOptions {
  fetch?: typeof fetch;
  csrfToken: () => string | null;
  locale: () => string;
  /** per request; uploads get three times as long */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function networkError(message: string): ApiError {
  return new ApiError({ status: 0, code: 'NETWORK', message });
}

/** Network down, timed out, or the server/proxy is briefly unavailable: worth trying again later as it is. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.status === 0 || error.status === 408 || error.status === 429 || error.status === 401 || error.status >= 500
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createCaseTransport(options: TransportOptions): CaseTransport {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function post<T>(path: string, body: BodyInit, headers: Record<string, string>, timeout: number): Promise<T> {
    return send<T>('POST', path, body, headers, timeout);
  }

  async function send<T>(
    method: 'GET' | 'POST',
    path: string,
    body: BodyInit | undefined,
    headers: Record<string, string>,
    timeout: number,
  ): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    const token = options.csrfToken();
    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        headers: {
          accept: 'application/json',
          'accept-language': options.locale(),
          ...(token ? { 'x-csrf-token': token } : {}),
          ...headers,
        },
        credentials: 'same-origin',
        body,
        signal: controller.signal,
      });
    } catch (cause) {
      throw networkError(controller.signal.aborted ? `timeout after ${timeout} ms` : String(cause));
    } finally {
      clearTimeout(timer);
    }
    const payload = await readJson(response).catch(() => undefined);
    if (response.ok) {
      // The answer was lost on the way (connection dropped while reading): the same as no answer.
      if (payload === undefined || typeof payload !== 'object') throw networkError('incomplete response');
      return payload as T;
    }
    throw ApiError.fromResponse(response.status, payload);
  }

  return {
    uploadPhoto: (photo) => {
      const form = new FormData();
      form.append('file', photo, 'photo.jpg');
      return post<CasePhoto>('/api/photos', form, {}, timeoutMs * 3);
    },
    createCase: (body, idempotencyKey) =>
      post<CaseDetail>(
        '/api/cases',
        JSON.stringify(body),
        { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        timeoutMs,
      ),
    reportBack: async (caseId, body) => {
      const path = `/api/cases/${encodeURIComponent(caseId)}`;
      try {
        return await post<CaseDetail>(
          `${path}/transitions`,
          JSON.stringify({ action: 'report_back', ...body }),
          { 'content-type': 'application/json' },
          timeoutMs,
        );
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) throw error;
        const now = await send<CaseDetail>('GET', path, undefined, {}, timeoutMs);
        if (AFTER_REPORT_BACK.includes(now.status)) return now;
        throw error;
      }
    },
  };
}
