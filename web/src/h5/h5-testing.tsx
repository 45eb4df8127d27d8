/** Helpers for the inspector app's component tests (not shipped: only *.test.tsx import this file). */
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { Locale } from '../../../common/i18n/core.ts';
import { AuthProvider } from '../features/auth/AuthProvider.tsx';
import { AuthContext, type AuthValue } from '../features/auth/context.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { ToastHost } from '../phone/ui/toast.tsx';
import { fakeAuth, fakeMe } from '../testing.tsx';
import { H5App } from './H5App.tsx';
import { h5Routes } from './h5-routes.tsx';
import { createLocalDraftStore } from './offline/draft-store.ts';

export const inspector = fakeMe(['inspector'], { id: 'u-1', tenantId: 't-1', username: 'inspector' });

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status: number; body?: unknown };
type Handler = (call: Call) => Answer;

/**
 * A fake server for fetch: answers per "METHOD /path" (the query is in `call.url`), 404 for anything else, and
 * records every call. Multipart bodies are recorded as null.
 */
export function fakeServer(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    const call = { method, url, headers: { ...(init?.headers as Record<string, string>) }, body };
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

interface Options {
  locale?: Locale;
  /** a fixed user (default: the inspector); `'server'` asks the fake server through the real AuthProvider */
  auth?: AuthValue | 'server';
}

/** The app as its entry builds it (own routes, language, toasts; no component library), on a memory router. */
export function renderH5(
  path: string,
  fetch: typeof globalThis.fetch,
  { locale = 'zh-CN', auth = fakeAuth(inspector) }: Options = {},
) {
  // The shared client (sign-in, streets, matters, tasks) uses the global fetch; the outbox gets the same fake.
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter(
    h5Routes(<H5App store={createLocalDraftStore(window.localStorage)} fetch={fetch} />),
    { initialEntries: [path] },
  );
  const app = <RouterProvider router={router} />;
  const view = render(
    <I18nProvider initialLocale={locale}>
      {auth === 'server' ? (
        <AuthProvider>{app}</AuthProvider>
      ) : (
        <AuthContext.Provider value={auth}>{app}</AuthContext.Provider>
      )}
      <ToastHost testIdPrefix="h5-toast" />
    </I18nProvider>,
  );
  return { router, ...view };
}
