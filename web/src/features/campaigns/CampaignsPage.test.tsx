// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { Campaign, CampaignFigures, Problem, ProblemList } from '../../../../common/contracts/campaigns.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { CampaignsPage } from './CampaignsPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const campaign: Campaign = {
  id: 'c1',
  campaignNo: 'ZX2023-001',
  name: '线缆整治专项行动',
  kind: 'special',
  status: 'closed',
  startDate: '2023-03-01',
  endDate: '2023-12-29',
  description: null,
  verb: '整治',
  targets: [
    { id: 't1', name: '道路', code: null, measure: '条', target: 25, overrunPct: 0, reported: 25, percent: 100 },
    {
      id: 't2',
      name: '线缆',
      code: null,
      measure: '米',
      target: 250000,
      overrunPct: 0,
      reported: 250000,
      percent: 100,
    },
  ],
  taskCount: 4,
  doneTasks: 4,
  overdueTasks: 0,
  createdAt: '2024-03-12T02:00:00Z',
  updatedAt: '2024-03-12T02:00:00Z',
};
const rect = { lists: 1, classes: 4, items: 26, rectified: 26, rate: 100 };
const figures: CampaignFigures = {
  from: '2023-01-01',
  to: '2023-12-31',
  campaigns: [{ id: 'c1', name: campaign.name, kind: 'special', verb: '整治', targets: [] }],
  tasks: { total: 8, done: 8, overdue: 0, doneRate: 100 },
  inspection: rect,
  yixiaSanmin: { ...rect, lists: 2, classes: 0, items: 12, rectified: 12 },
  topics: { total: 5, concluded: 5 },
  publicity: { provincialOrAbove: 63, local: 83, total: 146 },
  honours: 10,
};
const list: ProblemList = {
  id: 'l1',
  kind: 'inspection',
  name: '市委第一巡察组巡察反馈意见',
  batchNo: null,
  issuedOn: '2023-04-20',
  source: null,
  itemCount: 1,
  classCount: 1,
  counts: { open: 1, rectifying: 0, rectified: 0 },
  createdAt: '2024-03-12T02:00:00Z',
};
const item: Problem = {
  id: 'p1',
  listId: 'l1',
  seq: 1,
  className: '甲类',
  title: '台账不全',
  unitId: null,
  unitName: null,
  dueDate: null,
  status: 'open',
  measures: null,
  photoIds: [],
  rectifiedOn: null,
  updatedAt: '2024-03-12T02:00:00Z',
};
const page = <T,>(items: T[]) => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } });

function show(roles: Parameters<typeof fakeMe>[0]) {
  const server = fakeFetch({
    'GET /api/campaigns': () => page([campaign]),
    'GET /api/campaigns/figures': () => ({ status: 200, body: figures }),
    'GET /api/campaigns/c1': () => ({ status: 200, body: campaign }),
    'GET /api/campaigns/c1/tasks': () => page([]),
    'GET /api/campaigns/c1/reports': () => page([]),
    'GET /api/problem-lists': () => page([list]),
    'GET /api/problem-lists/l1/items': () => page([item]),
    'POST /api/problems/p1/step': () => ({ status: 200, body: { ...item, status: 'rectifying' } }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <App>
        <CampaignsPage />
      </App>,
      fakeAuth(fakeMe(roles)),
    ),
  );
  return server;
}

describe('专项行动 page', () => {
  it('shows the year of the latest campaign as cards, the campaigns and one opened with its targets', async () => {
    const server = show(['leader']);
    expect(await screen.findByText('63/83')).toBeTruthy();
    expect(screen.getByText('26/26 个已整改')).toBeTruthy();
    await waitFor(() =>
      expect(server.calls.some((c) => c.url.includes('/api/campaigns/figures?from=2023-01-01&to=2023-12-31'))).toBe(
        true,
      ),
    );
    expect(screen.getByTestId('campaigns-create')).toBeTruthy();
    fireEvent.click(await screen.findByTestId('campaign-ZX2023-001'));
    expect(await screen.findByTestId('campaign-detail')).toBeTruthy();
    expect(await screen.findByText('ZX2023-001 线缆整治专项行动')).toBeTruthy();
    expect(screen.getByText('道路（条）')).toBeTruthy();
  });

  it('lets a unit start rectifying a listed problem, and shows no forms to a reader', async () => {
    const server = show(['unitHandler']);
    expect(screen.queryByTestId('campaigns-create')).toBeNull();
    fireEvent.click(await screen.findByRole('tab', { name: '问题清单' }));
    fireEvent.click(await screen.findByText('市委第一巡察组巡察反馈意见'));
    fireEvent.click(await screen.findByRole('button', { name: '开始整改' }));
    await waitFor(() => expect(server.calls.find((c) => c.method === 'POST')?.body).toEqual({ action: 'start' }));
  });
});
