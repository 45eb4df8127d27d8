/** Helpers for component tests (not shipped: only *.test.tsx import this file). */
import type { ReactElement, ReactNode } from 'react';
import { vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { Me } from '../../common/contracts/auth.ts';
import { permissionsOf, type Role } from '../../common/domain/roles.ts';
import type { Locale } from '../../common/i18n/core.ts';
import { AuthContext, hasPermission, type AuthValue } from './features/auth/context.ts';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { api } from './api/client.ts';
import { buildRoutes } from './routes.tsx';

export function fakeMe(roles: Role[], user: Partial<Me['user']> = {}): Me {
  const grants = roles.map((role) => ({ role, unitId: null, regionId: null }));
  return {
    user: {
      id: 'u-1',
      username: 'tester',
      displayName: '测试员',
      tenantId: 't-1',
      tenantCode: '420281',
      tenantName: '大冶市',
      tenantTimezone: 'Asia/Shanghai',
      unitId: null,
      mustChangePassword: false,
      ...user,
    },
    grants: grants.map((g) => ({ ...g, unitName: null, regionName: null })),
    permissions: permissionsOf(grants),
    csrfToken: 'csrf-test',
  };
}

export function fakeAuth(me: Me | null, overrides: Partial<AuthValue> = {}): AuthValue {
  return {
    status: 'ready',
    me,
    sessionExpired: false,
    can: (permission) => hasPermission(me?.permissions, permission),
    login: async () => {
      throw new Error('not in this test');
    },
    logout: async () => undefined,
    refresh: async () => undefined,
    ...overrides,
  };
}

export function withProviders(children: ReactNode, auth: AuthValue, locale: Locale = 'zh-CN') {
  return (
    <LocaleProvider initialLocale={locale}>
      <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>
    </LocaleProvider>
  );
}

/** The whole console at `path`, with a fixed signed-in user (or none). */
export function renderConsole(path: string, auth: AuthValue, locale: Locale = 'zh-CN') {
  const router = createMemoryRouter(buildRoutes(), { initialEntries: [path] });
  return { router, ...render(withProviders(<RouterProvider router={router} />, auth, locale)) };
}

type Handler = (method: string, body: unknown, url: string) => { status: number; body?: unknown };

/** Stubs fetch with answers per path ("GET /api/auth/me"); unknown paths answer 404. */
export function fakeFetch(routes: Record<string, Handler>) {
  const calls: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    calls.push({ method, url, headers: { ...(init?.headers as Record<string, string>) }, body });
    const handler = routes[`${method} ${url.split('?')[0]}`];
    const answer = handler
      ? handler(method, body, url)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'nf', requestId: 'r' } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, impl: impl };
}

/** Renders `ui` for a signed-in admin with fetch stubbed by `routes` (fakeFetch) and a CSRF token set; returns the stub. */
export function renderAsAdmin(ui: ReactElement, routes: Record<string, Handler>, locale: Locale = 'zh-CN') {
  const server = fakeFetch(routes);
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(withProviders(ui, fakeAuth(fakeMe(['admin'])), locale));
  return server;
}

/** Confirms the open Popconfirm (the newest one): its OK button, found by role and label, not by antd's classes. */
export async function confirmPopup(okText: string | RegExp): Promise<HTMLElement> {
  const popups = await screen.findAllByRole('tooltip');
  const popup = popups[popups.length - 1] as HTMLElement;
  fireEvent.click(within(popup).getByRole('button', { name: okText }));
  return popup;
}
