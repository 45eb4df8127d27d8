// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { KpiResult, KpiRow } from '../../../../common/contracts/kpi.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { KpiPage } from './KpiPage.tsx';
import { KpiTable } from './KpiTable.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const v = (numerator: number, denominator: number | null) => ({
  numerator,
  denominator,
  value:
    denominator === null ? numerator : denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 100,
});
function row(id: string, name: string, over: Partial<KpiRow> = {}): KpiRow {
  return {
    subject: 'unit',
    id,
    name,
    counts: { filed: 8, handledOnTime: 6, needHandle: 8 },
    indicators: {
      filed: v(8, null),
      onTimeHandleRate: v(6, 8),
      closeRate: v(7, 8),
      handleRate: v(8, 8),
      reworkRate: v(1, 8),
      overdueRate: v(2, 8),
      extensionRate: v(0, 8),
      onTimeCloseRate: v(5, 8),
      avgHandlingHours: { value: 3.25, numerator: 26, denominator: 8 },
    },
    score: 82.5,
    grade: 'B',
    parts: {},
    noData: false,
    rank: 1,
    ...over,
  };
}
const sanitation = row('unit-1', '环卫所');
const idle = row('unit-2', '园林所', {
  counts: { filed: 0 },
  indicators: { filed: v(0, null), onTimeHandleRate: v(0, 0), closeRate: v(0, 0) },
  score: null,
  grade: null,
  noData: true,
  rank: null,
});
const result: KpiResult = {
  period: { kind: 'year', from: '2024-01-01', to: '2024-12-31', label: '2024' },
  subject: 'unit',
  rows: [sanitation, idle],
  total: row('', '合计', { rank: null, score: 79, grade: 'C' }),
  options: { excludeSuspended: false },
};

describe('KPI table', () => {
  it('shows rates with %, score and grade, "no data" instead of zeros, and drills from a figure', () => {
    const onDrill = vi.fn();
    render(withProviders(<KpiTable result={result} onDrill={onDrill} />, fakeAuth(fakeMe(['leader']))));
    const table = screen.getByTestId('kpi-table');
    expect(within(table).getAllByText('按期处置率').length).toBeGreaterThan(0);
    const cell = screen.getByTestId('kpi-cell-unit-1-onTimeHandleRate');
    expect(cell.textContent).toBe('75%');
    expect(screen.getByTestId('kpi-grade-unit-1').textContent).toBe('B');
    expect(within(table).getByText('82.5')).toBeTruthy();
    // the idle unit: no composite, no grade, and its empty rates are not links to an empty list
    expect(within(table).getByText('无数据')).toBeTruthy();
    expect(screen.queryByTestId('kpi-cell-unit-2-onTimeHandleRate')).toBeNull();
    fireEvent.click(cell);
    expect(onDrill).toHaveBeenCalledWith({ row: sanitation, indicator: 'onTimeHandleRate' });
    // the total row drills too (all subjects in scope)
    fireEvent.click(screen.getByTestId('kpi-cell-total-closeRate'));
    expect(onDrill.mock.calls[1]?.[0].row.id).toBe('');
  });

  it('shows 环比 and 同比 under each figure: red when a rise is bad news, green when good, a dash without a base', () => {
    const figures = (filed: number, overdueRate: number | null, closeRate: number | null, score: number | null) => ({
      counts: {},
      indicators: { filed, overdueRate, closeRate },
      score,
      change: {},
    });
    const compared: KpiResult = {
      ...result,
      comparison: {
        current: { from: '2024-01-01', to: '2024-12-31' },
        previous: { from: '2023-01-01', to: '2023-12-31' },
        lastYear: { from: '2023-01-01', to: '2023-12-31' },
        total: { previous: figures(8, 25, 87.5, 79), lastYear: figures(8, 25, 87.5, 79) },
        rows: {
          // this year: filed 8, overdue 25 %, close 87.5 %, score 82.5
          'unit-1': { previous: figures(4, 12.5, 75, 80), lastYear: figures(0, null, null, null) },
        },
      },
    };
    render(withProviders(<KpiTable result={compared} onDrill={vi.fn()} />, fakeAuth(fakeMe(['leader']))));
    const mark = (id: string) => screen.getByTestId(id);
    // filed 4 → 8: +100 %, a unit's workload rising is bad news
    expect(mark('kpi-change-unit-1-filed-previous').textContent).toContain('100.0%');
    expect(mark('kpi-change-unit-1-filed-previous').style.color).toBe('#cf1322');
    // overdue 12.5 % → 25 %: +12.5 points, bad; close rate 75 % → 87.5 %: +12.5 points, good
    expect(mark('kpi-change-unit-1-overdueRate-previous').textContent).toContain('12.5pp');
    expect(mark('kpi-change-unit-1-overdueRate-previous').style.color).toBe('#cf1322');
    expect(mark('kpi-change-unit-1-closeRate-previous').style.color).toBe('#389e0d');
    // the composite 80 → 82.5 in points
    expect(mark('kpi-change-unit-1-score-previous').textContent).toContain('2.5');
    // no base a year before: a dash, not an infinite percentage
    expect(mark('kpi-change-unit-1-filed-lastYear').textContent).toBe('同比 —');
    expect(mark('kpi-change-unit-1-closeRate-lastYear').textContent).toBe('同比 —');
    // the total row compares too; the idle unit, absent from the comparison, shows no marks
    expect(mark('kpi-change-total-filed-previous').textContent).toContain('0.0%');
    expect(screen.queryByTestId('kpi-change-unit-2-filed')).toBeNull();
  });

  it('hides the changes when asked to', () => {
    const compared: KpiResult = {
      ...result,
      comparison: {
        current: { from: '2024-01-01', to: '2024-12-31' },
        previous: { from: '2023-01-01', to: '2023-12-31' },
        lastYear: { from: '2023-01-01', to: '2023-12-31' },
        total: {
          previous: { counts: {}, indicators: {}, score: null, change: {} },
          lastYear: { counts: {}, indicators: {}, score: null, change: {} },
        },
        rows: {},
      },
    };
    render(
      withProviders(<KpiTable result={compared} onDrill={vi.fn()} showChanges={false} />, fakeAuth(fakeMe(['leader']))),
    );
    expect(screen.queryByTestId('kpi-change-total-filed')).toBeNull();
  });

  it('on the page, a click opens the drawer with the cases behind the numerator, and the denominator on demand', async () => {
    const drillCase = (caseNo: string) => ({
      id: `c-${caseNo}`,
      caseNo,
      status: 'closed',
      channel: 'inspector',
      matterCode: '09006',
      matterName: '占道经营',
      address: null,
      streetName: '金湖街道',
      unitName: '环卫所',
      reportedAt: '2024-03-01T02:00:00Z',
      filedAt: null,
      closedAt: '2024-03-02T02:00:00Z',
      handlingDeadline: null,
      overdue: false,
      escalationCount: 0,
    });
    const server = fakeFetch({
      'GET /api/kpi': () => ({ status: 200, body: result }),
      'GET /api/kpi/drill': () => ({
        status: 200,
        body: { items: [drillCase('420281-20240301-00001')], total: 1, page: 1, pageSize: 20 },
      }),
    });
    vi.stubGlobal('fetch', server.impl);
    const router = createMemoryRouter(
      [
        { path: '/kpi', element: <KpiPage /> },
        { path: '/cases/:id', element: <div>case page</div> },
      ],
      { initialEntries: ['/kpi?period=year&at=2024&subject=unit'] },
    );
    render(withProviders(<RouterProvider router={router} />, fakeAuth(fakeMe(['leader']))));
    fireEvent.click(await screen.findByTestId('kpi-cell-unit-1-onTimeHandleRate'));
    const link = await screen.findByTestId('drill-case-420281-20240301-00001');
    expect(link.getAttribute('href')).toBe('/cases/c-420281-20240301-00001');
    const drill = server.calls.find((c) => c.url.startsWith('/api/kpi/drill'));
    const params = new URL(drill?.url ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(params)).toMatchObject({
      period: 'year',
      at: '2024',
      subject: 'unit',
      id: 'unit-1',
      counter: 'handledOnTime',
    });
    expect(screen.getByText('分母：应处置（8件）')).toBeTruthy();
    fireEvent.click(screen.getByText('分母：应处置（8件）'));
    await waitFor(() => expect(server.calls.some((c) => c.url.includes('counter=needHandle'))).toBe(true));
    fireEvent.click(link);
    expect(await screen.findByText('case page')).toBeTruthy();
  });
});

