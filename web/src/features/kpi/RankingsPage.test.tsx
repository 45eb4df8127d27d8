// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { KpiRow, Ranking } from '../../../../common/contracts/kpi.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { RankingsPage } from './RankingsPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function row(id: string, name: string, score: number, rank: number | null, filed = 8): KpiRow {
  return {
    subject: 'unit',
    id,
    name,
    counts: { filed },
    indicators: {},
    score,
    grade: score >= 90 ? 'A' : 'C',
    parts: {},
    noData: false,
    rank,
  };
}

const ranking = (over: Partial<Ranking> = {}): Ranking => ({
  period: { kind: 'month', from: '2024-03-01', to: '2024-03-31', label: '2024-03' },
  subject: 'unit',
  rows: [row('a', '环卫所', 100, 1), row('b', '园林所', 100, 1), row('c', '市政所', 60, 3)],
  unranked: [row('d', '排水所', 100, null, 1)],
  redFlag: null,
  redFlags: [],
  bottom: [row('c', '市政所', 60, 3)],
  rules: { bottomCount: 3, minCases: 5, topTie: 'none', flagMinScore: 75 },
  ...over,
});

function show(body: Ranking) {
  const server = fakeFetch({
    'GET /api/kpi/rankings': () => ({ status: 200, body }),
    'GET /api/kpi/lists/overdue': () => ({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 10 } }),
    'GET /api/kpi/lists/escalated': () => ({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 10 } }),
  });
  vi.stubGlobal('fetch', server.impl);
  render(withProviders(<RankingsPage />, fakeAuth(fakeMe(['leader']))));
}

describe('rankings page', () => {
  it('states the rules, shows shared ranks, no flag on a tie at the top, and the units with too few cases', async () => {
    show(ranking());
    const rules = await screen.findByTestId('rankings-rules');
    expect(rules.textContent).toContain('立案少于 5 件的样本不足');
    expect(rules.textContent).toContain('第一名并列时不授予');
    const table = screen.getByTestId('rankings-table');
    expect(within(table).getAllByText('1')).toHaveLength(2);
    expect(screen.getByTestId('rankings-red-flag').textContent).toContain('本月无流动红旗');
    expect(screen.getByTestId('rankings-bottom').textContent).toContain('市政所');
    expect(screen.getByTestId('rankings-bottom').textContent).not.toContain('园林所');
    const unranked = screen.getByTestId('rankings-unranked');
    expect(unranked.textContent).toContain('样本不足，不参与排名');
    expect(unranked.textContent).toContain('排水所 · 立案 1 件');
    expect(within(table).queryByText('排水所')).toBeNull();
  });

  it('names every holder of a shared flag', async () => {
    const rows = ranking().rows;
    show(
      ranking({
        redFlags: rows.slice(0, 2),
        rules: { bottomCount: 3, minCases: 5, topTie: 'shared', flagMinScore: 75 },
      }),
    );
    expect((await screen.findByTestId('rankings-red-flag-name')).textContent).toBe('环卫所、园林所');
    expect(screen.getByTestId('rankings-rules').textContent).toContain('并列者共享');
  });
});
