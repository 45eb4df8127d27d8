// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { GasFigures, GasHazard, GasProgress } from '../../../../common/contracts/gas-safety.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { GasSafetyPage } from './GasSafetyPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const figures: GasFigures = {
  checks: 40,
  superiorChecks: 1,
  hazards: 1139,
  hazardsClosed: 1139,
  superiorHazards: 35,
  superiorClosed: 35,
  rectifyRate: 100,
  overdue: 1,
  installs: { alarm: 280, valve: 18127, hose: 91860 },
  pipelineUsers: { users: 405, fitted: 405, pct: 100 },
  lpgUsers: { users: 1605, fitted: 1605, pct: 100 },
};
const hazard: GasHazard = {
  id: 'h1',
  hazardNo: 'RQYH2024-00001',
  checkId: 'c1',
  checkNo: 'JC2024-0001',
  source: 'bureau',
  assetId: null,
  holder: '福顺餐馆',
  address: null,
  regionId: null,
  regionName: null,
  description: '燃气软管老化开裂',
  level: 'major',
  foundOn: '2024-03-01',
  deadline: '2024-03-05',
  status: 'rectified',
  overdue: true,
  rectifiedOn: '2024-03-04',
  rectifyNote: '已更换',
  closedOn: null,
  reinspections: 0,
  reinspectNote: null,
  reinspectedByName: null,
  photoIds: [],
  version: 2,
  createdAt: '2024-03-01T02:00:00Z',
};
const progress: GasProgress = {
  year: 2024,
  rows: [
    {
      regionId: 'r1',
      regionName: '东岳社区',
      alarm: { target: 120, done: 30, pct: 25 },
      valve: { target: 0, done: 0, pct: null },
      hose: { target: 0, done: 0, pct: null },
    },
  ],
  total: {
    alarm: { target: 120, done: 30, pct: 25 },
    valve: { target: 0, done: 0, pct: null },
    hose: { target: 0, done: 0, pct: null },
  },
};
const page = <T,>(items: T[]) => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } });

function show(roles: Parameters<typeof fakeMe>[0]) {
  const server = fakeFetch({
    'GET /api/gas/figures': () => ({ status: 200, body: figures }),
    'GET /api/gas/hazards': () => page([hazard]),
    'GET /api/gas/checks': () => page([]),
    'GET /api/gas/progress': () => ({ status: 200, body: progress }),
    'POST /api/gas/hazards/h1/reinspect': () => ({ status: 200, body: { ...hazard, status: 'closed' } }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <App>
        <GasSafetyPage />
      </App>,
      fakeAuth(fakeMe(roles)),
    ),
  );
  return server;
}

describe('燃气安全 page', () => {
  it('shows the year’s figures as cards and the hazards with their state and overdue mark', async () => {
    show(['leader']);
    expect(await screen.findByText('1139/1139')).toBeTruthy();
    expect(screen.getByText('405/405户')).toBeTruthy();
    const row = (await screen.findByText('RQYH2024-00001')).closest('tr')!;
    expect(within(row).getByText('待复查')).toBeTruthy();
    expect(within(row).getByText('逾期')).toBeTruthy();
    expect(within(row).getByText('重大隐患')).toBeTruthy();
    // a reader has no forms
    expect(screen.queryByTestId('gas-hazards-create')).toBeNull();
    expect(screen.queryByTestId('gas-reinspect-RQYH2024-00001')).toBeNull();
  });

  it('asks for a photo before a passed re-inspection is sent', async () => {
    const server = show(['admin']);
    fireEvent.click(await screen.findByTestId('gas-reinspect-RQYH2024-00001'));
    fireEvent.change(await screen.findByTestId('gas-reinspect-note'), { target: { value: '复查合格' } });
    fireEvent.click(screen.getByTestId('gas-reinspect-save'));
    expect(await screen.findByText('复查合格须上传复查照片')).toBeTruthy();
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows the 三件套 progress per community against its target', async () => {
    show(['leader']);
    fireEvent.click(await screen.findByRole('tab', { name: '居民“三件套”' }));
    const row = (await screen.findByText('东岳社区')).closest('tr')!;
    expect(within(row).getByText('30 / 120')).toBeTruthy();
    await waitFor(() => expect(within(row).getByText('25%')).toBeTruthy());
  });
});
