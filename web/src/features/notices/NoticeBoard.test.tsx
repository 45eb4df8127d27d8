// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { NoticeBoard } from './NoticeBoard.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const notice = (id: string, read: boolean) => ({
  id,
  title: `通知 ${id}`,
  body: `正文 ${id}`,
  roles: [],
  unitId: null,
  unitName: null,
  publishFrom: '2024-03-12T01:00:00.000Z',
  publishUntil: null,
  createdByName: '系统管理员',
  createdAt: '2024-03-12T01:00:00.000Z',
  read,
});

describe('notices on the 工作台', () => {
  it('shows the unread count, opens a notice in place and marks it read', async () => {
    const server = fakeFetch({
      'GET /api/notices': () => ({ status: 200, body: { items: [notice('a', false), notice('b', true)], unread: 1 } }),
      'POST /api/notices/a/read': () => ({
        status: 200,
        body: { items: [notice('a', true), notice('b', true)], unread: 0 },
      }),
    });
    vi.stubGlobal('fetch', server.impl);
    render(withProviders(<NoticeBoard />, fakeAuth(fakeMe(['inspector']))));
    await waitFor(() => expect(screen.getByTestId('notices-unread').textContent).toBe('1'));
    expect(screen.getByTestId('notice-a').dataset.read).toBe('false');
    fireEvent.click(screen.getByTestId('notice-open-a'));
    expect(screen.getByTestId('notice-body').textContent).toBe('正文 a');
    await waitFor(() => expect(screen.getByTestId('notices-unread').textContent).toBe('0'));
    expect(screen.getByTestId('notice-a').dataset.read).toBe('true');
    expect(server.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/notices/a/read']);
    // an already read notice opens without another request
    fireEvent.click(screen.getByTestId('notice-open-b'));
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('says so when there is nothing to read', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({ 'GET /api/notices': () => ({ status: 200, body: { items: [], unread: 0 } }) }).impl,
    );
    render(withProviders(<NoticeBoard />, fakeAuth(fakeMe(['operator'])), 'en'));
    expect(await screen.findByText('No notices')).toBeTruthy();
  });
});
