/** Helpers for the citizen page's component tests (not shipped: only *.test.tsx import this file). */
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { PublicApp } from './PublicApp.tsx';

export interface Call {
  method: string;
  url: string;
  body: unknown;
}
type Answer = { status: number; body?: unknown };

/** A fake server for fetch: answers per "METHOD /path", 404 for anything else, and records every call. */
export function fakePublicServer(routes: Record<string, (call: Call) => Answer>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    const call = { method, url, body };
    calls.push(call);
    const handler = routes[`${method} ${url.split('?')[0]}`];
    const answer = handler
      ? handler(call)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'nf', requestId: 'r' } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export const publicInfo = (smsEnabled: boolean) => ({
  status: 200,
  body: {
    city: { code: '420281', name: '大冶市' },
    reopenDays: 7,
    maxPhotos: 3,
    center: null,
    extent: null,
    basemap: null,
    smsEnabled,
  },
});

/** The citizen page as its entry mounts it, at `path` (with router state), over `fetch`. */
export function renderPublic(path: string, fetch: typeof globalThis.fetch, state?: unknown) {
  vi.stubGlobal('fetch', fetch);
  return render(
    <I18nProvider initialLocale="zh-CN">
      <MemoryRouter initialEntries={[{ pathname: path.split('#')[0]!, hash: path.split('#')[1] ?? '', state }]}>
        <Routes>
          <Route path="/public/*" element={<PublicApp />} />
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
}
