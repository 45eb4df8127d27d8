import { describe, expect, it, vi } from 'vitest';
import { ApiClient, toQueryString } from './client.ts';
import { ApiError } from './errors.ts';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeServer(status = 200, payload: unknown = { ok: true }) {
  const calls: Call[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
  });
  return { calls, client: new ApiClient({ fetch: fetchImpl }) };
}

describe('ApiClient', () => {
  it('sends the CSRF token on every write and never on reads', async () => {
    const { calls, client } = fakeServer();
    client.setCsrfToken('tok-123');
    await client.get('/api/org/units');
    await client.post('/api/org/units', { code: 'HW01' });
    await client.patch('/api/org/units/1', { name: 'x' });
    await client.delete('/api/org/regions/1');
    expect(calls.map((c) => [c.method, c.headers['x-csrf-token']])).toEqual([
      ['GET', undefined],
      ['POST', 'tok-123'],
      ['PATCH', 'tok-123'],
      ['DELETE', 'tok-123'],
    ]);
    expect(calls[1]?.body).toEqual({ code: 'HW01' });
    expect(calls[1]?.headers['content-type']).toBe('application/json');
  });

  it('sends no CSRF header before sign-in and the UI language always', async () => {
    const { calls, client } = fakeServer();
    client.setLocale('en');
    await client.post('/api/auth/login', { username: 'a', password: 'b' });
    expect(calls[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(calls[0]?.headers['accept-language']).toBe('en');
  });

  it('builds query strings without empty values', async () => {
    const { calls, client } = fakeServer(200, { items: [], total: 0, page: 1, pageSize: 20 });
    await client.get('/api/org/users', { query: { page: 2, q: '张', role: undefined, active: false, unitId: '' } });
    expect(calls[0]?.url).toBe('/api/org/users?page=2&q=%E5%BC%A0&active=false');
    expect(toQueryString({})).toBe('');
  });

  it('throws ApiError with the server code and calls the 401 handler', async () => {
    const { client } = fakeServer(401, { error: { code: 'AUTH_REQUIRED', message: '请先登录', requestId: 'r9' } });
    const onUnauthorized = vi.fn();
    client.onUnauthorized(onUnauthorized);
    const error = await client.get('/api/org/units').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_REQUIRED', requestId: 'r9' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not treat an expected 401 (wrong password) as a lost session', async () => {
    const { client } = fakeServer(401, { error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'x', requestId: 'r' } });
    const onUnauthorized = vi.fn();
    client.onUnauthorized(onUnauthorized);
    await expect(client.post('/api/auth/login', {}, { expectUnauthorized: true })).rejects.toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports a network failure as NETWORK', async () => {
    const client = new ApiClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(client.get('/api/health')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('ApiClient.put and upload', () => {
  it('PUTs JSON and uploads a file as a raw body, both with the CSRF token', async () => {
    const seen: {
      method: string;
      type: string | undefined;
      csrf: string | undefined;
      body: BodyInit | null | undefined;
    }[] = [];
    const fetchImpl = async (_input: RequestInfo | URL, init?: RequestInit) => {
      const headers = init?.headers as Record<string, string>;
      seen.push({
        method: init?.method ?? 'GET',
        type: headers['content-type'],
        csrf: headers['x-csrf-token'],
        body: init?.body,
      });
      return new Response('{"ok":true}', { status: 200 });
    };
    const client = new ApiClient({ fetch: fetchImpl });
    client.setCsrfToken('tok');
    await client.put('/api/calendar/periods', { periods: [] });
    const file = new Blob([new Uint8Array([80, 75, 3, 4])]);
    await client.upload('/api/catalog/conditions/import', file, { query: { mode: 'replace' } });
    expect(seen.map((s) => [s.method, s.type, s.csrf])).toEqual([
      ['PUT', 'application/json', 'tok'],
      ['POST', 'application/octet-stream', 'tok'],
    ]);
    expect(seen[0]?.body).toBe('{"periods":[]}');
    expect(seen[1]?.body).toBe(file);
  });
});