describe('rankRows', () => {
  it('puts the best score first, ties share a place, rows without data last', async () => {
    const { rankRows } = await import('./KpiTable.tsx');
    const a = row('a', 'A', { score: 70, rank: null });
    const b = row('b', 'B', { score: 90, rank: null });
    const c = row('c', 'C', { score: 70, rank: null });
    const ranked = rankRows([idle, a, b, c]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['unit-2', null],
    ]);
  });
});

describe('grids on the KPI page', () => {
  it('asks the server for one page, shows each grid with its community, and pages and sorts on the server', async () => {
    const grid = (code: string, rank: number | null) =>
      row(code, code, { subject: 'grid', parentName: '金湖社区', rank, score: rank ? 90 : null, noData: !rank });
    const page = (n: number): KpiResult => ({
      period: { kind: 'month', from: '2024-03-01', to: '2024-03-31', label: '2024-03' },
      subject: 'grid',
      rows: [grid(`42028100100100${n}`, n === 1 ? 1 : null)],
      total: row('', '合计', { subject: 'grid', rank: null }),
      options: { excludeSuspended: false },
      paging: { rowCount: 6049, page: n, pageSize: 50, sort: 'score' },
    });
    const server = fakeFetch({
      'GET /api/kpi': (_m, _b, url) => ({
        status: 200,
        body: page(Number(new URL(url, 'http://x').searchParams.get('page') ?? 1)),
      }),
    });
    vi.stubGlobal('fetch', server.impl);
    const router = createMemoryRouter([{ path: '/kpi', element: <KpiPage /> }], {
      initialEntries: ['/kpi?period=month&at=2024-03&subject=grid'],
    });
    render(withProviders(<RouterProvider router={router} />, fakeAuth(fakeMe(['leader']))));
    expect((await screen.findByTestId('kpi-parent-420281001001001')).textContent).toBe('金湖社区');
    const first = new URL(server.calls[0]?.url ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(first)).toMatchObject({ subject: 'grid', page: '1', pageSize: '50' });
    expect(screen.getByTestId('kpi-pagination').textContent).toContain('共 6049 个');
    fireEvent.click(within(screen.getByTestId('kpi-pagination')).getByTitle('2'));
    expect(await screen.findByTestId('kpi-parent-420281001001002')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('kpi-table')).getAllByText('综合指标值')[0] as HTMLElement);
    await waitFor(() =>
      expect(server.calls.some((c) => c.url.includes('sort=score') && c.url.includes('order=asc'))).toBe(true),
    );
    const sorted = new URL(server.calls.at(-1)?.url ?? '', 'http://x').searchParams;
    expect(sorted.get('page')).toBe('1');
  });
});
