// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeMe } from '../../testing.tsx';
import { fakeServer, inspector, renderH5 } from '../h5-testing.tsx';
import { safeNext } from './SignInPage.tsx';

const notSignedIn = () => ({
  status: 401,
  body: { error: { code: 'AUTH_REQUIRED', message: '请先登录', requestId: 'r0' } },
});
const publicInfo = () => ({
  status: 200,
  body: {
    city: { code: '420202', name: '黄石港区' },
    reopenDays: 7,
    maxPhotos: 3,
    center: null,
    extent: null,
    basemap: null,
    smsEnabled: false,
  },
});

async function signIn(username: string, password: string) {
  fireEvent.change(await screen.findByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

beforeEach(() => {
  window.localStorage.clear();
  api.setCsrfToken(null);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('inspector sign-in', () => {
  it("sends a signed-out inspector to the app's own sign-in and back to where they were going", async () => {
    let signedIn = false;
    const server = fakeServer({
      'GET /api/auth/me': () => (signedIn ? { status: 200, body: inspector } : notSignedIn()),
      'GET /api/public/info': publicInfo,
      'POST /api/auth/login': () => {
        signedIn = true;
        return { status: 200, body: inspector };
      },
      'GET /api/cases': () => ({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 50 } }),
    });
    const { router } = renderH5('/h5/tasks?tab=checking', server.fetch, { auth: 'server' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/h5/login'));
    expect(router.state.location.search).toBe('?next=%2Fh5%2Ftasks%3Ftab%3Dchecking');
    // The server's own city fills the code on a phone that never signed in.
    await waitFor(() => expect((screen.getByTestId('login-tenant') as HTMLInputElement).value).toBe('420202'));
    expect(server.calls.find((c) => c.url === '/api/public/info')?.headers['x-city']).toBeUndefined();

    await signIn(' inspector ', 'Demo@12345');
    await waitFor(() => expect(router.state.location.pathname).toBe('/h5/tasks'));
    expect(router.state.location.search).toBe('?tab=checking');
    expect(server.calls.find((c) => c.url === '/api/auth/login')?.body).toEqual({
      tenantCode: '420202',
      username: 'inspector',
      password: 'Demo@12345',
    });
    expect(await screen.findByTestId('h5-tasks')).toBeTruthy();
    expect(window.localStorage.getItem('cityloop.h5.tenantCode')).toBe('420202');
  });

  it('checks the fields before asking the server, and says when the credentials are wrong', async () => {
    window.localStorage.setItem('cityloop.h5.tenantCode', '420281');
    const server = fakeServer({
      'GET /api/auth/me': notSignedIn,
      'POST /api/auth/login': () => ({
        status: 401,
        body: { error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'x', requestId: 'r2' } },
      }),
    });
    renderH5('/h5/login', server.fetch, { auth: 'server' });
    fireEvent.change(await screen.findByTestId('login-tenant'), { target: { value: '42028' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('请输入 6 位行政区划代码')).toBeTruthy();
    expect(screen.getAllByText('此项为必填项')).toHaveLength(2);
    expect(screen.getByTestId('login-username').getAttribute('aria-invalid')).toBe('true');
    expect(server.calls.some((c) => c.url === '/api/auth/login')).toBe(false);

    fireEvent.change(screen.getByTestId('login-tenant'), { target: { value: '420281' } });
    await signIn('inspector', 'nope');
    expect((await screen.findByTestId('login-error')).textContent).toContain('用户名或密码错误');
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('');
  });

  it('follows only paths of this app after sign-in', () => {
    expect(safeNext('/h5/tasks/1')).toBe('/h5/tasks/1');
    expect(safeNext('/h5?x=1')).toBe('/h5?x=1');
    for (const bad of ['//evil.example', 'https://evil.example', '/org/users', '/h5evil', '/h5/login?next=x', null])
      expect(safeNext(bad)).toBe('/h5');
  });

  it('offers the password in clear text on request', async () => {
    renderH5('/h5/login', fakeServer({ 'GET /api/auth/me': notSignedIn }).fetch, { auth: 'server', locale: 'en' });
    const password = await screen.findByTestId('login-password');
    expect(password.getAttribute('type')).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password.getAttribute('type')).toBe('text');
    expect(screen.getByRole('button', { name: 'Hide password' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('login-submit').textContent).toBe('Sign in');
  });
});

describe('inspector app gate', () => {
  it('shows only the password change while one is required, checks the policy, and opens the app after it', async () => {
    let mustChange = true;
    const me = () => fakeMe(['inspector'], { username: 'inspector', mustChangePassword: mustChange });
    const server = fakeServer({
      'GET /api/auth/me': () => ({ status: 200, body: me() }),
      'POST /api/auth/password': () => {
        mustChange = false;
        return { status: 200, body: { ok: true } };
      },
    });
    renderH5('/h5', server.fetch, { auth: 'server' });
    expect(await screen.findByTestId('forced-password-change')).toBeTruthy();
    expect(screen.queryByTestId('h5-app')).toBeNull();
    expect(screen.getByTestId('change-password-sign-out')).toBeTruthy();

    fireEvent.change(screen.getByTestId('change-password-current'), { target: { value: 'Demo@12345' } });
    fireEvent.change(screen.getByTestId('change-password-new'), { target: { value: 'Inspector#2024' } });
    fireEvent.change(screen.getByTestId('change-password-confirm'), { target: { value: 'Inspector#2025' } });
    fireEvent.click(screen.getByTestId('change-password-submit'));
    expect(await screen.findByText(/密码不能包含用户名/)).toBeTruthy();
    expect(screen.getByText('两次输入的密码不一致')).toBeTruthy();
    expect(server.calls.some((c) => c.url === '/api/auth/password')).toBe(false);

    fireEvent.change(screen.getByTestId('change-password-new'), { target: { value: 'Street#Lights2024' } });
    fireEvent.change(screen.getByTestId('change-password-confirm'), { target: { value: 'Street#Lights2024' } });
    fireEvent.click(screen.getByTestId('change-password-submit'));
    expect(await screen.findByTestId('h5-app')).toBeTruthy();
    expect(server.calls.find((c) => c.url === '/api/auth/password')?.body).toEqual({
      currentPassword: 'Demo@12345',
      newPassword: 'Street#Lights2024',
    });
    expect((await screen.findByTestId('h5-toast-success')).textContent).toBe('密码已修改');
  });

  it("shows the server's answer on the field it names", async () => {
    const server = fakeServer({
      'GET /api/auth/me': () => ({ status: 200, body: fakeMe(['inspector'], { mustChangePassword: true }) }),
      'POST /api/auth/password': () => ({
        status: 400,
        body: {
          error: {
            code: 'AUTH_WRONG_PASSWORD',
            message: 'x',
            details: [{ field: 'body.currentPassword', message: 'x', rule: 'wrongPassword' }],
            requestId: 'r',
          },
        },
      }),
    });
    renderH5('/h5', server.fetch, { auth: 'server' });
    fireEvent.change(await screen.findByTestId('change-password-current'), { target: { value: 'not-it' } });
    fireEvent.change(screen.getByTestId('change-password-new'), { target: { value: 'Street#Lights2024' } });
    fireEvent.change(screen.getByTestId('change-password-confirm'), { target: { value: 'Street#Lights2024' } });
    fireEvent.click(screen.getByTestId('change-password-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('change-password-current').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(screen.getByTestId('forced-password-change')).toBeTruthy();
  });

  it('refuses an account that may not report, offering the console and sign-out', async () => {
    const server = fakeServer({ 'GET /api/auth/me': () => ({ status: 200, body: fakeMe(['dispatcher']) }) });
    renderH5('/h5/tasks', server.fetch, { auth: 'server' });
    expect((await screen.findByTestId('page-forbidden')).textContent).toContain('没有权限访问此页面');
    expect(screen.queryByTestId('h5-app')).toBeNull();
  });
});
