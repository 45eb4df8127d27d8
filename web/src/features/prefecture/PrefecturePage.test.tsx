// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { KpiRow } from '../../../../common/contracts/kpi.ts';
import type { PrefectureKpi } from '../../../../common/contracts/prefecture.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { PrefecturePage } from './PrefecturePage.tsx';

// The chart draws on a canvas the test DOM does not have; its data is the server's trend answer.
vi.mock('./PrefectureTrend.tsx', () => ({ PrefectureTrend: () => null }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function row(id: string, name: string, score: number | null, rank: number | null): KpiRow {
  const noData = score === null;
  return {
    subject: 'tenant',
    id,
    name,
    counts: { reported: noData ? 0 : 36, filed: noData ? 0 : 30 },
    indicators: { closeRate: { value: noData ? null : 90, numerator: 27, denominator: 30 } },
    score,
    grade: noData ? null : 'A',
    parts: {},
    noData,
    rank,
  };
}

const period = { kind: 'month' as const, from: '2024-03-01', to: '2024-03-31', label: '2024-03' };

function show(counties: KpiRow[]) {
  const kpi: PrefectureKpi = {
    period,
    prefecture: { code: '420200', name: '黄石市' },
    total: row('', '', counties.length ? 95 : null, null),
    counties,
  };
  const server = fakeFetch({
    'GET /api/prefecture/kpi': () => ({ status: 200, body: kpi }),
    'GET /api/prefecture/ranking': () => ({ status: 200, body: { period, rows: counties } }),
    'GET /api/prefecture/trend': () => ({ status: 200, body: { months: [] } }),
  });
  vi.stubGlobal('fetch', server.impl);
  const router = createMemoryRouter([{ path: '/prefecture', element: <PrefecturePage /> }], {
    initialEntries: ['/prefecture?period=month&at=2024-03'],
  });
  render(withProviders(<RouterProvider router={router} />, fakeAuth(fakeMe(['prefectureViewer']))));
}

describe('prefecture page', () => {
  it('shows the prefecture cards and the ranking, marking a county without data', async () => {
    show([row('420222', '阳新县', 95, 1), row('420281', '大冶市', null, null)]);
    expect((await screen.findByTestId('prefecture-card-score')).textContent).toContain('95.0');
    expect(screen.getByTestId('prefecture-card-counties').textContent).toContain('2');
    const table = screen.getByTestId('prefecture-ranking');
    expect(within(table).getByTestId('prefecture-county-420222').textContent).toContain('阳新县');
    expect(within(table).getByTestId('prefecture-nodata-420281').textContent).toBe('本期无数据');
    expect(screen.getByText('黄石市 · 县（市、区）考核汇总')).toBeTruthy();
  });

  it('explains how counties join when none reports to the prefecture', async () => {
    show([]);
    expect((await screen.findByTestId('prefecture-empty')).textContent).toContain('尚无县（市、区）向本市汇总考核数据');
  });
});
