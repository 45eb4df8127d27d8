// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { IcLetter, IcReport, IcStats } from '../../../../common/contracts/illegal-construction.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { IllegalConstructionPage } from './IllegalConstructionPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const report: IcReport = {
  id: 'r1',
  source: 'instruction',
  status: 'stopped',
  regionId: 'g1',
  regionName: '金湖街道',
  unitId: null,
  unitName: null,
  address: '金湖大道88号',
  lng: 114.97,
  lat: 30.1,
  description: '屋顶加盖彩钢棚',
  partyName: null,
  areaM2: 120.5,
  reportedOn: '2024-03-01',
  statusOn: '2024-03-02',
  createdAt: '2024-03-01T00:00:00Z',
  updatedAt: '2024-03-02T00:00:00Z',
};
const letter: IcLetter = {
  id: 'l1',
  kind: 'supervise',
  letterNo: '大城管督字〔2024〕第3号',
  regionId: 'g2',
  regionName: '保安镇',
  reportId: null,
  subject: '督办违建整改',
  issuedOn: '2024-02-01',
  deadline: '2024-02-15',
  repliedOn: null,
  reply: null,
  overdue: true,
  createdAt: '2024-02-01T00:00:00Z',
};
const counts = {
  reports: 60,
  instructions: 4,
  stopNotices: 25,
  letters: 23,
  demolitions: 188,
  bureauDemolitions: 126,
  assistDemolitions: 62,
  areaM2: 46574,
  bureauAreaM2: 40000,
  assistAreaM2: 6574,
};
const stats: IcStats = {
  year: 2023,
  totals: counts,
  byRegion: [{ regionId: 'g1', regionName: '金湖街道', ...counts }],
  byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...counts })),
};
const page = <T,>(items: T[]) => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } });

function show(roles: Parameters<typeof fakeMe>[0]) {
  const server = fakeFetch({
    'GET /api/illegal-construction/reports': () => page([report]),
    'PATCH /api/illegal-construction/reports/r1': (_m, body) => ({
      status: 200,
      body: { ...report, ...(body as object) },
    }),
    'GET /api/illegal-construction/letters': () => page([letter]),
    'GET /api/illegal-construction/stats': () => ({ status: 200, body: stats }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <App>
        <IllegalConstructionPage />
      </App>,
      fakeAuth(fakeMe(roles)),
    ),
  );
  return server;
}

describe('查违控违 page', () => {
  it('lists sites with their status, exports them, filters by status and moves a site forward', async () => {
    const server = show(['admin']);
    expect(await screen.findByText('金湖大道88号')).toBeTruthy();
    expect(screen.getByText('已停工')).toBeTruthy();
    expect(screen.getByText('领导批示')).toBeTruthy();
    expect(screen.getByTestId('ic-reports-export')).toBeTruthy();
    expect(screen.getByTestId('ic-reports-export-csv')).toBeTruthy();
    expect(screen.getByTestId('ic-reports-create')).toBeTruthy();

    fireEvent.mouseDown(within(screen.getByTestId('ic-reports-filter-status')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('已补办手续'));
    await waitFor(() =>
      expect(server.calls.some((c) => c.method === 'GET' && c.url.includes('status=legalised'))).toBe(true),
    );

    // a stopped site can only go on to demolished or legalised
    fireEvent.mouseDown(within(screen.getByTestId('ic-status-r1')).getByRole('combobox'));
    // the row's list opened last (the status filter keeps its own list in the page)
    const options = await screen.findAllByTitle('已拆除');
    fireEvent.click(options[options.length - 1]!);
    await waitFor(() => expect(server.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'demolished' }));
  });

  it('offers a leader the lists without the forms', async () => {
    show(['leader']);
    expect(await screen.findByText('金湖大道88号')).toBeTruthy();
    expect(screen.queryByTestId('ic-reports-create')).toBeNull();
    expect(screen.queryByTestId('ic-status-r1')).toBeNull();
  });

  it('marks an unreplied letter past its deadline, and states the year in one sentence', async () => {
    show(['admin']);
    fireEvent.click(await screen.findByRole('tab', { name: '交办函/督办函' }));
    expect(await screen.findByTestId('ic-letter-overdue-l1')).toBeTruthy();
    expect(screen.getByTestId('ic-reply-l1')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '统计' }));
    const summary = await screen.findByTestId('ic-stats-summary');
    expect(summary.textContent).toContain(
      '本局组织拆违行动126次、拆除40000平方米，配合乡镇（街道）拆除行动62次、拆除6574平方米',
    );
  });
});
