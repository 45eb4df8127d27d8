// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { AuditList } from './AuditList.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ROW = {
  id: 'a1',
  at: '2024-03-12T02:00:00.000Z',
  actorId: 'u-admin',
  actorName: '系统管理员',
  action: 'unit.create',
  entity: 'unit',
  entityId: '0b6f3c1e-1111-4a4a-9c9c-222233334444',
  entityName: '环卫所',
  before: null,
  after: { name: '环卫所' },
  requestId: 'r1',
};

describe('audit log page', () => {
  it('shows the object by name with its id below, and offers filters by action, person and time', async () => {
    const server = fakeFetch({
      'GET /api/audit': () => ({ status: 200, body: { items: [ROW], total: 1, page: 1, pageSize: 20 } }),
    });
    vi.stubGlobal('fetch', server.impl);
    render(withProviders(<AuditList />, fakeAuth(fakeMe(['admin']))));
    expect((await screen.findByTestId('audit-name-a1')).textContent).toBe('环卫所');
    expect(screen.getByText('新建单位')).toBeTruthy();
    expect(screen.getByTestId('audit-filter-action')).toBeTruthy();
    expect(screen.getByTestId('audit-filter-actor')).toBeTruthy();
    expect(screen.getAllByTestId('audit-filter-time').length).toBeGreaterThan(0);
    await waitFor(() => expect(server.calls.some((c) => c.url.startsWith('/api/audit?'))).toBe(true));
  });
});
