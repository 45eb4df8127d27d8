// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { CallCentreSecretPage, exampleScript } from './CallCentreSecretPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A server holding one secret state: GET answers it, POST makes a new one, DELETE revokes it. */
function server(initial: { configured: boolean; hint: string | null }) {
  let state = { ...initial, updatedAt: initial.configured ? '2024-03-12T02:00:00.000Z' : null };
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    seen.push(`${method} ${String(input)}`);
    let payload: unknown = state;
    let status = 200;
    if (method === 'POST') {
      state = { configured: true, hint: '…Wxyz', updatedAt: '2024-03-12T03:00:00.000Z' };
      payload = { secret: 'fresh-secret-abcdWxyz', hint: '…Wxyz' };
      status = 201;
    } else if (method === 'DELETE') {
      state = { configured: false, hint: null, updatedAt: null };
      payload = { ok: true };
    }
    return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

const admin = () => fakeAuth(fakeMe(['admin']));

describe('the caller pop-up secret page', () => {
  it('creates a secret, shows it once with the documented payload and a signed example', async () => {
    const seen = server({ configured: false, hint: null });
    api.setCsrfToken('csrf-test');
    render(withProviders(<CallCentreSecretPage />, admin()));
    expect((await screen.findByTestId('call-secret-state')).textContent).toContain('未设置');
    expect(screen.getByTestId('call-secret-url').textContent).toContain('/api/hotline/calls/420281');
    expect(screen.getByTestId('call-secret-payload').textContent).toContain('"callerNumber": "13912345678"');
    expect(screen.getByTestId('call-secret-example').textContent).toContain("SECRET='<secret>'");
    fireEvent.click(screen.getByTestId('call-secret-create'));
    expect((await screen.findByTestId('call-secret-fresh')).textContent).toContain('fresh-secret-abcdWxyz');
    await waitFor(() => expect(screen.getByTestId('call-secret-state').textContent).toContain('…Wxyz'));
    expect(screen.getByTestId('call-secret-example').textContent).toContain("SECRET='fresh-secret-abcdWxyz'");
    expect(seen).toEqual([
      'GET /api/hotline/call-centre',
      'POST /api/hotline/call-centre/secret',
      'GET /api/hotline/call-centre',
    ]);
  });

  it('rotates and revokes only after a confirmation, in English too', async () => {
    const seen = server({ configured: true, hint: '…Abcd' });
    render(withProviders(<CallCentreSecretPage />, admin(), 'en'));
    expect((await screen.findByTestId('call-secret-state')).textContent).toBe('Active (ends in …Abcd)');
    expect(screen.queryByTestId('call-secret-fresh')).toBeNull();
    fireEvent.click(screen.getByTestId('call-secret-revoke'));
    expect(seen.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.getByTestId('call-secret-state').textContent).toContain('Not set'));
    expect(seen).toContain('DELETE /api/hotline/call-centre/secret');
    expect(screen.queryByTestId('call-secret-revoke')).toBeNull();
  });

  it('writes an example a shell can run: the body signed as sent, the header the webhook reads', () => {
    const script = exampleScript('http://x/api/hotline/calls/420281', 's3cret');
    expect(script).toContain(
      `BODY='{"callId":"20240312-0001","callerNumber":"13912345678","line":"12319","timestamp":'$(date +%s)'}'`,
    );
    expect(script).toContain('openssl dgst -sha256 -hmac "$SECRET"');
    expect(script).toContain('X-CityLoop-Signature: sha256=$SIG');
  });
});
