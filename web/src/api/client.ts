/**
 * The one fetch client of the console. Cookie session (httpOnly) plus a CSRF token that every non-GET request
 * sends as `x-csrf-token`; errors always arrive as `{ error: { code, message, details, requestId } }` and are
 * thrown as ApiError. A 401 anywhere (except where the caller expects it, e.g. the login form) calls the
 * unauthorized handler, which sends the user to /login.
 */
import { ApiError } from './errors.ts';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Set for calls where 401 is an answer, not a lost session (login, the initial /me probe). */
  expectUnauthorized?: boolean;
  /** Sent as the Idempotency-Key header: a retry of the same write is answered with the first result. */
  idempotencyKey?: string;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Builds `?a=1&b=x`, leaving out undefined, null and empty strings so defaults apply on the server. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class ApiClient {
  private csrfToken: string | null = null;
  private locale = 'zh-CN';
  private unauthorizedHandler: (() => void) | null = null;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch;
  }

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  setLocale(locale: string): void {
    this.locale = locale;
  }

  onUnauthorized(handler: (() => void) | null): void {
    this.unauthorizedHandler = handler;
  }

  get<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  /** Sends a file as the raw request body (the server's import routes accept application/octet-stream). */
  upload<T>(path: string, file: Blob, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body: file });
  }

  patch<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  delete<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': this.locale };
    const raw = typeof Blob !== 'undefined' && options.body instanceof Blob;
    if (options.body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    if (!SAFE_METHODS.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

    const doFetch = this.fetchImpl ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(`${this.baseUrl}${path}${toQueryString(options.query)}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : raw ? (options.body as Blob) : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({ status: 0, code: 'NETWORK', message: String(cause) });
    }

    const payload = await readJson(response);
    if (response.ok) return payload as T;

    const error = ApiError.fromResponse(response.status, payload);
    if (response.status === 401 && !options.expectUnauthorized) this.unauthorizedHandler?.();
    throw error;
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The console's shared client (same origin; Vite proxies /api to the server in development). */
export const api = new ApiClient();
