// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { Role } from '../../../common/domain/roles.ts';
import type { Locale } from '../../../common/i18n/core.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../testing.tsx';
import { HomePage } from './HomePage.tsx';
import { fakeCase } from '../features/cases/testing-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const overdueCase = fakeCase({
  id: 'late',
  caseNo: '420281-20240310-00003',
  status: 'handling',
  unitName: '环卫所',
  sla: { level: 'red', deadline: '2020-01-01T00:00:00.000Z', usedRatio: 2 },
});
const askedCase = fakeCase({
  id: 'asked',
  caseNo: '420281-20240311-00008',
  status: 'handling',
  unitName: '市政所',
  pendingRequest: 'extension',
});

function open(roles: Role[], lists: { overdue?: unknown[]; approvals?: unknown[] } = {}, locale: Locale = 'zh-CN') {
  const page = (items: unknown[]) => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 5 } });
  const server = fakeFetch({
    'GET /api/cases/counts': (_m: string, _b: unknown, url: string) => ({
      status: 200,
      body: url.includes('mine=true')
        ? { verifying: 1, checking: 2 }
        : { reported: 4, reported_back: 1, overdue: 2, pending_dispatch: 7, handling: 3, checking: 9, verifying: 6 },
    }),
    'GET /api/cases': (_m: string, _b: unknown, url: string) =>
      url.includes('awaitingApproval=true') ? page(lists.approvals ?? []) : page(lists.overdue ?? []),
  });
  vi.stubGlobal('fetch', server.impl);
  render(
    withProviders(
      <MemoryRouter>
        <HomePage />
      </MemoryRouter>,
      fakeAuth(fakeMe(roles)),
      locale,
    ),
  );
  return server;
}

describe('工作台', () => {
  it("shows a dispatcher's to-do counts linking to their tabs, the overdue cases and the requests to approve", async () => {
    const server = open(['dispatcher'], { overdue: [overdueCase], approvals: [askedCase] });
    await waitFor(() => expect(screen.getByTestId('workbench-count-pending_dispatch').textContent).toBe('7'));
    expect(screen.getByTestId('workbench-count-handling').textContent).toBe('3');
    expect(screen.getByTestId('workbench-inbox-pending_dispatch').getAttribute('href')).toBe(
      '/cases?inbox=pending_dispatch',
    );
    expect(screen.queryByTestId('workbench-inbox-all')).toBeNull();

    const overdue = screen.getByTestId('workbench-overdue');
    const late = await within(overdue).findByTestId('workbench-case-420281-20240310-00003');
    expect(within(late).getByText(/^超期/)).toBeTruthy();

    const approvals = screen.getByTestId('workbench-approvals');
    const row = await within(approvals).findByTestId('workbench-case-420281-20240311-00008');
    expect(within(row).getByText('待审批：延期')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '420281-20240311-00008' }).getAttribute('href')).toBe('/cases/asked');

    const lists = server.calls.filter((c) => c.url.startsWith('/api/cases?')).map((c) => c.url);
    expect(lists.some((u) => u.includes('inbox=overdue') && u.includes('sort=deadline') && !u.includes('mine'))).toBe(
      true,
    );
    expect(lists.some((u) => u.includes('awaitingApproval=true'))).toBe(true);
  });

  it("counts an inspector's own tasks, lists only their overdue tasks, and asks for no approvals", async () => {
    const server = open(['inspector']);
    await waitFor(() => expect(screen.getByTestId('workbench-count-checking').textContent).toBe('2'));
    expect(screen.getByTestId('workbench-count-verifying').textContent).toBe('1');
    expect(await screen.findByText('没有超期案件')).toBeTruthy();
    expect(screen.queryByTestId('workbench-approvals')).toBeNull();
    const lists = server.calls.filter((c) => c.url.startsWith('/api/cases?')).map((c) => c.url);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toContain('inbox=overdue');
    expect(lists[0]).toContain('mine=true');
  });

  it('says so when nothing waits, in English too', async () => {
    open(['shiftLeader'], {}, 'en');
    expect(await screen.findByText('No overdue cases')).toBeTruthy();
    expect(await screen.findByText('No return, extension or suspension requests waiting')).toBeTruthy();
    expect(screen.getByText('My to-do')).toBeTruthy();
  });

  it('shows no case sections to an administrator, who works no cases', async () => {
    open(['admin']);
    expect(await screen.findByTestId('welcome-card')).toBeTruthy();
    expect(screen.queryByTestId('workbench')).toBeNull();
  });
});
