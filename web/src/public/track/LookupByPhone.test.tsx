// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakePublicServer, publicInfo, renderPublic } from '../public-testing.tsx';

const CASE_NO = '420281-20240312-00017';
const ACCESS = 'AccessTokenFromTheLookup_0123456789abcd';

function server(verifyStatus = 200) {
  return fakePublicServer({
    'GET /api/public/info': () => publicInfo(true),
    'POST /api/public/lookup': () => ({ status: 202, body: { expiresInMinutes: 10 } }),
    'POST /api/public/lookup/verify': () =>
      verifyStatus === 200
        ? { status: 200, body: { caseNo: CASE_NO, token: ACCESS, expiresAt: '2024-03-13T02:00:00.000Z' } }
        : {
            status: 400,
            body: {
              error: {
                code: 'PUBLIC_LOOKUP_CODE_INVALID',
                message: '验证码不正确或已失效，请重新获取',
                details: [{ field: 'body.code', rule: 'code', message: '验证码不正确或已失效，请重新获取' }],
                requestId: 'r',
              },
            },
          },
  });
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('track page: lookup by case number and phone', () => {
  it('checks the fields, asks for a code, then opens the case with the access token', async () => {
    const api = server();
    renderPublic('/public/track', api.fetch);
    await screen.findByTestId('public-lookup');

    type('public-lookup-case', '420281-2024');
    type('public-lookup-last4', '56a8');
    fireEvent.click(screen.getByTestId('public-lookup-send'));
    expect(screen.getByTestId('public-lookup-caseNo-error').textContent).toContain('完整的案件号');
    expect(screen.getByTestId('public-lookup-phoneLast4-error').textContent).toBe('请输入 4 位数字');
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);

    type('public-lookup-case', ` ${CASE_NO} `);
    type('public-lookup-last4', '5678');
    fireEvent.click(screen.getByTestId('public-lookup-send'));
    expect((await screen.findByTestId('public-lookup-sent')).textContent).toContain('10 分钟内有效');
    expect(api.calls.find((c) => c.url === '/api/public/lookup')?.body).toEqual({
      caseNo: CASE_NO,
      phoneLast4: '5678',
    });

    type('public-lookup-code', '12345');
    fireEvent.click(screen.getByTestId('public-lookup-verify'));
    expect(screen.getByTestId('public-lookup-code-error').textContent).toBe('请输入 6 位数字验证码');

    type('public-lookup-code', '123456');
    fireEvent.click(screen.getByTestId('public-lookup-verify'));
    await screen.findByTestId('public-track-detail');
    expect(api.calls.find((c) => c.url === '/api/public/lookup/verify')?.body).toEqual({
      caseNo: CASE_NO,
      code: '123456',
    });
    await waitFor(() => expect(api.calls.some((c) => c.url === `/api/public/track/${ACCESS}`)).toBe(true));
  });

  it("shows the server's message under the code when the code is wrong", async () => {
    const api = server(400);
    renderPublic('/public/track', api.fetch);
    await screen.findByTestId('public-lookup');
    type('public-lookup-case', CASE_NO);
    type('public-lookup-last4', '5678');
    fireEvent.click(await screen.findByTestId('public-lookup-send'));
    await screen.findByTestId('public-lookup-sent');
    type('public-lookup-code', '654321');
    fireEvent.click(await screen.findByTestId('public-lookup-verify'));
    expect((await screen.findByTestId('public-lookup-code-error')).textContent).toBe(
      '验证码不正确或已失效，请重新获取',
    );
    expect(screen.queryByTestId('public-track-detail')).toBeNull();
  });

  it('offers no lookup when the city sends no SMS, and says what to use instead', async () => {
    const api = fakePublicServer({ 'GET /api/public/info': () => publicInfo(false) });
    renderPublic('/public/track', api.fetch);
    expect((await screen.findByTestId('public-lookup-off')).textContent).toContain('查询码或链接');
    expect(screen.queryByTestId('public-lookup')).toBeNull();
  });
});
