// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { fakeAuth, fakeFetch, fakeMe, renderConsole } from '../../testing.tsx';
import { KEY_FIGURES } from './yearbook-test-data.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('年度关键指标', { timeout: 60_000 }, () => {
  it("shows each line's figures with the year's value, the months and the records behind them", async () => {
    const server = fakeFetch({ 'GET /api/reports/key-figures': () => ({ status: 200, body: KEY_FIGURES }) });
    vi.stubGlobal('fetch', server.impl);
    renderConsole('/key-figures?year=2023', fakeAuth(fakeMe(['leader'])));
    const overview = await screen.findByTestId('key-line-overview');
    expect(overview.textContent).toContain('总体情况');
    const reported = within(overview).getByTestId('key-figure-overview.reported');
    expect(within(reported).getByTestId('key-figure-value').textContent).toBe('46574');
    const trend = within(reported).getByTestId('key-figure-trend');
    expect(trend.getAttribute('data-points')).toBe('12');
    expect(trend.getAttribute('aria-label')).toContain('12月：4074');
    expect(within(reported).getByTestId('key-figure-drill').getAttribute('href')).toBe(
      KEY_FIGURES.lines[0]!.figures[0]!.link,
    );
    // a month without a value is a gap, and a figure without a records page has no link
    const rate = within(overview).getByTestId('key-figure-overview.closeRate');
    expect(within(rate).getByTestId('key-figure-trend').getAttribute('data-points')).toBe('11');
    expect(within(rate).queryByTestId('key-figure-drill')).toBeNull();
    expect(screen.getByTestId('key-line-approvals').textContent).toContain('行政审批');
    expect(screen.getByText('数据截至 2023-12')).toBeTruthy();
    expect(server.calls.some((c) => c.url.includes('year=2023') && c.url.includes('lang=zh-CN'))).toBe(true);
  });

  it('is in the menu of a leader, and not of an inspector', async () => {
    const server = fakeFetch({ 'GET /api/reports/key-figures': () => ({ status: 200, body: KEY_FIGURES }) });
    vi.stubGlobal('fetch', server.impl);
    renderConsole('/key-figures', fakeAuth(fakeMe(['inspector'])));
    expect(await screen.findByText('403')).toBeTruthy();
  });
});
