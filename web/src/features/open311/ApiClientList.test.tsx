// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { confirmPopup, fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { ApiClientList } from './ApiClientList.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const client = {
  id: 'c1',
  name: 'FixMyStreet',
  contact: null,
  keyPrefix: 'o311_0123456789ab',
  rateLimitPerMinute: 60,
  active: true,
  createdAt: '2024-03-12T02:00:00Z',
  updatedAt: '2024-03-12T02:00:00Z',
};
const KEY = 'o311_fedcba987654_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';

function open(locale: 'zh-CN' | 'en' = 'zh-CN') {
  let items = [client];
  const server = fakeFetch({
    'GET /api/open311/clients': () => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } }),
    'POST /api/open311/clients': (_m, body) => {
      if ((body as { name: string }).name === 'FixMyStreet') {
        return {
          status: 409,
          body: {
            error: {
              code: 'OPEN311_CLIENT_NAME_TAKEN',
              message: 'OPEN311_CLIENT_NAME_TAKEN',
              requestId: 'r',
              details: [{ field: 'body.name', rule: 'unique', message: 'taken' }],
            },
          },
        };
      }
      const created = { ...client, id: 'c2', name: (body as { name: string }).name, keyPrefix: 'o311_fedcba987654' };
      items = [created, ...items];
      return { status: 201, body: { ...created, apiKey: KEY } };
    },
    'PATCH /api/open311/clients/c1': (_m, body) => {
      items = items.map((c) => (c.id === 'c1' ? { ...c, ...(body as object) } : c));
      return { status: 200, body: items.find((c) => c.id === 'c1') };
    },
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(withProviders(<ApiClientList />, fakeAuth(fakeMe(['admin'])), locale));
  return server;
}

describe('Open311 client applications', () => {
  it('creates a client and shows its key exactly once; the list shows only the prefix', async () => {
    const server = open();
    expect(await screen.findByText('FixMyStreet')).toBeTruthy();
    expect(screen.getByText('o311_0123456789ab_…')).toBeTruthy();
    fireEvent.click(screen.getByTestId('open311-create'));
    fireEvent.change(await screen.findByTestId('open311-client-name'), { target: { value: 'FixMyStreet' } });
    fireEvent.click(screen.getByTestId('open311-client-submit'));
    expect(await screen.findByText('已有同名的客户端应用')).toBeTruthy();
    fireEvent.change(screen.getByTestId('open311-client-name'), { target: { value: '市民通 App' } });
    fireEvent.click(screen.getByTestId('open311-client-submit'));
    expect((await screen.findByTestId('open311-new-key')).textContent).toContain(KEY);
    expect(screen.getByText('密钥只显示这一次，关闭后无法再次查看；遗失时请停用该应用并新建一个。')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
      name: '市民通 App',
      rateLimitPerMinute: 60,
      contact: null,
    });
    fireEvent.click(screen.getByTestId('open311-key-close'));
    await waitFor(() => expect(screen.queryByTestId('open311-new-key')).toBeNull());
    expect(await screen.findByText('市民通 App')).toBeTruthy();
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('disables a client after confirmation (English UI)', async () => {
    const server = open('en');
    fireEvent.click(await screen.findByTestId('open311-disable-c1'));
    const popup = await confirmPopup('Disable');
    expect(popup.textContent).toContain('Requests with this key will be refused (403)');
    await waitFor(() => expect(server.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(server.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ active: false });
    expect(await screen.findByText('Disabled')).toBeTruthy();
  });
});
