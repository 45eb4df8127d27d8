// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { createMemoryRouter, MemoryRouter, RouterProvider } from 'react-router-dom';
import type { VisionEvent } from '../../../../common/contracts/vision.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { ReviewDeskPage } from './ReviewDeskPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ev = (id: string, cls: string): VisionEvent => ({
  id,
  sourceId: 's1',
  sourceName: '东方大道口',
  sourceKind: 'camera',
  eventId: `evt-${id}`,
  missionId: null,
  class: cls,
  confidence: 0.93,
  threshold: 0.8,
  at: '2024-03-12T02:00:00Z',
  lng: 114.98,
  lat: 30.1,
  heading: 90,
  status: 'pending',
  caseId: `c-${id}`,
  caseNo: `420281-20240312-0000${id}`,
  caseStatus: 'reported',
  caseVersion: 1,
  photoUrl: `/api/photos/p-${id}`,
  imageUrl: null,
  reviewedAt: null,
  reviewNote: null,
  receivedAt: '2024-03-12T02:00:01Z',
});

function show() {
  let pending = [ev('1', 'street_vending'), ev('2', 'exposed_garbage')];
  const server = fakeFetch({
    'GET /api/vision/review': () => ({
      status: 200,
      body: { items: pending, total: pending.length, page: 1, pageSize: 50 },
    }),
    'POST /api/vision/review/1/confirm': () => {
      pending = pending.filter((e) => e.id !== '1');
      return { status: 200, body: { ...ev('1', 'street_vending'), status: 'confirmed' } };
    },
    'POST /api/vision/review/2/reject': () => {
      pending = pending.filter((e) => e.id !== '2');
      return { status: 200, body: { ...ev('2', 'exposed_garbage'), status: 'rejected' } };
    },
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <MemoryRouter>
        <App>
          <ReviewDeskPage />
        </App>
      </MemoryRouter>,
      fakeAuth(fakeMe(['operator'])),
    ),
  );
  return server;
}

describe('智能识别核实 desk', () => {
  it('shows the image full size and confirms with Y, moves with J and rejects with N', async () => {
    const server = show();
    const image = await screen.findByTestId('review-image');
    expect(image.getAttribute('src')).toBe('/api/photos/p-1');
    expect(image.style.width).toBe('100%');
    expect(screen.getByText('待核实 2 条', { exact: false })).toBeTruthy();

    fireEvent.keyDown(window, { key: 'y' });
    await waitFor(() => expect(server.calls.some((c) => c.url.endsWith('/review/1/confirm'))).toBe(true));
    await waitFor(() => expect(screen.getByTestId('review-image').getAttribute('src')).toBe('/api/photos/p-2'));

    // typing a note does not trigger the shortcuts
    const note = screen.getByPlaceholderText('核实意见（可选）');
    fireEvent.change(note, { target: { value: '是树影' } });
    fireEvent.keyDown(note, { key: 'n' });
    expect(server.calls.some((c) => c.url.endsWith('/review/2/reject'))).toBe(false);

    fireEvent.keyDown(window, { key: 'n' });
    await waitFor(() => expect(server.calls.some((c) => c.url.endsWith('/review/2/reject'))).toBe(true));
    const reject = server.calls.find((c) => c.url.endsWith('/review/2/reject'));
    expect(reject?.body).toEqual({ note: '是树影' });
    expect(await screen.findByText('没有待核实的识别事件')).toBeTruthy();
  });

  for (const [locale, text] of [
    ['zh-CN', '已移交执法线索 XS202600007'],
    ['en', 'enforcement lead XS202600007 was created'],
  ] as const)
    it(`names the enforcement lead a confirmation created, with a link to it (${locale})`, async () => {
      const server = fakeFetch({
        'GET /api/vision/review': () => ({
          status: 200,
          body: { items: [ev('3', 'illegal_building')], total: 1, page: 1, pageSize: 50 },
        }),
        'POST /api/vision/review/3/confirm': () => ({
          status: 200,
          body: { ...ev('3', 'illegal_building'), status: 'confirmed', lead: { id: 'l-7', leadNo: 'XS202600007' } },
        }),
      });
      vi.stubGlobal('fetch', server.impl);
      api.setCsrfToken('csrf-test');
      const router = createMemoryRouter(
        [
          { path: '/vision/review', element: <ReviewDeskPage /> },
          { path: '/enforcement/leads', element: <span data-testid="leads-page" /> },
        ],
        { initialEntries: ['/vision/review'] },
      );
      render(
        withProviders(
          <App>
            <RouterProvider router={router} />
          </App>,
          fakeAuth(fakeMe(['operator', 'enforcementOfficer'])),
          locale,
        ),
      );
      await screen.findByTestId('review-image');
      fireEvent.keyDown(window, { key: 'y' });
      const notice = await screen.findByTestId('review-lead-notice');
      expect(notice.textContent).toContain(text);
      const link = screen.getByTestId('review-lead-link');
      expect(link.getAttribute('href')).toBe('/enforcement/leads?q=XS202600007');
      fireEvent.click(link);
      await waitFor(() => expect(router.state.location.pathname).toBe('/enforcement/leads'));
      expect(router.state.location.search).toBe('?q=XS202600007');
    });

  it('names the lead but shows no link to a reviewer who may not read leads', async () => {
    const server = fakeFetch({
      'GET /api/vision/review': () => ({
        status: 200,
        body: { items: [ev('4', 'illegal_building')], total: 1, page: 1, pageSize: 50 },
      }),
      'POST /api/vision/review/4/confirm': () => ({
        status: 200,
        body: { ...ev('4', 'illegal_building'), status: 'confirmed', lead: { id: 'l-8', leadNo: 'XS202600008' } },
      }),
    });
    vi.stubGlobal('fetch', server.impl);
    api.setCsrfToken('csrf-test');
    render(
      withProviders(
        <MemoryRouter>
          <App>
            <ReviewDeskPage />
          </App>
        </MemoryRouter>,
        fakeAuth(fakeMe(['operator'])),
      ),
    );
    await screen.findByTestId('review-image');
    fireEvent.keyDown(window, { key: 'y' });
    const notice = await screen.findByTestId('review-lead-notice');
    expect(notice.textContent).toContain('XS202600008');
    expect(screen.queryByTestId('review-lead-link')).toBeNull();
  });
});
