// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { t } from '../../../common/i18n/core.ts';
import { fakeAuth, fakeMe, withProviders } from '../testing.tsx';
import { createCaseTransport } from './api/case-transport.ts';
import { H5App } from './H5App.tsx';
import { createLocalDraftStore } from './offline/draft-store.ts';
import { OfflineQueue } from './offline/offline-queue.ts';

const me = fakeMe(['inspector'], { id: 'u-1', tenantId: 't-1' });

function server(createStatus = 201) {
  const creates: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input).split('?')[0];
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url === '/api/photos') return json(201, { id: 'p-1', url: '/p', thumbUrl: '/t', width: 1, height: 1, phase: 'before', createdAt: '' });
    if (url === '/api/cases' && init?.method === 'POST') {
      creates.push(String((init.headers as Record<string, string>)['idempotency-key']));
      return createStatus === 201
        ? json(201, { id: 'c-1', caseNo: '420281-20240312-00017', status: 'pending_filing' })
        : json(createStatus, { error: { code: 'CATALOG_UNKNOWN_MATTER', message: '事项 09999 不存在', requestId: 'r' } });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'nf', requestId: 'r' } });
  }) as typeof globalThis.fetch;
  return { fetch, creates };
}

async function saveDraft(description: string) {
  const queue = new OfflineQueue({
    store: createLocalDraftStore(window.localStorage),
    transport: createCaseTransport({ csrfToken: () => null, locale: () => 'zh-CN', fetch: server().fetch }),
    owner: { userId: 'u-1', tenantId: 't-1' },
  });
  return queue.add({
    body: { matterCode: '09006', description, lng: 114.97, lat: 30.1, crs: 'wgs84' },
    matterName: '占道经营',
    photos: ['data:image/jpeg;base64,/9j/4AAQ'],
  });
}

function renderH5(path: string, fetch: typeof globalThis.fetch, locale: 'zh-CN' | 'en' = 'zh-CN') {
  // The shared client (streets, matters, tasks) uses the global fetch; the outbox gets the same fake explicitly.
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/h5/*', element: <H5App store={createLocalDraftStore(window.localStorage)} fetch={fetch} /> }], { initialEntries: [path] });
  return render(withProviders(<RouterProvider router={router} />, fakeAuth(me), locale));
}

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('inspector H5 drafts', () => {
  it('sends waiting drafts on start with their own key and shows the case number', async () => {
    const draft = await saveDraft('路口占道经营');
    const api = server();
    renderH5('/h5/drafts', api.fetch);
    const card = await screen.findByTestId('h5-draft-1');
    await waitFor(() => expect(card.getAttribute('data-status')).toBe('sent'));
    expect(screen.getByTestId('h5-draft-1-case-no').textContent).toContain('420281-20240312-00017');
    expect(api.creates).toEqual([draft.idempotencyKey]);
  });

  it('waits while offline and sends when the online event fires', async () => {
    let online = false;
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
    try {
      await saveDraft('路口占道经营');
      const api = server();
      renderH5('/h5/drafts', api.fetch);
      const card = await screen.findByTestId('h5-draft-1');
      expect(await screen.findByTestId('h5-offline-banner')).toBeTruthy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(api.creates).toEqual([]);
      expect(card.getAttribute('data-status')).toBe('pending');

      online = true;
      window.dispatchEvent(new Event('online'));
      await waitFor(() => expect(screen.getByTestId('h5-draft-1').getAttribute('data-status')).toBe('sent'));
      expect(api.creates).toHaveLength(1);
    } finally {
      Reflect.deleteProperty(window.navigator, 'onLine');
    }
  });

  it('keeps a draft the server refuses, with the error shown, and deletes it on request', async () => {
    await saveDraft('路口占道经营');
    const api = server(400);
    renderH5('/h5/drafts', api.fetch);
    const card = await screen.findByTestId('h5-draft-1');
    await waitFor(() => expect(card.getAttribute('data-status')).toBe('failed'));
    expect(screen.getByTestId('h5-draft-1-error').textContent).toContain(t('zh-CN', 'errors.CATALOG_UNKNOWN_MATTER'));

    fireEvent.click(screen.getByTestId('h5-draft-1-delete'));
    fireEvent.click(await screen.findByTestId('h5-draft-1-confirm'));
    await waitFor(() => expect(screen.queryByTestId('h5-draft-1')).toBeNull());
    expect(screen.getByTestId('h5-drafts').getAttribute('data-count')).toBe('0');
  });

  it('has a tab bar in English too', async () => {
    renderH5('/h5/me', server().fetch, 'en');
    expect((await screen.findByTestId('h5-tab-drafts')).textContent).toContain('Drafts');
    expect(screen.getByTestId('h5-tab-report').textContent).toContain('Report');
  });
});
