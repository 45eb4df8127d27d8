// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { LocaleProvider } from '../../i18n/LocaleProvider.tsx';
import { buildRoutes } from '../../routes.tsx';
import { fakeFetch, fakeMe } from '../../testing.tsx';
import { AuthProvider } from './AuthProvider.tsx';

const notSignedIn = () => ({
  status: 401,
  body: { error: { code: 'AUTH_REQUIRED', message: '请先登录', requestId: 'r0' } },
});

function renderLogin(routes: Parameters<typeof fakeFetch>[0], path = '/login') {
  const server = fakeFetch(routes);
  vi.stubGlobal('fetch', server.impl);
  const router = createMemoryRouter(buildRoutes(), { initialEntries: [path] });
  render(
    <LocaleProvider initialLocale="zh-CN">
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </LocaleProvider>,
  );
  return { server, router };
}

async function submit(username: string, password: string) {
  fireEvent.change(await screen.findByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

beforeEach(() => api.setCsrfToken(null));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('login page', () => {
  it('pre-fills the tenant code and requires username and password', async () => {
    renderLogin({ 'GET /api/auth/me': notSignedIn });
    expect(((await screen.findByTestId('login-tenant')) as HTMLInputElement).value).toBe('420281');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findAllByText('此项为必填项')).length).toBe(2);
  });

  it('lands on the login page when the session check fails, not on an endless spinner', async () => {
    const { router } = renderLogin(
      {
        'GET /api/auth/me': () => ({
          status: 500,
          body: { error: { code: 'INTERNAL', message: 'x', requestId: 'r' } },
        }),
      },
      '/',
    );
    expect(await screen.findByTestId('login-username')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('offers the demo accounts only when the server names them; one click fills the form', async () => {
    renderLogin({
      'GET /api/auth/me': notSignedIn,
      'GET /api/auth/sign-in-hints': () => ({
        status: 200,
        body: {
          demo: {
            tenantCode: '420281',
            accounts: [{ username: 'dispatcher', role: 'dispatcher', password: 'Demo@12345' }],
          },
        },
      }),
    });
    fireEvent.click(await screen.findByText('演示账号（演示城市，均为虚构人员）'));
    fireEvent.click(await screen.findByTestId('login-demo-dispatcher'));
    expect((screen.getByTestId('login-username') as HTMLInputElement).value).toBe('dispatcher');
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('Demo@12345');
    expect(screen.getByTestId('login-demo').textContent).toContain('派遣员');
  });

  it('shows no demo accounts on a real deployment', async () => {
    const { server } = renderLogin({
      'GET /api/auth/me': notSignedIn,
      'GET /api/auth/sign-in-hints': () => ({ status: 200, body: { demo: null } }),
    });
    await screen.findByTestId('login-username');
    await waitFor(() => expect(server.calls.some((c) => c.url.startsWith('/api/auth/sign-in-hints'))).toBe(true));
    expect(screen.queryByTestId('login-demo')).toBeNull();
  });

  it('explains a sign-in throttle with the minutes from the server', async () => {
    renderLogin({
      'GET /api/auth/me': notSignedIn,
      'POST /api/auth/login': () => ({
        status: 429,
        body: { error: { code: 'AUTH_THROTTLED', message: 'throttled', details: { minutes: 2 }, requestId: 'r1' } },
      }),
    });
    await submit('admin', 'wrong-password');
    expect((await screen.findByTestId('login-error')).textContent).toContain('登录失败次数过多，请2分钟后再试');
  });

  it('says the credentials are wrong on 401 and stays on the page', async () => {
    const { router } = renderLogin({
      'GET /api/auth/me': notSignedIn,
      'POST /api/auth/login': () => ({
        status: 401,
        body: { error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'x', requestId: 'r2' } },
      }),
    });
    await submit('admin', 'nope');
    expect((await screen.findByTestId('login-error')).textContent).toContain('用户名或密码错误');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('signs in, sends the CSRF token on later writes, and returns to ?next', async () => {
    const me = fakeMe(['admin'], { displayName: '系统管理员' });
    const { server, router } = renderLogin(
      {
        'GET /api/auth/me': notSignedIn,
        'POST /api/auth/login': () => ({ status: 200, body: me }),
        'POST /api/auth/logout': () => ({ status: 204 }),
      },
      '/login?next=%2F',
    );
    await submit(' admin ', 'Admin@12345');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByTestId('welcome-greeting')).toHaveProperty('textContent', '你好，系统管理员');
    const login = server.calls.find((c) => c.url === '/api/auth/login');
    expect(login?.body).toEqual({ tenantCode: '420281', username: 'admin', password: 'Admin@12345' });

    fireEvent.click(screen.getByTestId('user-menu'));
    fireEvent.click(await screen.findByTestId('user-menu-logout'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    const logout = server.calls.find((c) => c.url === '/api/auth/logout');
    expect(logout?.headers['x-csrf-token']).toBe('csrf-test');
  });

  it('sends the user back to /login when the session ends mid-work, and says why', async () => {
    const { router } = renderLogin(
      {
        'GET /api/auth/me': () => ({ status: 200, body: fakeMe(['admin']) }),
        'GET /api/org/users': notSignedIn,
      },
      '/org/users',
    );
    expect(await screen.findByTestId('login-expired')).toHaveProperty('textContent', '登录已过期，请重新登录');
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Forg%2Fusers');
  });

  it('forces a password change when the server asks for it, showing no page behind it', async () => {
    const { server } = renderLogin(
      { 'GET /api/auth/me': () => ({ status: 200, body: fakeMe(['inspector'], { mustChangePassword: true }) }) },
      '/',
    );
    expect(await screen.findByText('请设置新密码')).toBeTruthy();
    expect(screen.getByTestId('change-password-current')).toBeTruthy();
    expect(screen.getByTestId('change-password-sign-out')).toBeTruthy();
    expect(screen.queryByTestId('app-menu')).toBeNull();
    expect(
      server.calls.filter((c) => c.url.split('?')[0] !== '/api/auth/me').map((c) => `${c.method} ${c.url}`),
    ).toEqual([]);
  });

  it('checks the new password against the same policy as the server', async () => {
    renderLogin(
      {
        'GET /api/auth/me': () => ({
          status: 200,
          body: fakeMe(['inspector'], { username: 'inspector', mustChangePassword: true }),
        }),
      },
      '/',
    );
    fireEvent.change(await screen.findByTestId('change-password-current'), { target: { value: 'Demo@12345' } });
    fireEvent.change(screen.getByTestId('change-password-new'), { target: { value: 'Inspector#2024' } });
    fireEvent.change(screen.getByTestId('change-password-confirm'), { target: { value: 'Inspector#2024' } });
    fireEvent.click(screen.getByTestId('change-password-submit'));
    expect(await screen.findByText('密码不能包含用户名')).toBeTruthy();
    fireEvent.change(screen.getByTestId('change-password-new'), { target: { value: 'qwertyuiop' } });
    expect(await screen.findByText(/这是常见密码/)).toBeTruthy();
  });
});
