// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { permissionsOf, type Role } from '../../../../common/domain/roles.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { CaseInbox } from './CaseInbox.tsx';
import { inboxesFor, mineByDefault } from './inboxes.ts';
import { fakeCase } from './testing-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const as = (...roles: Role[]) => permissionsOf(roles.map((role) => ({ role, unitId: null, regionId: null })));

describe('inboxes by permission', () => {
  it('gives each post the steps it works, then 全部', () => {
    expect(inboxesFor(as('operator'))).toEqual(['reported', 'reported_back', 'overdue', 'all']);
    expect(inboxesFor(as('shiftLeader'))).toEqual(['pending_filing', 'pending_close', 'all']);
    expect(inboxesFor(as('dispatcher'))).toEqual(['pending_dispatch', 'handling', 'all']);
    expect(inboxesFor(as('unitManager'))).toEqual(['handling', 'all']);
    expect(inboxesFor(as('unitHandler'))).toEqual(['handling', 'all']);
    expect(inboxesFor(as('inspector'))).toEqual(['verifying', 'checking', 'all']);
    expect(inboxesFor(as('admin'))).toEqual(['all']);
  });

  it('shows a leader every step, 已超期 and 已结案', () => {
    expect(inboxesFor(as('leader'))).toEqual([
      'reported',
      'verifying',
      'pending_filing',
      'pending_dispatch',
      'handling',
      'reported_back',
      'checking',
      'pending_close',
      'overdue',
      'suspended',
      'transferred',
      'closed',
      'all',
    ]);
  });

  it("lists an inspector's own tasks in 待核实 / 待核查, everyone else the whole step", () => {
    expect(mineByDefault(as('inspector'), 'checking')).toBe(true);
    expect(mineByDefault(as('inspector'), 'all')).toBe(false);
    expect(mineByDefault(as('operator'), 'reported_back')).toBe(false);
    expect(mineByDefault(as('leader'), 'checking')).toBe(false);
  });
});

describe('inbox page', () => {
  const COUNTS = { reported: 4, reported_back: 1, overdue: 2, pending_dispatch: 7, handling: 3, all: 20, checking: 5 };
  function open(
    roles: Role[],
    search = '',
    counts: Record<string, number> = COUNTS,
    extra: Partial<ReturnType<typeof fakeCase>> = {},
  ) {
    const item = fakeCase({
      status: 'pending_dispatch',
      sla: { level: 'red', deadline: '2020-01-01T00:00:00.000Z', usedRatio: 2 },
      ...extra,
    });
    const server = fakeFetch({
      'GET /api/cases/counts': (_m: string, _b: unknown, url: string) => ({
        status: 200,
        body: url.includes('mine=true') ? { checking: 1, verifying: 2 } : counts,
      }),
      'GET /api/cases': () => ({ status: 200, body: { items: [item], total: 1, page: 1, pageSize: 20 } }),
    });
    vi.stubGlobal('fetch', server.impl);
    render(
      withProviders(
        <MemoryRouter initialEntries={[`/cases${search}`]}>
          <CaseInbox />
        </MemoryRouter>,
        fakeAuth(fakeMe(roles)),
      ),
    );
    return server;
  }

  const tabs = () => screen.queryAllByTestId(/^cases-tab-/).map((el) => el.getAttribute('data-testid'));

  it('shows an operator their tabs with counts, and lists the first one sorted by deadline', async () => {
    const server = open(['operator']);
    expect(tabs()).toEqual(['cases-tab-reported', 'cases-tab-reported_back', 'cases-tab-overdue', 'cases-tab-all']);
    await waitFor(() => expect(screen.getByTestId('cases-count-reported').textContent).toBe('4'));
    expect(screen.getByTestId('cases-count-overdue').textContent).toBe('2');
    expect(await screen.findByTestId('case-row-420281-20240312-00017')).toBeTruthy();
    const list = server.calls.find((c) => c.url.startsWith('/api/cases?'));
    expect(list?.url).toContain('inbox=reported');
    expect(list?.url).toContain('sort=deadline');
    expect(list?.url).toContain('order=asc');
    expect(screen.getByTestId('case-create')).toBeTruthy();
  });

  it('shows a dispatcher 待派遣 first, no intake button, and the red SLA of an overdue case', async () => {
    open(['dispatcher']);
    expect(tabs()).toEqual(['cases-tab-pending_dispatch', 'cases-tab-handling', 'cases-tab-all']);
    await waitFor(() => expect(screen.getByTestId('cases-count-pending_dispatch').textContent).toBe('7'));
    const table = await screen.findByTestId('cases-table');
    await within(table).findByText(/^超期/);
    expect(screen.queryByTestId('case-create')).toBeNull();
    expect(screen.queryByTestId('case-unstaffed')).toBeNull();
  });

  it('tags a case the sweep found in a unit with nobody to handle it (单位无人处置)', async () => {
    open(['dispatcher'], '', COUNTS, { status: 'handling', unitName: '园林所', unstaffed: true });
    expect((await screen.findByTestId('case-unstaffed')).textContent).toBe('单位无人处置');
  });

  it('opens on the first tab that has work when the address names none', async () => {
    const server = open(['operator'], '', { reported: 0, reported_back: 3, overdue: 1, all: 9 });
    await waitFor(() =>
      expect(server.calls.some((c) => c.url.startsWith('/api/cases?') && c.url.includes('inbox=reported_back'))).toBe(
        true,
      ),
    );
    await waitFor(() =>
      expect(screen.getByTestId('cases-tab-reported_back').closest('[role="tab"]')?.getAttribute('aria-selected')).toBe(
        'true',
      ),
    );
  });

  it('searches every case the role may see, whichever tab is open, and says so', async () => {
    const server = open(['inspector'], '?inbox=checking');
    await screen.findByTestId('case-row-420281-20240312-00017');
    fireEvent.change(screen.getByTestId('cases-search').querySelector('input')!, { target: { value: '垃圾' } });
    fireEvent.keyDown(screen.getByTestId('cases-search').querySelector('input')!, { key: 'Enter', code: 'Enter' });
    await waitFor(() =>
      expect(
        server.calls.some((c) => c.url.includes('inbox=all') && c.url.includes(`q=${encodeURIComponent('垃圾')}`)),
      ).toBe(true),
    );
    const searched = server.calls.filter((c) => c.url.includes('inbox=all'));
    expect(searched.every((c) => !c.url.includes('mine=true'))).toBe(true);
    expect(screen.getByTestId('cases-search-scope').textContent).toContain('全部可见案件');
  });

  it("counts an inspector's 待核查 as the tasks sent to them", async () => {
    const server = open(['inspector'], '?inbox=checking');
    await waitFor(() => expect(screen.getByTestId('cases-count-checking').textContent).toBe('1'));
    expect(screen.getByTestId('cases-count-verifying').textContent).toBe('2');
    // the counts come from the server's own "mine" count, not from one list request per tab
    expect(
      server.calls
        .filter((c) => c.url.startsWith('/api/cases/counts'))
        .map((c) => c.url)
        .sort(),
    ).toEqual(['/api/cases/counts', '/api/cases/counts?mine=true']);
    expect(server.calls.filter((c) => c.url.startsWith('/api/cases?') && c.url.includes('pageSize=1'))).toEqual([]);
    expect(server.calls.some((c) => c.url.includes('inbox=checking') && c.url.includes('mine=true'))).toBe(true);
    expect(screen.getByTestId('cases-filter-mine')).toBeTruthy();
  });
});
